using System.Text;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.GitOps.ApplicationSets;

/// <summary>
/// A stable text for a YAML tree, for comparing generated Applications with the expected ones: keys sorted, strings
/// quoted, other scalars by their resolved type, so quoting style and key order in the expected files do not matter
/// but a string "true" and a boolean true differ.
/// </summary>
internal static class CanonicalYaml
{
    public static string Of(YamlNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, YamlNode? node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case YamlMapping map:
                foreach (var entry in map.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
                {
                    sb.Append(pad).Append(entry.Key.Value).Append(':');
                    WriteValue(sb, entry.Value, indent);
                }

                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    sb.Append(pad).Append('-');
                    WriteValue(sb, item, indent);
                }

                break;
            default:
                sb.Append(pad).Append(Scalar(node as YamlScalar)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, YamlNode value, int indent)
    {
        if (value is YamlScalar scalar)
        {
            sb.Append(' ').Append(Scalar(scalar)).Append('\n');
        }
        else if (value is YamlMapping { Count: 0 })
        {
            sb.Append(" {}\n");
        }
        else if (value is YamlSequence { Count: 0 })
        {
            sb.Append(" []\n");
        }
        else
        {
            sb.Append('\n');
            Write(sb, value, indent + 2);
        }
    }

    private static string Scalar(YamlScalar? scalar) => scalar is null
        ? "null"
        : scalar.Kind switch
        {
            ScalarKind.String => System.Text.Json.JsonSerializer.Serialize(scalar.Value),
            ScalarKind.Null => "null",
            ScalarKind.Bool => scalar.AsBool() ? "true" : "false",
            _ => scalar.Value,
        };
}
