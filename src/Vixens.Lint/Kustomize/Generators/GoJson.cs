using System.Globalization;
using System.Text;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Generators;

/// <summary>
/// JSON text exactly as Go's encoding/json writes it (sorted keys, HTML-safe escapes), because kustomize hashes that
/// text to name generated ConfigMaps and Secrets: one different byte would give a different name.
/// </summary>
internal static class GoJson
{
    public static void WriteString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < (char)0x20:
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }

    /// <summary>A YAML node as Go would marshal the value go-yaml v3 decodes it to.</summary>
    public static void WriteNode(StringBuilder sb, YamlNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case YamlMapping map:
                sb.Append('{');
                var first = true;
                foreach (var entry in map.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, entry.Key.Value);
                    sb.Append(':');
                    WriteNode(sb, entry.Value);
                }

                sb.Append('}');
                break;
            case YamlSequence seq:
                sb.Append('[');
                for (var i = 0; i < seq.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    WriteNode(sb, seq[i]);
                }

                sb.Append(']');
                break;
            case YamlScalar scalar:
                switch (scalar.Kind)
                {
                    case ScalarKind.Null: sb.Append("null"); break;
                    case ScalarKind.Bool: sb.Append(scalar.AsBool() ? "true" : "false"); break;
                    case ScalarKind.Int: sb.Append(Output.GoYamlScalars.NormalizeInt(scalar.Value)); break;
                    case ScalarKind.Float: sb.Append(Output.GoYamlScalars.NormalizeFloat(scalar.Value)); break;
                    default: WriteString(sb, scalar.Value); break;
                }

                break;
        }
    }
}
