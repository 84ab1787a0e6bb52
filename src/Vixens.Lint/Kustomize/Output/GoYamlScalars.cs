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
        if (GoInt().IsMatch(plain) || YamlFloat().IsMatch(plain))
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

        if (number > long.MaxValue || number < long.MinValue)
        {
            // go-yaml v3 falls back to a float, which JSON prints in exponent form.
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

    /// <summary>A float as JSON encodes it and go-yaml v2 prints it back: integral values lose their fraction.</summary>
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

        if (!double.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }

        if (Math.Floor(number) == number && Math.Abs(number) < 1e21)
        {
            // JSON writes it without a fraction, and go-yaml v2 reads it back as an integer.
            return ((System.Numerics.BigInteger)number).ToString(CultureInfo.InvariantCulture);
        }

        return FormatGoFloat(number);
    }

    /// <summary>Go's strconv.FormatFloat(f, 'g', -1, 64): shortest round-trip digits, exponent when it is &lt; -4 or ≥ 21.</summary>
    private static string FormatGoFloat(double number)
    {
        var r = number.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        if (e < 0)
        {
            return r;
        }

        var mantissa = r[..e];
        var exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var sign = exponent < 0 ? "-" : "+";
        return $"{mantissa}e{sign}{Math.Abs(exponent):00}";
    }
}
