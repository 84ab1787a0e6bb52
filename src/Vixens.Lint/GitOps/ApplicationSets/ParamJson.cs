using System.Globalization;
using System.Text;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>Go's <c>encoding/json</c> output for parameter values (sorted keys, HTML-safe escapes), used for merge keys.</summary>
internal static class ParamJson
{
    public static string Write(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        Dictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Quote(p.Key) + ":" + Write(p.Value))) + "}",
        Dictionary<string, string> map => "{" + string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Quote(p.Key) + ":" + Quote(p.Value))) + "}",
        List<object?> list => "[" + string.Join(",", list.Select(Write)) + "]",
        List<string> list => "[" + string.Join(",", list.Select(Quote)) + "]",
        _ => Quote(ParamValues.FormatV(value)),
    };

    public static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>float64 as Go's JSON writes it: no exponent between 1e-6 and 1e21.</summary>
    private static string FormatNumber(double value)
    {
        var abs = Math.Abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
            return text.Replace("e-0", "e-", StringComparison.Ordinal).Replace("e+0", "e+", StringComparison.Ordinal);
        }

        return value.ToString("0.#################", CultureInfo.InvariantCulture);
    }
}
