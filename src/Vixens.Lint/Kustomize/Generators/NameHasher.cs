using System.Security.Cryptography;
using System.Text;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Generators;

/// <summary>
/// The content hash kustomize appends to generated names: SHA-256 of a small JSON summary (kind, name, data...),
/// first 10 hex digits with a few letters swapped so that the result never looks like a number or a bad word.
/// </summary>
internal static class NameHasher
{
    public static string Hash(Resource resource)
    {
        var root = resource.Root;
        var sb = new StringBuilder();
        if (resource.Kind == "ConfigMap")
        {
            // Keys in Go's sorted order: binaryData, data, kind, name.
            sb.Append('{');
            if (root["binaryData"] is YamlMapping binary)
            {
                sb.Append("\"binaryData\":");
                GoJson.WriteNode(sb, AsJson(binary));
                sb.Append(',');
            }

            sb.Append("\"data\":");
            WriteOrEmpty(sb, root["data"]);
            // kustomize looks the name up with a path it cannot resolve, so the name always hashes as "".
            sb.Append(",\"kind\":\"ConfigMap\",\"name\":\"\"}");
        }
        else if (resource.Kind == "Secret")
        {
            sb.Append("{\"data\":");
            WriteOrEmpty(sb, root["data"]);
            sb.Append(",\"kind\":\"Secret\",\"name\":\"\"");
            if (root["stringData"] is YamlMapping stringData)
            {
                sb.Append(",\"stringData\":");
                GoJson.WriteNode(sb, AsJson(stringData));
            }

            sb.Append(",\"type\":");
            if (root["type"] is YamlScalar type)
            {
                GoJson.WriteString(sb, type.Value);
            }
            else
            {
                sb.Append("\"\"");
            }

            sb.Append('}');
        }
        else
        {
            GoJson.WriteNode(sb, root);
        }

        return Encode(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant());
    }

    private static void WriteOrEmpty(StringBuilder sb, YamlNode? node)
    {
        if (node is null)
        {
            sb.Append("\"\"");
        }
        else if (node is YamlScalar s)
        {
            GoJson.WriteString(sb, s.Value);
        }
        else
        {
            GoJson.WriteNode(sb, AsJson(node));
        }
    }

    /// <summary>kustomize hashes the JSON form of these maps, which folded scalars reach through go-yaml's write and read (see FoldedScalars).</summary>
    private static YamlNode AsJson(YamlNode node)
    {
        var copy = node.DeepClone();
        FoldedScalars.Serialize(copy);
        return copy;
    }

    private static string Encode(string hex)
    {
        var chars = hex[..10].ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '0' => 'g',
                '1' => 'h',
                '3' => 'k',
                'a' => 'm',
                'e' => 't',
                _ => chars[i],
            };
        }

        return new string(chars);
    }
}
