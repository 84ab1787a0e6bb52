using System.Text;
using System.Text.Json;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>Writes a YAML tree as JSON (scalars typed by the core schema), so YAML OpenAPI files reuse the JSON reader.</summary>
internal static class YamlJsonWriter
{
    public static string ToJson(YamlNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // Recursion is bounded by the loader's nesting limit (256).
    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    writer.WritePropertyName(entry.Key.Value);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalar { Kind: ScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case YamlScalar { Kind: ScalarKind.Bool } scalar:
                writer.WriteBooleanValue(scalar.AsBool());
                break;
            case YamlScalar scalar:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }
}
