using System.Globalization;
using System.Text;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// Generator parameters as Go sees them, one CLR type per Go type (the convention of <c>Helm.Template.GoFunction</c>):
/// <c>null</c>, <see cref="bool"/>, <see cref="string"/>, <see cref="double"/> (every number read from YAML or JSON,
/// as <c>sigs.k8s.io/yaml</c> gives float64), <c>List&lt;object?&gt;</c>, <c>List&lt;string&gt;</c> (the Git
/// generator's <c>segments</c>), <c>Dictionary&lt;string, object?&gt;</c> and <c>Dictionary&lt;string, string&gt;</c>
/// (<c>values</c>, cluster labels and annotations).
/// </summary>
internal static class ParamValues
{
    private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789.eE+-");

    /// <summary>
    /// Converts a YAML node the way <c>sigs.k8s.io/yaml</c> does (its YAML 1.1 reader, then JSON): <c>yes</c>/<c>on</c>
    /// are booleans, every number becomes a float64, mapping keys become strings.
    /// </summary>
    public static object? FromYaml(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping map:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in map.Entries)
                {
                    dict[entry.Key.Value] = FromYaml(entry.Value);
                }

                return dict;
            case YamlSequence seq:
                return seq.Items.Select(FromYaml).ToList();
            case YamlScalar scalar:
                return FromScalar(scalar);
            default:
                return null;
        }
    }

    private static object? FromScalar(YamlScalar scalar)
    {
        if (scalar.Tag is not null || scalar.Style != ScalarStyle.Plain)
        {
            return scalar.Kind switch
            {
                ScalarKind.Null => null,
                ScalarKind.Bool => scalar.AsBool(),
                ScalarKind.Int or ScalarKind.Float when TryParseYaml11Number(scalar.Value, out var tagged) => tagged,
                _ => scalar.Value,
            };
        }

        var text = scalar.Value;
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "true" or "True" or "TRUE":
                return true;
            case "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "false" or "False" or "FALSE":
                return false;
        }

        return TryParseYaml11Number(text, out var number) ? number : text;
    }

    /// <summary>YAML 1.1 numbers as go-yaml v2 resolves them (underscores, 0x, 0b, leading-zero octal, .inf, .nan).</summary>
    private static bool TryParseYaml11Number(string text, out double value)
    {
        value = 0;
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.'))
        {
            return false;
        }

        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = plain.StartsWith('-');
        var body = plain.TrimStart('-', '+');
        if (body.Length == 0)
        {
            return false;
        }

        if (body.StartsWith("0x", StringComparison.Ordinal) && body.Length > 2 &&
            ulong.TryParse(body.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            value = negative ? -(double)hex : hex;
            return true;
        }

        if (body.StartsWith("0b", StringComparison.Ordinal) && body.Length > 2 && body.AsSpan(2).IndexOfAnyExcept('0', '1') < 0)
        {
            value = (negative ? -1.0 : 1.0) * Convert.ToUInt64(body[2..], 2);
            return true;
        }

        if (body.Length > 1 && body[0] == '0' && body.AsSpan().IndexOfAnyExceptInRange('0', '7') < 0)
        {
            value = (negative ? -1 : 1) * (double)Convert.ToUInt64(body, 8);
            return true;
        }

        if (body.AsSpan().IndexOfAnyExcept(NumberCharacters) >= 0 || !char.IsAsciiDigit(body[0]) && body[0] != '.')
        {
            return false;
        }

        return double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Go's <c>fmt.Sprintf("%v", v)</c> for the parameter types.</summary>
    public static string FormatV(object? value) => value switch
    {
        null => "<nil>",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatFloat(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        List<string> strings => "[" + string.Join(" ", strings) + "]",
        List<object?> items => "[" + string.Join(" ", items.Select(FormatV)) + "]",
        Dictionary<string, string> map => "map[" + string.Join(" ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + p.Value)) + "]",
        Dictionary<string, object?> map => "map[" + string.Join(" ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + FormatV(p.Value))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// <c>strconv.FormatFloat(v, 'g', -1, 64)</c>: the shortest digits that read back, in exponent form when the
    /// exponent is below -4 or at least 6 (so 1000000 prints <c>1e+06</c>, as ArgoCD writes a flattened Git file value).
    /// </summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // "E16" is not shortest; "R" is, so take its digits and decimal exponent.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = point >= 0 ? text.Remove(point, 1) : text;
        var decimalPoint = (point >= 0 ? point : text.Length) + exponent;
        var trimmedStart = digits.TrimStart('0');
        decimalPoint -= digits.Length - trimmedStart.Length;
        digits = trimmedStart.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var sb = new StringBuilder();
        if (value < 0)
        {
            sb.Append('-');
        }

        var exp = decimalPoint - 1;
        if (exp < -4 || exp >= 6)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(exp < 0 ? '-' : '+');
            var magnitude = Math.Abs(exp);
            sb.Append(magnitude < 10 ? "0" : string.Empty).Append(magnitude.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        if (decimalPoint <= 0)
        {
            sb.Append("0.").Append('0', -decimalPoint).Append(digits);
        }
        else if (decimalPoint >= digits.Length)
        {
            sb.Append(digits).Append('0', decimalPoint - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, decimalPoint).Append('.').Append(digits, decimalPoint, digits.Length - decimalPoint);
        }

        return sb.ToString();
    }

    /// <summary>A deep copy, so that merging one parameter set never changes another that shares a nested map.</summary>
    public static object? DeepClone(object? value) => value switch
    {
        Dictionary<string, object?> map => CloneMap(map),
        Dictionary<string, string> map => new Dictionary<string, string>(map, StringComparer.Ordinal),
        List<object?> list => list.Select(DeepClone).ToList(),
        List<string> list => new List<string>(list),
        _ => value,
    };

    public static Dictionary<string, object?> CloneMap(IReadOnlyDictionary<string, object?> map)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, item) in map)
        {
            copy[key] = DeepClone(item);
        }

        return copy;
    }

    /// <summary>Whether a value is Go's zero/empty value as mergo sees it (used by the goTemplate merges).</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        double d => d == 0,
        System.Collections.ICollection c => c.Count == 0,
        _ => false,
    };
}
