using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vixens.Lint.Yaml;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Yaml.Json;

/// <summary>
/// Writes a YAML tree as JSON the way the API server receives it: scalars keep their YAML 1.2 core-schema type
/// (plain <c>1</c> is a number, <c>"1"</c> a string, <c>true</c> a boolean, <c>~</c> null). A key written twice keeps
/// its last value, as kubectl does; the duplicate itself is reported by the loader (VX0002).
/// </summary>
public static class YamlJsonWriter
{
    public static byte[] ToUtf8(YamlNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(node, writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static JsonDocument ToDocument(YamlNode node) => JsonDocument.Parse(ToUtf8(node));

    public static JsonNode? ToNode(YamlNode node) => JsonNode.Parse(ToUtf8(node));

    public static void Write(YamlNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                // Small mappings (nearly all) compare in place; large ones index their keys once, so cost stays linear.
                var small = mapping.Entries.Count <= SmallMapping;
                var lastIndex = small ? null : LastIndexByKey(mapping);
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    var entry = mapping.Entries[i];
                    if (small ? IsOverriddenLater(mapping, i) : lastIndex is not null && lastIndex[entry.Key.Value] != i)
                    {
                        continue;
                    }

                    writer.WritePropertyName(entry.Key.Value);
                    Write(entry.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case YamlScalar scalar:
                WriteScalar(scalar, writer);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>One scalar, typed as <see cref="ScalarJson"/> decides.</summary>
    public static void WriteScalar(YamlScalar scalar, Utf8JsonWriter writer)
    {
        switch (ScalarJson.Classify(scalar, out var number))
        {
            case ScalarJsonType.Null:
                writer.WriteNullValue();
                break;
            case ScalarJsonType.Boolean:
                writer.WriteBooleanValue(scalar.AsBool());
                break;
            case ScalarJsonType.Integer when scalar.TryGetInt64(out var integer):
                writer.WriteNumberValue(integer);
                break;
            case ScalarJsonType.Integer:
                writer.WriteRawValue(decimal.Parse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case ScalarJsonType.Number:
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    private const int SmallMapping = 16;

    private static bool IsOverriddenLater(YamlMapping mapping, int index)
    {
        var key = mapping.Entries[index].Key.Value;
        for (var j = index + 1; j < mapping.Entries.Count; j++)
        {
            if (string.Equals(mapping.Entries[j].Key.Value, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where each key last appears, or null when every key is unique.</summary>
    private static Dictionary<string, int>? LastIndexByKey(YamlMapping mapping)
    {
        var entries = mapping.Entries;
        var last = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        var duplicated = false;
        for (var i = 0; i < entries.Count; i++)
        {
            duplicated |= last.ContainsKey(entries[i].Key.Value);
            last[entries[i].Key.Value] = i;
        }

        return duplicated ? last : null;
    }
}
