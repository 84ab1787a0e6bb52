using System.Globalization;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// A Go <c>time.Time</c>: an instant, the offset of its location and the zone's abbreviation. <c>%v</c> prints
/// <c>2006-01-02 15:04:05.999999999 -0700 MST</c> through its String method; a few methods templates use are exposed.
/// </summary>
internal sealed class GoTime : IGoObject
{
    public GoTime(DateTime utc, TimeSpan offset, string zone)
    {
        Utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        Offset = offset;
        Zone = zone;
    }

    /// <summary>Go's zero time, 0001-01-01 00:00:00 UTC.</summary>
    public static GoTime Zero => new(DateTime.MinValue, TimeSpan.Zero, "UTC");

    public DateTime Utc { get; }

    public TimeSpan Offset { get; }

    public string Zone { get; }

    /// <summary>The wall clock in this time's location.</summary>
    public DateTime Local => DateTime.SpecifyKind(Utc + Offset, DateTimeKind.Unspecified);

    public string GoTypeName => "time.Time";

    public bool IsPointer => false;

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => [];

    public long Unix => (long)Math.Floor((Utc - DateTime.UnixEpoch).TotalSeconds);

    /// <summary>time.Unix(seconds, 0) in this library's local zone (UTC, as the offline oracle ran).</summary>
    public static GoTime FromUnix(long seconds) => new(DateTime.UnixEpoch.AddSeconds(seconds), TimeSpan.Zero, "UTC");

    /// <summary>The current time in the local zone (UTC here).</summary>
    public static GoTime Now() => new(DateTime.UtcNow, TimeSpan.Zero, "UTC");

    /// <summary>t.In(location).</summary>
    public GoTime In(GoZone zone)
    {
        var offset = zone.OffsetAt(Utc, out var abbreviation);
        return new GoTime(Utc, offset, abbreviation);
    }

    public GoTime Add(TimeSpan duration) => new(Utc + duration, Offset, Zone);

    public override string ToString() => GoTimeFormat.Format(this, "2006-01-02 15:04:05.999999999 -0700 MST");

    public bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryGetMethod(string name, out GoFunction? method)
    {
        method = name switch
        {
            "String" => new GoFunction(name, [], null, _ => ToString()),
            "Unix" => new GoFunction(name, [], null, _ => Unix),
            "UnixNano" => new GoFunction(name, [], null, _ => (Utc - DateTime.UnixEpoch).Ticks * 100),
            "Format" => new GoFunction(name, [GoType.String], null, a => GoTimeFormat.Format(this, (string)a[0]!)),
            "UTC" => new GoFunction(name, [], null, _ => new GoTime(Utc, TimeSpan.Zero, "UTC")),
            "Year" => new GoFunction(name, [], null, _ => Local.Year),
            "Day" => new GoFunction(name, [], null, _ => Local.Day),
            "Hour" => new GoFunction(name, [], null, _ => Local.Hour),
            "Minute" => new GoFunction(name, [], null, _ => Local.Minute),
            "Second" => new GoFunction(name, [], null, _ => Local.Second),
            "YearDay" => new GoFunction(name, [], null, _ => Local.DayOfYear),
            "IsZero" => new GoFunction(name, [], null, _ => Utc == DateTime.MinValue),
            _ => null,
        };
        return method is not null;
    }
}

/// <summary>A time zone by IANA name: .NET's offsets with the abbreviations Go prints (a table for common zones).</summary>
internal sealed class GoZone
{
    private static readonly Dictionary<string, (string Standard, string Daylight)> Abbreviations = new(StringComparer.Ordinal)
    {
        ["Europe/Paris"] = ("CET", "CEST"), ["Europe/Berlin"] = ("CET", "CEST"), ["Europe/Amsterdam"] = ("CET", "CEST"),
        ["Europe/Brussels"] = ("CET", "CEST"), ["Europe/Madrid"] = ("CET", "CEST"), ["Europe/Rome"] = ("CET", "CEST"),
        ["Europe/Zurich"] = ("CET", "CEST"), ["Europe/Vienna"] = ("CET", "CEST"), ["Europe/Stockholm"] = ("CET", "CEST"),
        ["Europe/Oslo"] = ("CET", "CEST"), ["Europe/Copenhagen"] = ("CET", "CEST"), ["Europe/Warsaw"] = ("CET", "CEST"),
        ["Europe/Prague"] = ("CET", "CEST"), ["Europe/London"] = ("GMT", "BST"), ["Europe/Dublin"] = ("GMT", "IST"),
        ["Europe/Lisbon"] = ("WET", "WEST"), ["Europe/Athens"] = ("EET", "EEST"), ["Europe/Helsinki"] = ("EET", "EEST"),
        ["Europe/Kiev"] = ("EET", "EEST"), ["Europe/Moscow"] = ("MSK", "MSK"),
        ["America/New_York"] = ("EST", "EDT"), ["America/Chicago"] = ("CST", "CDT"), ["America/Denver"] = ("MST", "MDT"),
        ["America/Los_Angeles"] = ("PST", "PDT"), ["America/Phoenix"] = ("MST", "MST"), ["America/Anchorage"] = ("AKST", "AKDT"),
        ["America/Toronto"] = ("EST", "EDT"), ["America/Vancouver"] = ("PST", "PDT"), ["Pacific/Honolulu"] = ("HST", "HST"),
        ["Asia/Tokyo"] = ("JST", "JST"), ["Asia/Seoul"] = ("KST", "KST"), ["Asia/Shanghai"] = ("CST", "CST"),
        ["Asia/Hong_Kong"] = ("HKT", "HKT"), ["Asia/Kolkata"] = ("IST", "IST"), ["Asia/Jerusalem"] = ("IST", "IDT"),
        ["Australia/Sydney"] = ("AEST", "AEDT"), ["Australia/Melbourne"] = ("AEST", "AEDT"), ["Australia/Brisbane"] = ("AEST", "AEST"),
        ["Australia/Perth"] = ("AWST", "AWST"), ["Pacific/Auckland"] = ("NZST", "NZDT"), ["Africa/Johannesburg"] = ("SAST", "SAST"),
        ["UTC"] = ("UTC", "UTC"), ["Etc/UTC"] = ("UTC", "UTC"), ["GMT"] = ("GMT", "GMT"), ["Etc/GMT"] = ("GMT", "GMT"),
    };

    private readonly TimeZoneInfo? _info;
    private readonly string _name;

    private GoZone(string name, TimeZoneInfo? info)
    {
        _name = name;
        _info = info;
    }

    public static GoZone Utc { get; } = new("UTC", null);

    /// <summary>time.LoadLocation: "" and "UTC" are UTC, "Local" is this library's local zone (UTC); null when unknown.</summary>
    public static GoZone? Load(string name)
    {
        if (name is "" or "UTC" or "Local")
        {
            return Utc;
        }

        try
        {
            return new GoZone(name, TimeZoneInfo.FindSystemTimeZoneById(name));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public TimeSpan OffsetAt(DateTime utc, out string abbreviation)
    {
        if (_info is null)
        {
            abbreviation = "UTC";
            return TimeSpan.Zero;
        }

        var offset = _info.GetUtcOffset(utc);
        var daylight = _info.IsDaylightSavingTime(utc);
        abbreviation = Abbreviations.TryGetValue(_name, out var names)
            ? (daylight ? names.Daylight : names.Standard)
            : NumericAbbreviation(offset);
        return offset;
    }

    /// <summary>tzdata names zones without an abbreviation by their offset: "+03", "-0930".</summary>
    private static string NumericAbbreviation(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture)
            : sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }
}
