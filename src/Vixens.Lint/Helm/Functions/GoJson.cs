using System.Globalization;
using System.Text;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// encoding/json as templates see it: <c>json.Marshal</c> (sorted keys, HTML-safe escapes, Go's float form),
/// <c>MarshalIndent</c>, the raw variant without HTML escaping, and <c>json.Unmarshal</c> into <c>interface{}</c>
/// with Go's error messages.
/// </summary>
public static class GoJson
{
    /// <summary><c>json.Marshal(value)</c>.</summary>
    /// <exception cref="GoYamlException">Go's error, e.g. <c>json: unsupported value: NaN</c>.</exception>
    public static string Marshal(object? value) => Write(value, escapeHtml: true, indent: null);

    /// <summary><c>json.MarshalIndent(value, "", indent)</c>.</summary>
    public static string MarshalIndent(object? value, string indent) => Write(value, escapeHtml: true, indent: indent);

    /// <summary>An encoder with <c>SetEscapeHTML(false)</c>, without the newline it appends.</summary>
    public static string MarshalRaw(object? value) => Write(value, escapeHtml: false, indent: null);

    /// <summary><c>json.Unmarshal</c> into <c>interface{}</c>: objects, arrays, strings, float64, bools, nil.</summary>
    /// <exception cref="GoYamlException">Go's error, e.g. <c>unexpected end of JSON input</c>.</exception>
    public static object? Unmarshal(string text) => GoJsonParser.Parse(text);

    private static string Write(object? value, bool escapeHtml, string? indent)
    {
        var sb = new StringBuilder();
        new Writer(sb, escapeHtml, indent).Value(value, 0);
        return sb.ToString();
    }

    /// <summary>Go's string escaping: quotes, backslash, control characters, U+2028/2029 and, when asked, &lt; &gt; &amp;.</summary>
    internal static void AppendQuoted(StringBuilder sb, string s, bool escapeHtml)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    continue;
                case '\\':
                    sb.Append("\\\\");
                    continue;
                case '\n':
                    sb.Append("\\n");
                    continue;
                case '\r':
                    sb.Append("\\r");
                    continue;
                case '\t':
                    sb.Append("\\t");
                    continue;
                case '\b':
                    sb.Append("\\b");
                    continue;
                case '\f':
                    sb.Append("\\f");
                    continue;
                case '\u2028' or '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    continue;
            }

            if (c < 0x20 || (escapeHtml && c is '<' or '>' or '&'))
            {
                sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                // Go strings hold bytes; a lone surrogate is invalid UTF-8, which Go writes as U+FFFD.
                sb.Append("\\ufffd");
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append('"');
    }

    private sealed class Writer(StringBuilder sb, bool escapeHtml, string? indent)
    {
        public void Value(object? value, int depth)
        {
            switch (value)
            {
                case null:
                    sb.Append("null");
                    break;
                case string s:
                    AppendQuoted(sb, s, escapeHtml);
                    break;
                case bool b:
                    sb.Append(b ? "true" : "false");
                    break;
                case int i:
                    sb.Append(i.ToString(CultureInfo.InvariantCulture));
                    break;
                case long l:
                    sb.Append(l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    if (double.IsNaN(d) || double.IsInfinity(d))
                    {
                        throw new GoYamlException($"json: unsupported value: {GoNumberText.FormatG(d)}");
                    }

                    sb.Append(GoNumberText.FormatJson(d));
                    break;
                case byte[] bytes:
                    sb.Append('"').Append(Convert.ToBase64String(bytes)).Append('"');
                    break;
                case Dictionary<string, object?> map:
                    Object(map.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList(), depth, sort: true);
                    break;
                case Dictionary<string, string> smap:
                    Object(smap.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList(), depth, sort: true);
                    break;
                case IGoObject obj:
                    Object(obj.Fields.ToList(), depth, sort: false);
                    break;
                case List<object?> list:
                    Array(list, depth);
                    break;
                case List<string> strings:
                    Array(strings.Cast<object?>().ToList(), depth);
                    break;
                case System.Collections.IList other:
                    Array(other.Cast<object?>().ToList(), depth);
                    break;
                default:
                    sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        private void Object(List<KeyValuePair<string, object?>> entries, int depth, bool sort)
        {
            if (sort)
            {
                entries.Sort((a, b) => GoStrings.Compare(a.Key, b.Key));
            }

            sb.Append('{');
            for (var i = 0; i < entries.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                NewLine(depth + 1);
                AppendQuoted(sb, entries[i].Key, escapeHtml);
                sb.Append(indent is null ? ":" : ": ");
                Value(entries[i].Value, depth + 1);
            }

            if (entries.Count > 0)
            {
                NewLine(depth);
            }

            sb.Append('}');
        }

        private void Array(List<object?> items, int depth)
        {
            sb.Append('[');
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                NewLine(depth + 1);
                Value(items[i], depth + 1);
            }

            if (items.Count > 0)
            {
                NewLine(depth);
            }

            sb.Append(']');
        }

        private void NewLine(int depth)
        {
            if (indent is null)
            {
                return;
            }

            sb.Append('\n');
            for (var i = 0; i < depth; i++)
            {
                sb.Append(indent);
            }
        }
    }
}
