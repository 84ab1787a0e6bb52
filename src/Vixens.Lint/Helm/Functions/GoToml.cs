using System.Globalization;
using System.Text;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// TOML as Helm's toToml/fromToml use it (BurntSushi/toml): encoding writes a table's plain keys (sorted) before its
/// sub-tables and arrays of tables (sorted, indented two spaces per level); decoding reads the common TOML forms into
/// maps, lists, strings, int64, float64 and bools.
/// </summary>
internal static class GoToml
{
    /// <summary>toToml: the document, or the encoder's error text (Helm returns it in place of the document).</summary>
    public static string Marshal(object? value)
    {
        if (value is not Dictionary<string, object?> map)
        {
            return value is null ? string.Empty : "toml: top-level values must be Go maps or structs";
        }

        var sb = new StringBuilder();
        try
        {
            WriteTable(sb, [], map);
        }
        catch (GoYamlException e)
        {
            return e.Message;
        }

        return sb.ToString();
    }

    private static bool IsTable(object? v) => v is Dictionary<string, object?>;

    private static bool IsTableArray(object? v) => v is List<object?> { Count: > 0 } list && list.All(IsTable);

    private static void WriteTable(StringBuilder sb, List<string> path, Dictionary<string, object?> map)
    {
        var keys = map.Keys.Order(StringComparer.Ordinal).ToList();
        var indent = new string(' ', 2 * Math.Max(path.Count, 0));
        foreach (var key in keys.Where(k => map[k] is not null && !IsTable(map[k]) && !IsTableArray(map[k])))
        {
            sb.Append(indent).Append(Key(key)).Append(" = ");
            WriteValue(sb, map[key]);
            sb.Append('\n');
        }

        foreach (var key in keys.Where(k => IsTable(map[k]) || IsTableArray(map[k])))
        {
            var childPath = new List<string>(path) { key };
            var header = string.Join(".", childPath.Select(Key));
            var headerIndent = new string(' ', 2 * (childPath.Count - 1));
            if (map[key] is Dictionary<string, object?> child)
            {
                if (childPath.Count == 1)
                {
                    NewLine(sb);
                }

                sb.Append(headerIndent).Append('[').Append(header).Append("]\n");
                WriteTable(sb, childPath, child);
            }
            else
            {
                foreach (var element in (List<object?>)map[key]!)
                {
                    NewLine(sb);
                    sb.Append(headerIndent).Append("[[").Append(header).Append("]]\n");
                    WriteTable(sb, childPath, (Dictionary<string, object?>)element!);
                }
            }
        }
    }

    private static void NewLine(StringBuilder sb)
    {
        if (sb.Length > 0)
        {
            sb.Append('\n');
        }
    }

    private static string Key(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : Quote(key);

    private static void WriteValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case string s:
                sb.Append(Quote(s));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case int or long:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(double.IsNaN(d) ? "nan" : double.IsInfinity(d) ? (d > 0 ? "inf" : "-inf") : FloatText(d));
                break;
            case Dictionary<string, object?> inline:
                sb.Append('{');
                var first = true;
                foreach (var key in inline.Keys.Order(StringComparer.Ordinal).Where(k => inline[k] is not null))
                {
                    sb.Append(first ? " " : ", ").Append(Key(key)).Append(" = ");
                    WriteValue(sb, inline[key]);
                    first = false;
                }

                sb.Append(first ? "}" : " }");
                break;
            case System.Collections.IList list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    WriteValue(sb, list[i]);
                }

                sb.Append(']');
                break;
            case null:
                throw new GoYamlException("toml: cannot encode array with nil element");
            default:
                sb.Append(Quote(GoFmt.Sprint(value)));
                break;
        }
    }

    /// <summary>strconv 'f' shortest, with ".0" added to whole numbers.</summary>
    private static string FloatText(double d)
    {
        var text = GoNumberText.FormatJson(d);
        if (text.Contains('e', StringComparison.Ordinal))
        {
            text = d.ToString("F" + Math.Max(0, -(int)Math.Floor(Math.Log10(Math.Abs(d))) + 17), CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('.') is var t && t.EndsWith('.') ? t + "0" : text : text + ".0";
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                _ when c < 0x20 || c == 0x7F => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>fromToml: the document as a map; errors in BurntSushi's wording where this reader knows it.</summary>
    public static Dictionary<string, object?> Unmarshal(string text) => new GoTomlReader(text).Read();
}
