using System.Text.Json.Nodes;

namespace Vixens.Lint.SchemaGen;

/// <summary>
/// Undoes what datree's openapi2jsonschema added to each CRD's <c>openAPIV3Schema</c>, so the catalog applies our own
/// strictness rules (schemas/README.md) instead of datree's:
/// <list type="bullet">
/// <item>it writes <c>additionalProperties: false</c> beside every <c>properties</c>, even under
/// <c>x-kubernetes-preserve-unknown-fields</c> and inside <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> branches, where the API
/// server keeps the fields; a v1 CRD can never say <c>additionalProperties: false</c> itself, so every one is datree's;</item>
/// <item>it replaces <c>x-kubernetes-int-or-string</c> fields by <c>oneOf: [string, integer]</c>, which our nullable
/// types would turn into a oneOf that rejects an explicit null; the flag is put back.</item>
/// </list>
/// Descriptions are dropped (the bundle never shows them).
/// </summary>
internal static class DatreeSchemaNormalizer
{
    public static JsonNode? ToStructural(JsonNode? schema)
    {
        if (schema is JsonObject root)
        {
            Normalize(root);
        }

        return schema;
    }

    private static void Normalize(JsonObject node)
    {
        node.Remove("description");
        if (node["additionalProperties"] is JsonValue value && value.TryGetValue<bool>(out var allowed) && !allowed)
        {
            node.Remove("additionalProperties");
        }

        if (IsIntOrStringOneOf(node["oneOf"]))
        {
            node.Remove("oneOf");
            node["x-kubernetes-int-or-string"] = true;
        }

        // Walk schema positions only: a property may be called "description", a default may hold any object.
        foreach (var map in new[] { "properties", "patternProperties", "definitions" })
        {
            foreach (var (_, child) in node[map] as JsonObject ?? [])
            {
                Visit(child);
            }
        }

        foreach (var keyword in new[] { "items", "additionalProperties", "not", "allOf", "anyOf", "oneOf" })
        {
            Visit(node[keyword]);
        }
    }

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                Normalize(schema);
                break;
            case JsonArray schemas:
                foreach (var item in schemas)
                {
                    Visit(item);
                }

                break;
        }
    }

    private static bool IsIntOrStringOneOf(JsonNode? oneOf) =>
        oneOf is JsonArray { Count: 2 } branches &&
        branches.Select(b => b is JsonObject { Count: 1 } o && o["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null)
            .Order(StringComparer.Ordinal).SequenceEqual(["integer", "string"]);
}
