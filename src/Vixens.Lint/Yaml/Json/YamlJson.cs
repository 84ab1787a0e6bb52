using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Yaml.Json;

/// <summary>
/// A YAML node converted to JSON for JSON Schema evaluation, with a map from every JSON Pointer back to the YAML node it
/// came from, so a failing keyword's instance location becomes a line and column.
/// </summary>
public sealed class YamlJsonDocument
{
    private readonly Dictionary<string, YamlNode> _nodes;
    private readonly Dictionary<string, YamlScalar> _keys;

    internal YamlJsonDocument(JsonElement root, YamlNode source, Dictionary<string, YamlNode> nodes, Dictionary<string, YamlScalar> keys)
    {
        Root = root;
        Source = source;
        _nodes = nodes;
        _keys = keys;
    }

    public JsonElement Root { get; }

    public YamlNode Source { get; }

    /// <summary>The node at <paramref name="pointer"/> (RFC 6901, escaped), or its nearest existing ancestor.</summary>
    public YamlNode NodeAt(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_nodes.TryGetValue(current, out var node))
            {
                return node;
            }

            if (current.Length == 0)
            {
                return Source;
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current[..slash];
        }
    }

    /// <summary>The key scalar of the mapping entry at <paramref name="pointer"/>, when the pointer names a mapping entry.</summary>
    public YamlScalar? KeyAt(string pointer) => _keys.GetValueOrDefault(pointer);
}

/// <summary>Converts the position-aware YAML tree to JSON, honouring how each scalar was written (<c>1</c> is an integer, <c>"1"</c> a string).</summary>
public static class YamlJson
{
    public static YamlJsonDocument Convert(YamlNode node)
    {
        var nodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var keys = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node, string.Empty, nodes, keys, 0);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new YamlJsonDocument(document.RootElement.Clone(), node, nodes, keys);
    }

    /// <summary>RFC 6901 escaping of one reference token.</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void Write(Utf8JsonWriter writer, YamlNode node, string pointer, Dictionary<string, YamlNode> nodes, Dictionary<string, YamlScalar> keys, int depth)
    {
        nodes[pointer] = node;
        if (depth > 256)
        {
            writer.WriteNullValue();
            return;
        }

        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                var written = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    // Duplicate keys are reported by the loader; the first one wins here, as it does in the tree lookups.
                    if (!written.Add(entry.Key.Value))
                    {
                        continue;
                    }

                    var child = pointer + "/" + Escape(entry.Key.Value);
                    keys[child] = entry.Key;
                    writer.WritePropertyName(entry.Key.Value);
                    Write(writer, entry.Value, child, nodes, keys, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Write(writer, sequence.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), nodes, keys, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case YamlScalar scalar:
                // Typed exactly as the schema stage types it, so a pack rule and schema validation see the same JSON.
                Vixens.Lint.Yaml.Json.YamlJsonWriter.WriteScalar(scalar, writer);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Reads a JSON Pointer's tokens back (unescaped).</summary>
    public static IReadOnlyList<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        var parts = pointer[1..].Split('/');
        var result = new List<string>(parts.Length);
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Clear();
            builder.Append(part);
            builder.Replace("~1", "/").Replace("~0", "~");
            result.Add(builder.ToString());
        }

        return result;
    }
}
