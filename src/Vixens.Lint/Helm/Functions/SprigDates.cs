using System.Globalization;
using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Sprig's dates (date.go). Times are <see cref="GoTime"/>; "Local" is UTC (the oracle ran with TZ=UTC, and an offline
/// linter must not depend on the machine's zone). <c>now</c> and <c>ago</c> read the clock.
/// </summary>
internal static class SprigDates
{
    public static IEnumerable<GoFunction> All()
    {
        yield return new("now", [], null, _ => GoTime.Now());
        yield return new("date", [T.String, T.Any], null, a => InZone(Str(a, 0), a[1], "Local"));
        yield return new("dateInZone", [T.String, T.Any, T.String], null, a => InZone(Str(a, 0), a[1], Str(a, 2)));
        yield return new("date_in_zone", [T.String, T.Any, T.String], null, a => InZone(Str(a, 0), a[1], Str(a, 2)));
        yield return new("htmlDate", [T.Any], null, a => InZone("2006-01-02", a[0], "Local"));
        yield return new("htmlDateInZone", [T.Any, T.String], null, a => InZone("2006-01-02", a[0], Str(a, 1)));
        foreach (var name in new[] { "dateModify", "date_modify" })
        {
            yield return new(name, [T.String, T.Any], null, a => Modify(Str(a, 0), a[1], must: false));
        }

        foreach (var name in new[] { "mustDateModify", "must_date_modify" })
        {
            yield return new(name, [T.String, T.Any], null, a => Modify(Str(a, 0), a[1], must: true));
        }

        yield return new("toDate", [T.String, T.String], null, a => ToDate(Str(a, 0), Str(a, 1), must: false));
        yield return new("mustToDate", [T.String, T.String], null, a => ToDate(Str(a, 0), Str(a, 1), must: true));
        yield return new("unixEpoch", [T.Any], null, a => Time(a[0]).Unix.ToString(CultureInfo.InvariantCulture));
        yield return new("ago", [T.Any], null, a => GoDuration.Format(RoundSeconds(DateTime.UtcNow - TimeOf(a[0]).Utc)));
        yield return new("duration", [T.Any], null, a => GoDuration.Format(checked(Seconds(a[0]) * 1_000_000_000L)));
        yield return new("durationRound", [T.Any], null, a => Round(a[0]));
    }

    private static GoTime Time(object? value) =>
        value as GoTime ?? throw new GoFunctionException($"wrong type for value; expected time.Time; got {GoValues.TypeName(value)}");

    /// <summary>Sprig's date argument: a time, or Unix seconds as int/int64; anything else is now.</summary>
    private static GoTime TimeOf(object? value) => value switch
    {
        GoTime t => t,
        long l => GoTime.FromUnix(l),
        int i => GoTime.FromUnix(i),
        _ => GoTime.Now(),
    };

    private static string InZone(string layout, object? date, string zone)
    {
        var location = GoZone.Load(zone) ?? GoZone.Utc;
        return GoTimeFormat.Format(TimeOf(date).In(location), layout);
    }

    private static GoTime Modify(string duration, object? date, bool must)
    {
        var time = Time(date);
        try
        {
            return time.Add(TimeSpan.FromTicks(GoDuration.Parse(duration) / 100));
        }
        catch (GoFunctionException) when (!must)
        {
            return time;
        }
    }

    private static GoTime ToDate(string layout, string value, bool must)
    {
        try
        {
            return GoTimeFormat.Parse(layout, value);
        }
        catch (GoFunctionException) when (!must)
        {
            return GoTime.Zero;
        }
    }

    private static long RoundSeconds(TimeSpan elapsed) => (long)Math.Round(elapsed.TotalSeconds, MidpointRounding.AwayFromZero) * 1_000_000_000L;

    /// <summary>Sprig's duration: only a string of digits or an int64 counts; any other value (an int too) is 0.</summary>
    private static long Seconds(object? value) => value switch
    {
        string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0,
        long l => l,
        _ => 0,
    };

    /// <summary>Sprig's durationRound: the largest whole unit (y, mo, d, h, m, s) the duration exceeds.</summary>
    private static string Round(object? value)
    {
        long nanos = value switch
        {
            string s => TryParse(s),
            long l => l,
            GoTime t => (DateTime.UtcNow - t.Utc).Ticks * 100,
            _ => 0,
        };
        var u = nanos < 0 ? unchecked((ulong)-nanos) : (ulong)nanos;
        const ulong second = 1_000_000_000UL;
        const ulong minute = 60 * second;
        const ulong hour = 60 * minute;
        const ulong day = 24 * hour;
        const ulong month = 30 * day;
        const ulong year = 365 * day;
        foreach (var (size, unit) in new[] { (year, "y"), (month, "mo"), (day, "d"), (hour, "h"), (minute, "m"), (second, "s") })
        {
            if (u > size)
            {
                return (u / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return "0s";
    }

    private static long TryParse(string s)
    {
        try
        {
            return GoDuration.Parse(s);
        }
        catch (GoFunctionException)
        {
            return 0;
        }
    }
}
