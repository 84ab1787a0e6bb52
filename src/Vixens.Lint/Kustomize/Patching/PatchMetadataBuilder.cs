using System.Text.Json;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// Extracts <see cref="PatchMetadata"/> from an OpenAPI v2 document: the group/version/kind of each definition and, per
/// property, the referenced definition and the <c>x-kubernetes-patch-*</c> / <c>x-kubernetes-list-map-keys</c> extensions.
/// </summary>
public static class PatchMetadataBuilder
{
    private const string RefPrefix = "#/definitions/";

    public static PatchMetadata FromSwagger(string json, string? source = null)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        if (!document.RootElement.TryGetProperty("definitions", out var definitions) || definitions.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The OpenAPI document has no 'definitions' object (only OpenAPI v2 / swagger is supported).");
        }

        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new SortedDictionary<string, IReadOnlyDictionary<string, PatchFieldMetadata>>(StringComparer.Ordinal);
        foreach (var definition in definitions.EnumerateObject())
        {
            RecordKinds(definition.Name, definition.Value, kinds);
            AddType(definition.Name, definition.Value, types);
        }

        return new PatchMetadata(kinds, types, source);
    }

    /// <summary>
    /// Records a definition's fields; objects declared inline (custom schemas do that) become synthetic definitions named
    /// <c>parent/field</c> (<c>parent/field[]</c> for list items) so the table stays a flat type graph.
    /// </summary>
    private static void AddType(string name, JsonElement definition, SortedDictionary<string, IReadOnlyDictionary<string, PatchFieldMetadata>> types)
    {
        var pending = new Stack<(string Name, JsonElement Schema)>();
        pending.Push((name, definition));
        while (pending.Count > 0)
        {
            var (typeName, schema) = pending.Pop();
            var fields = ReadFields(typeName, schema, (inlineName, inlineSchema) => pending.Push((inlineName, inlineSchema)));
            if (fields.Count > 0)
            {
                types[typeName] = fields;
            }
        }
    }

    private static void RecordKinds(string name, JsonElement definition, Dictionary<string, string> kinds)
    {
        if (!definition.TryGetProperty("x-kubernetes-group-version-kind", out var gvks) || gvks.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var gvk in gvks.EnumerateArray())
        {
            var group = GetString(gvk, "group") ?? string.Empty;
            var version = GetString(gvk, "version");
            var kind = GetString(gvk, "kind");
            if (version is null || kind is null)
            {
                continue;
            }

            var key = PatchMetadata.KindKey(group.Length == 0 ? version : group + "/" + version, kind);

            // Shared definitions (DeleteOptions, WatchEvent) claim every GVK; the one named after the kind wins.
            var namedAfterKind = name.EndsWith("." + kind, StringComparison.Ordinal);
            if (!kinds.TryGetValue(key, out var existing) || (namedAfterKind && !existing.EndsWith("." + kind, StringComparison.Ordinal)))
            {
                kinds[key] = name;
            }
        }
    }

    private static SortedDictionary<string, PatchFieldMetadata> ReadFields(string typeName, JsonElement definition, Action<string, JsonElement> addInline)
    {
        var fields = new SortedDictionary<string, PatchFieldMetadata>(StringComparer.Ordinal);
        if (!definition.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (ReadField(typeName + "/" + property.Name, property.Value, addInline) is { } field)
            {
                fields[property.Name] = field;
            }
        }

        return fields;
    }

    private static PatchFieldMetadata? ReadField(string inlineName, JsonElement property, Action<string, JsonElement> addInline)
    {
        var strategy = GetString(property, "x-kubernetes-patch-strategy");
        var mergeKey = GetString(property, "x-kubernetes-patch-merge-key");
        var listMapKeys = GetStrings(property, "x-kubernetes-list-map-keys");
        var isList = GetString(property, "type") == "array";
        var isMap = !isList && property.TryGetProperty("additionalProperties", out _);

        var inner = isList ? Child(property, "items") : isMap ? Child(property, "additionalProperties") : property;
        var type = inner is { } element ? RefOf(element) : null;
        if (type is null && inner is { } declared && declared.TryGetProperty("properties", out var inlineProperties) && inlineProperties.ValueKind == JsonValueKind.Object)
        {
            type = isList ? inlineName + "[]" : inlineName;
            addInline(type, declared);
        }

        if (type is null && strategy is null && mergeKey is null && listMapKeys is null)
        {
            return null;
        }

        return new PatchFieldMetadata
        {
            Type = type,
            IsList = isList,
            IsMap = isMap,
            Strategy = strategy,
            MergeKey = mergeKey,
            ListMapKeys = listMapKeys,
        };
    }

    private static JsonElement? Child(JsonElement element, string name) =>
        element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? RefOf(JsonElement element)
    {
        var reference = GetString(element, "$ref");
        if (reference is null && element.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            reference = allOf.EnumerateArray().Select(e => GetString(e, "$ref")).FirstOrDefault(r => r is not null);
        }

        return reference is not null && reference.StartsWith(RefPrefix, StringComparison.Ordinal) ? reference[RefPrefix.Length..] : null;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static List<string>? GetStrings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
    }
}
