using System.Text.Json.Nodes;

namespace Vixens.Lint.Schemas.Conversion;

/// <summary>
/// Turns a CRD's structural <c>openAPIV3Schema</c> into a strict JSON Schema 2020-12 document, judging a manifest the
/// way the API server does: fields the schema does not declare are pruned by the server, so they are reported as
/// unknown (like <c>kubectl --validate=strict</c>); <c>x-kubernetes-preserve-unknown-fields</c> keeps an object open;
/// <c>x-kubernetes-int-or-string</c> accepts both; <c>x-kubernetes-embedded-resource</c> adds apiVersion/kind/metadata.
/// CEL rules, formats and defaults are not checked (annotations only), so nothing here can reject a valid object.
/// </summary>
public static class StructuralSchemaConverter
{
    private static readonly string[] CopiedKeywords =
    [
        "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "multipleOf",
    ];

    /// <summary>Builds the root schema of one custom resource version.</summary>
    /// <param name="openApiV3Schema">The version's <c>schema.openAPIV3Schema</c>; null gives an open schema.</param>
    /// <param name="closeObjects">False for sources that already decided where objects are closed (the datree catalog).</param>
    public static JsonObject ConvertRoot(JsonNode? openApiV3Schema, string apiVersion, string kind, bool closeObjects = true)
    {
        var root = openApiV3Schema is JsonObject source ? Convert(source, closeObjects) : new JsonObject();
        root.Remove("type");
        root["type"] = "object";
        var properties = root["properties"] as JsonObject ?? new JsonObject();
        root.Remove("properties");
        var merged = new JsonObject
        {
            ["apiVersion"] = SchemaKeywords.ConstString(apiVersion),
            ["kind"] = SchemaKeywords.ConstString(kind),
            ["metadata"] = new JsonObject { ["$ref"] = SchemaKeywords.DefRef(SchemaKeywords.ObjectMetaDef) },
        };
        foreach (var (name, value) in properties.ToList())
        {
            if (name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            properties.Remove(name);
            merged[name] = value;
        }

        root["properties"] = merged;
        var required = new JsonArray("apiVersion", "kind");
        if (root["required"] is JsonArray existing)
        {
            foreach (var name in existing.Select(n => n?.GetValue<string>()).Where(n => n is not null and not "apiVersion" and not "kind"))
            {
                required.Add((JsonNode?)name);
            }
        }

        root["required"] = required;
        // The root is closed even for pre-closed sources: the server prunes unknown top-level fields too.
        if (!IsTrue(openApiV3Schema, "x-kubernetes-preserve-unknown-fields"))
        {
            root["additionalProperties"] = false;
        }

        return root;
    }

    private static JsonObject Convert(JsonObject source, bool closeObjects)
    {
        var result = new JsonObject();
        var preserveUnknown = IsTrue(source, "x-kubernetes-preserve-unknown-fields");
        var intOrString = IsTrue(source, "x-kubernetes-int-or-string");
        var type = (source["type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;

        if (intOrString)
        {
            result["type"] = SchemaKeywords.TypeWithNull("integer", "string");
        }
        else if (type is not null)
        {
            result["type"] = SchemaKeywords.TypeWithNull(type);
        }

        CopyEnum(source, result);
        CopyBounds(source, result);
        if (source["required"] is JsonArray required)
        {
            result["required"] = required.DeepClone();
        }

        var properties = source["properties"] as JsonObject;
        if (IsTrue(source, "x-kubernetes-embedded-resource"))
        {
            properties = properties?.DeepClone().AsObject() ?? new JsonObject();
            properties.TryAdd("apiVersion", new JsonObject { ["type"] = "string" });
            properties.TryAdd("kind", new JsonObject { ["type"] = "string" });
            properties.TryAdd("metadata", new JsonObject { ["type"] = "object" });
        }

        if (properties is not null)
        {
            var converted = new JsonObject();
            foreach (var (name, child) in properties)
            {
                converted[name] = child is JsonObject childObject ? Convert(childObject, closeObjects) : new JsonObject();
            }

            result["properties"] = converted;
        }

        if (source["items"] is JsonObject items)
        {
            result["items"] = Convert(items, closeObjects);
        }

        switch (source["additionalProperties"])
        {
            case JsonObject additional:
                result["additionalProperties"] = Convert(additional, closeObjects);
                break;
            case JsonValue value when value.TryGetValue<bool>(out var allowed) && !allowed:
                result["additionalProperties"] = false;
                break;
            case null when closeObjects && !preserveUnknown && (type == "object" || properties is not null):
                // Structural schemas prune undeclared fields: the object silently loses them, so they are errors here.
                result["additionalProperties"] = false;
                break;
        }

        // Value-validation branches must never be closed: they only restate parts of the object declared above.
        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (source[combinator] is JsonArray branches && !intOrString)
            {
                var converted = new JsonArray();
                foreach (var branch in branches.OfType<JsonObject>())
                {
                    converted.Add((JsonNode)Convert(branch, closeObjects: false));
                }

                result[combinator] = converted;
            }
        }

        if (source["not"] is JsonObject not)
        {
            result["not"] = Convert(not, closeObjects: false);
        }

        return result;
    }

    private static void CopyEnum(JsonObject source, JsonObject result)
    {
        if (source["enum"] is not JsonArray values)
        {
            return;
        }

        var copy = (JsonArray)values.DeepClone();
        if (!copy.Any(v => v is null))
        {
            copy.Add(null);
        }

        result["enum"] = copy;
    }

    private static void CopyBounds(JsonObject source, JsonObject result)
    {
        foreach (var keyword in CopiedKeywords)
        {
            if (source[keyword] is JsonValue value)
            {
                result[keyword] = value.DeepClone();
            }
        }

        if (result["pattern"] is JsonValue pattern && pattern.TryGetValue<string>(out var text))
        {
            result["pattern"] = GoRegexTranslator.ToDotNet(text);
        }

        // OpenAPI 3.0 spells exclusive bounds as booleans that modify minimum/maximum; 2020-12 wants the number.
        if (IsTrue(source, "exclusiveMinimum") && result["minimum"] is JsonNode min)
        {
            result.Remove("minimum");
            result["exclusiveMinimum"] = min;
        }

        if (IsTrue(source, "exclusiveMaximum") && result["maximum"] is JsonNode max)
        {
            result.Remove("maximum");
            result["exclusiveMaximum"] = max;
        }
    }

    private static bool IsTrue(JsonNode? node, string keyword) =>
        node is JsonObject obj && obj[keyword] is JsonValue value && value.TryGetValue<bool>(out var b) && b;
}
