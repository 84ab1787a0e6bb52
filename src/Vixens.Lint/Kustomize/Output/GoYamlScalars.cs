using System.Globalization;
using System.Text.RegularExpressions;

namespace Vixens.Lint.Kustomize.Output;

/// <summary>
/// How kustomize's printer (go-yaml v2 behind sigs.k8s.io/yaml) decides whether a string can be written plain:
/// anything that YAML 1.1 would read back as another type (yes/no/on/off, numbers, dates, base-60) must be quoted.
/// </summary>
internal static partial class GoYamlScalars
{
    private static readonly HashSet<string> NonStringWords = new(StringComparer.Ordinal)
    {
        "", "~", "null", "Null", "NULL",
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF",
        "true", "True", "TRUE", "false", "False", "FALSE",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
    };

    /// <summary>True when go-yaml v2 would resolve the plain text to a string and may therefore print it unquoted.</summary>
    public static bool ResolvesToString(string s)
    {
        if (NonStringWords.Contains(s))
        {
            return false;
        }

        var first = s[0];
        if (first == '.')
        {
            return !DotFloat().IsMatch(s);
        }

        if (!(char.IsAsciiDigit(first) || first is '+' or '-'))
        {
            return true;
        }

        if (char.IsAsciiDigit(first) && Timestamp().IsMatch(s))
        {
            return false;
        }

        var plain = s.Replace("_", string.Empty, StringComparison.Ordinal);
        if (GoInt().IsMatch(plain) || (YamlFloat().IsMatch(plain) && !OverflowsDouble(plain)))
        {
            return false;
        }

        return !Base60Float().IsMatch(s);
    }

    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DotFloat();

    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoInt();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Base60Float();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]*)?(([ \t]*)(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    /// <summary>
    /// The text an integer takes after the YAML → JSON → YAML round trip kustomize does before printing
    /// (go-yaml v3 reads 0x1F, 0o17, 017 and +5 as numbers; the printer writes them in decimal).
    /// </summary>
    public static string NormalizeInt(string value)
    {
        var text = value.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            text = text[1..];
        }

        System.Numerics.BigInteger number;
        try
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                number = System.Numerics.BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            }
            else if (text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) || (text.Length > 1 && text[0] == '0' && text.All(c => c is >= '0' and <= '7')))
            {
                number = ParseBase(text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? text[2..] : text[1..], 8);
            }
            else if (text.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
            {
                number = ParseBase(text[2..], 2);
            }
            else
            {
                number = System.Numerics.BigInteger.Parse(text, CultureInfo.InvariantCulture);
            }
        }
        catch (FormatException)
        {
            return value;
        }

        if (negative)
        {
            number = -number;
        }

        if (number < long.MinValue || number > ulong.MaxValue)
        {
            // Beyond int64/uint64 go-yaml v3 falls back to a float.
            return NormalizeFloat(value);
        }

        return number.ToString(CultureInfo.InvariantCulture);
    }

    private static System.Numerics.BigInteger ParseBase(string digits, int radix)
    {
        System.Numerics.BigInteger result = 0;
        foreach (var c in digits)
        {
            result = (result * radix) + (c - '0');
        }

        return result;
    }

    /// <summary>
    /// A float after kustomize's YAML → JSON → YAML round trip: JSON writes integral values below 1e21 without a
    /// fraction, go-yaml v2 reads those back as integers when they fit 64 bits, and prints other floats with Go's %g.
    /// </summary>
    public static string NormalizeFloat(string value)
    {
        switch (value)
        {
            case ".nan" or ".NaN" or ".NAN":
                return ".nan";
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return ".inf";
            case "-.inf" or "-.Inf" or "-.INF":
                return "-.inf";
        }

        if (!double.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || double.IsInfinity(number))
        {
            return value;
        }

        if (Math.Floor(number) == number && Math.Abs(number) < 1e21)
        {
            var integer = new System.Numerics.BigInteger(number);
            if (integer >= long.MinValue && integer <= ulong.MaxValue)
            {
                return integer.ToString(CultureInfo.InvariantCulture);
            }
        }

        return FormatGoFloat(number);
    }

    /// <summary>True when a float-looking text overflows a double: go-yaml then keeps it as a string.</summary>
    public static bool OverflowsDouble(string value) =>
        double.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsInfinity(number);

    /// <summary>Go's strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form when the exponent is &lt; -4 or ≥ 6.</summary>
    private static string FormatGoFloat(double number)
    {
        if (number == 0)
        {
            return "0";
        }

        var r = Math.Abs(number).ToString("E16", CultureInfo.InvariantCulture);
        // Shortest round-trip digits come from "R"; normalise them into digits + decimal exponent.
        var shortest = Math.Abs(number).ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var exp10 = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        // Position of the decimal point relative to the first significant digit.
        var dp = intPart.Length - leadingZeros + exp10;
        var exp = dp - 1;
        var sign = number < 0 ? "-" : string.Empty;
        _ = r;
        if (exp < -4 || exp >= 6)
        {
            var m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return $"{sign}{m}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
        }

        if (dp <= 0)
        {
            return sign + "0." + new string('0', -dp) + digits;
        }

        if (dp >= digits.Length)
        {
            return sign + digits + new string('0', dp - digits.Length);
        }

        return sign + digits[..dp] + "." + digits[dp..];
    }

    /// <summary>
    /// Plain scalars that go-yaml v3 (what kustomize parses with) types beyond the YAML 1.2 core schema: numbers with
    /// underscores or 0b, and timestamps (printed back as RFC 3339 strings). Returns false for anything else.
    /// </summary>
    public static bool TryGoYamlV3Plain(string value, out string printed, out bool isString)
    {
        printed = value;
        isString = false;
        if (value.Length == 0 || !(char.IsAsciiDigit(value[0]) || value[0] is '-' or '+' or '.'))
        {
            return false;
        }

        if (Timestamp().IsMatch(value) && TryRfc3339(value, out var time))
        {
            printed = time;
            isString = true;
            return true;
        }

        var plain = value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (GoInt().IsMatch(plain) && (value.Contains('_', StringComparison.Ordinal) || plain.Contains("0b", StringComparison.OrdinalIgnoreCase)))
        {
            printed = NormalizeInt(plain);
            return true;
        }

        if (value.Contains('_', StringComparison.Ordinal) && YamlFloat().IsMatch(plain))
        {
            printed = NormalizeFloat(plain);
            return true;
        }

        return false;
    }

    /// <summary>Go's time.Time JSON form (RFC 3339 with trimmed nanoseconds, Z for UTC).</summary>
    private static bool TryRfc3339(string value, out string result)
    {
        result = value;
        var m = Regex.Match(value, @"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]*))?(?:[ \t]*(Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$", RegexOptions.CultureInvariant);
        if (!m.Success)
        {
            return false;
        }

        int Part(int i) => m.Groups[i].Success && m.Groups[i].Length > 0 ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day, hour, minute, second) = (Part(1), Part(2), Part(3), Part(4), Part(5), Part(6));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var fraction = m.Groups[7].Success ? m.Groups[7].Value.TrimEnd('0') : string.Empty;
        var zone = m.Groups[8].Success ? m.Groups[8].Value : "Z";
        if (zone != "Z")
        {
            var sign = zone[0];
            var parts = zone[1..].Split(':');
            var hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var minutes = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
            zone = hours == 0 && minutes == 0 ? "Z" : $"{sign}{hours:00}:{minutes:00}";
        }

        result = string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}{(fraction.Length > 0 ? "." + fraction : string.Empty)}{zone}");
        return true;
    }
}
