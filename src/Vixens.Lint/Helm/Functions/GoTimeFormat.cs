using System.Globalization;
using System.Text;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>Go's reference-time layouts ("2006-01-02 15:04:05 MST"): formatting and parsing.</summary>
internal static class GoTimeFormat
{
    private static readonly string[] LongMonths = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly string[] ShortMonths = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];
    private static readonly string[] LongDays = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;
    private static readonly string[] ShortDays = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames;

    /// <summary>Splits a layout into literal text and reference-time elements, as Go's nextStdChunk does.</summary>
    private static List<(string Text, bool IsElement)> Chunks(string layout)
    {
        var chunks = new List<(string, bool)>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < layout.Length)
        {
            var element = ElementAt(layout, i);
            if (element is null)
            {
                literal.Append(layout[i]);
                i++;
                continue;
            }

            if (literal.Length > 0)
            {
                chunks.Add((literal.ToString(), false));
                literal.Clear();
            }

            chunks.Add((element, true));
            i += element.Length;
        }

        if (literal.Length > 0)
        {
            chunks.Add((literal.ToString(), false));
        }

        return chunks;
    }

    private static readonly string[] Candidates =
    [
        "January", "Jan", "Monday", "Mon", "MST", "2006", "002", "01", "02", "03", "04", "05", "06", "15", "__2", "_2",
        "-07:00:00", "-070000", "-0700", "-07:00", "-07", "Z07:00:00", "Z070000", "Z0700", "Z07:00", "Z07", "PM", "pm",
        "1", "2", "3", "4", "5",
    ];

    private static string? ElementAt(string layout, int i)
    {
        var c = layout[i];
        if (c is '.' or ',' && i + 1 < layout.Length && layout[i + 1] is '0' or '9')
        {
            var digit = layout[i + 1];
            var j = i + 1;
            while (j < layout.Length && layout[j] == digit)
            {
                j++;
            }

            if (j >= layout.Length || !char.IsAsciiDigit(layout[j]))
            {
                return layout[i..j];
            }
        }

        foreach (var candidate in Candidates)
        {
            if (string.CompareOrdinal(layout, i, candidate, 0, candidate.Length) != 0)
            {
                continue;
            }

            // Go's special cases: "Jan"/"Mon" only when not followed by a lower-case letter ("Janet" is text).
            if (candidate is "Jan" or "Mon" && i + 3 < layout.Length && char.IsAsciiLetterLower(layout[i + 3]))
            {
                continue;
            }

            return candidate;
        }

        return null;
    }

    public static string Format(GoTime t, string layout)
    {
        var d = t.Local;
        var sb = new StringBuilder();
        foreach (var (text, isElement) in Chunks(layout))
        {
            if (!isElement)
            {
                sb.Append(text);
                continue;
            }

            var hour12 = d.Hour % 12 == 0 ? 12 : d.Hour % 12;
            sb.Append(text switch
            {
                "January" => LongMonths[d.Month - 1],
                "Jan" => ShortMonths[d.Month - 1],
                "Monday" => LongDays[(int)d.DayOfWeek],
                "Mon" => ShortDays[(int)d.DayOfWeek],
                "MST" => t.Zone.Length > 0 ? t.Zone : Offset(t.Offset, colon: false, seconds: false, zulu: false, hoursOnly: false),
                "2006" => d.Year.ToString("0000", CultureInfo.InvariantCulture),
                "06" => (d.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                "01" => d.Month.ToString("00", CultureInfo.InvariantCulture),
                "1" => d.Month.ToString(CultureInfo.InvariantCulture),
                "02" => d.Day.ToString("00", CultureInfo.InvariantCulture),
                "2" => d.Day.ToString(CultureInfo.InvariantCulture),
                "_2" => d.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
                "002" => d.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
                "__2" => d.DayOfYear.ToString(CultureInfo.InvariantCulture).PadLeft(3),
                "15" => d.Hour.ToString("00", CultureInfo.InvariantCulture),
                "03" => hour12.ToString("00", CultureInfo.InvariantCulture),
                "3" => hour12.ToString(CultureInfo.InvariantCulture),
                "04" => d.Minute.ToString("00", CultureInfo.InvariantCulture),
                "4" => d.Minute.ToString(CultureInfo.InvariantCulture),
                "05" => d.Second.ToString("00", CultureInfo.InvariantCulture),
                "5" => d.Second.ToString(CultureInfo.InvariantCulture),
                "PM" => d.Hour >= 12 ? "PM" : "AM",
                "pm" => d.Hour >= 12 ? "pm" : "am",
                "-0700" => Offset(t.Offset, false, false, false, false),
                "-07:00" => Offset(t.Offset, true, false, false, false),
                "-07" => Offset(t.Offset, false, false, false, true),
                "-070000" => Offset(t.Offset, false, true, false, false),
                "-07:00:00" => Offset(t.Offset, true, true, false, false),
                "Z0700" => Offset(t.Offset, false, false, true, false),
                "Z07:00" => Offset(t.Offset, true, false, true, false),
                "Z07" => Offset(t.Offset, false, false, true, true),
                "Z070000" => Offset(t.Offset, false, true, true, false),
                "Z07:00:00" => Offset(t.Offset, true, true, true, false),
                _ => Fraction(d, text),
            });
        }

        return sb.ToString();
    }

    private static string Offset(TimeSpan offset, bool colon, bool seconds, bool zulu, bool hoursOnly)
    {
        if (zulu && offset == TimeSpan.Zero)
        {
            return "Z";
        }

        var abs = offset.Duration();
        var sb = new StringBuilder(offset < TimeSpan.Zero ? "-" : "+");
        sb.Append(abs.Hours.ToString("00", CultureInfo.InvariantCulture));
        if (!hoursOnly)
        {
            sb.Append(colon ? ":" : string.Empty).Append(abs.Minutes.ToString("00", CultureInfo.InvariantCulture));
        }

        if (seconds)
        {
            sb.Append(colon ? ":" : string.Empty).Append(abs.Seconds.ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string Fraction(DateTime d, string element)
    {
        var digits = (d.Ticks % TimeSpan.TicksPerSecond * 100).ToString("000000000", CultureInfo.InvariantCulture);
        var n = element.Length - 1;
        var text = digits[..Math.Min(n, 9)];
        if (element[1] == '9')
        {
            text = text.TrimEnd('0');
            return text.Length == 0 ? string.Empty : element[0] + text;
        }

        return element[0] + text;
    }

    /// <summary>time.ParseInLocation in this library's local zone (UTC), with Go's error text.</summary>
    public static GoTime Parse(string layout, string value)
    {
        var original = value;
        int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, yearDay = -1;
        long nanos = 0;
        var pm = false;
        var pmSet = false;
        TimeSpan? offset = null;
        var zone = string.Empty;
        var rest = value;
        foreach (var (text, isElement) in Chunks(layout))
        {
            if (!isElement)
            {
                if (!rest.StartsWith(text, StringComparison.Ordinal))
                {
                    throw Error(original, layout, rest, text);
                }

                rest = rest[text.Length..];
                continue;
            }

            var before = rest;
            bool ok;
            switch (text)
            {
                case "2006":
                    ok = Digits(ref rest, 4, 4, out year);
                    break;
                case "06":
                    ok = Digits(ref rest, 2, 2, out year);
                    year += year >= 69 ? 1900 : 2000;
                    break;
                case "01" or "02" or "03" or "04" or "05" or "15":
                    ok = Digits(ref rest, 2, 2, out var two);
                    Assign(text, two, ref month, ref day, ref hour, ref minute, ref second);
                    break;
                case "1" or "2" or "3" or "4" or "5":
                    ok = Digits(ref rest, 1, 2, out var one);
                    Assign(text, one, ref month, ref day, ref hour, ref minute, ref second);
                    break;
                case "_2":
                    if (rest.StartsWith(' '))
                    {
                        rest = rest[1..];
                    }

                    ok = Digits(ref rest, 1, 2, out day);
                    break;
                case "002" or "__2":
                    rest = text == "__2" ? rest.TrimStart(' ') : rest;
                    ok = Digits(ref rest, text == "002" ? 3 : 1, 3, out yearDay);
                    break;
                case "Jan" or "January":
                    ok = Name(ref rest, text == "Jan" ? ShortMonths : LongMonths, out var m);
                    month = m + 1;
                    break;
                case "Mon" or "Monday":
                    ok = Name(ref rest, text == "Mon" ? ShortDays : LongDays, out _);
                    break;
                case "PM" or "pm":
                    var meridiem = rest.Length >= 2 ? rest[..2].ToUpperInvariant() : string.Empty;
                    ok = meridiem is "AM" or "PM";
                    if (ok)
                    {
                        pm = meridiem == "PM";
                        pmSet = true;
                        rest = rest[2..];
                    }

                    break;
                case "MST":
                    var letters = 0;
                    while (letters < rest.Length && char.IsAsciiLetterUpper(rest[letters]))
                    {
                        letters++;
                    }

                    ok = letters >= 3;
                    if (ok)
                    {
                        zone = rest[..letters];
                        rest = rest[letters..];
                    }

                    break;
                default:
                    if (text[0] is '-' or 'Z')
                    {
                        ok = ParseOffset(ref rest, text, out var o);
                        offset = o;
                    }
                    else
                    {
                        ok = ParseFraction(ref rest, out nanos);
                    }

                    break;
            }

            if (!ok)
            {
                throw Error(original, layout, before, text);
            }
        }

        if (rest.Length > 0)
        {
            throw new GoFunctionException($"parsing time {GoQuoted(original)}: extra text: {GoQuoted(rest)}");
        }

        if (pmSet && hour < 12 && pm)
        {
            hour += 12;
        }
        else if (pmSet && hour == 12 && !pm)
        {
            hour = 0;
        }

        if (month is < 1 or > 12)
        {
            throw new GoFunctionException($"parsing time {GoQuoted(original)}: month out of range");
        }

        if (day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 59)
        {
            throw new GoFunctionException($"parsing time {GoQuoted(original)}: {(day < 1 || day > 31 ? "day" : "day-of-month")} out of range");
        }

        var local = new DateTime(Math.Clamp(year, 1, 9999), month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(nanos / 100);
        if (yearDay > 0)
        {
            local = new DateTime(Math.Clamp(year, 1, 9999), 1, 1).AddDays(yearDay - 1).Add(local.TimeOfDay);
        }

        var utcOffset = offset ?? TimeSpan.Zero;
        var name = offset is null ? (zone.Length > 0 ? zone : "UTC") : (utcOffset == TimeSpan.Zero && zone.Length == 0 ? "UTC" : zone);
        return new GoTime(local - utcOffset, utcOffset, name);
    }

    private static void Assign(string element, int value, ref int month, ref int day, ref int hour, ref int minute, ref int second)
    {
        switch (element)
        {
            case "01" or "1":
                month = value;
                break;
            case "02" or "2":
                day = value;
                break;
            case "03" or "3" or "15":
                hour = value;
                break;
            case "04" or "4":
                minute = value;
                break;
            default:
                second = value;
                break;
        }
    }

    private static bool Digits(ref string s, int min, int max, out int value)
    {
        value = 0;
        var n = 0;
        while (n < max && n < s.Length && char.IsAsciiDigit(s[n]))
        {
            value = (value * 10) + (s[n] - '0');
            n++;
        }

        if (n < min)
        {
            return false;
        }

        s = s[n..];
        return true;
    }

    private static bool Name(ref string s, string[] names, out int index)
    {
        for (index = 0; index < names.Length; index++)
        {
            if (s.StartsWith(names[index], StringComparison.OrdinalIgnoreCase))
            {
                s = s[names[index].Length..];
                return true;
            }
        }

        return false;
    }

    private static bool ParseOffset(ref string s, string element, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (element[0] == 'Z' && s.StartsWith('Z'))
        {
            s = s[1..];
            return true;
        }

        if (s.Length == 0 || s[0] is not ('+' or '-'))
        {
            return false;
        }

        var negative = s[0] == '-';
        var rest = s[1..];
        var colon = element.Contains(':', StringComparison.Ordinal);
        if (!Digits(ref rest, 2, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        var secs = 0;
        if (!element.EndsWith("07", StringComparison.Ordinal))
        {
            if (colon && !rest.StartsWith(':'))
            {
                return false;
            }

            rest = colon ? rest[1..] : rest;
            if (!Digits(ref rest, 2, 2, out minutes))
            {
                return false;
            }

            if (element.Length is 7 or 9)
            {
                if (colon && !rest.StartsWith(':'))
                {
                    return false;
                }

                rest = colon ? rest[1..] : rest;
                if (!Digits(ref rest, 2, 2, out secs))
                {
                    return false;
                }
            }
        }

        offset = new TimeSpan(hours, minutes, secs);
        if (negative)
        {
            offset = -offset;
        }

        s = rest;
        return true;
    }

    private static bool ParseFraction(ref string s, out long nanos)
    {
        nanos = 0;
        if (s.Length < 2 || s[0] is not ('.' or ','))
        {
            return false;
        }

        var n = 1;
        var digits = new StringBuilder();
        while (n < s.Length && char.IsAsciiDigit(s[n]))
        {
            digits.Append(s[n]);
            n++;
        }

        var text = digits.ToString().PadRight(9, '0')[..9];
        nanos = long.Parse(text, CultureInfo.InvariantCulture);
        s = s[n..];
        return true;
    }

    private static GoFunctionException Error(string value, string layout, string rest, string element) =>
        new($"parsing time {GoQuoted(value)} as {GoQuoted(layout)}: cannot parse {GoQuoted(rest)} as {GoQuoted(element)}");

    private static string GoQuoted(string s) => GoFmt.Sprintf("%q", s);
}
