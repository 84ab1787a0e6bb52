using System.Text.Json.Nodes;
using Vixens.Lint.Schemas.Conversion;

namespace Vixens.Lint.SchemaGen;

/// <summary>One kind of the Kubernetes API and the definition that describes it.</summary>
internal sealed record KubernetesKind(string ApiVersion, string Kind, string Definition, JsonObject RootSchema);

/// <summary>
/// Converts the Kubernetes OpenAPI v2 document (<c>swagger.json</c>) into strict JSON Schema 2020-12 definitions, as
/// the API server judges a manifest: unknown fields are errors (<c>kubectl --validate=strict</c>), IntOrString takes
/// an integer or a string, Quantity a string or a number, explicit nulls mean "unset", and a few closed value sets are
/// enforced (<see cref="KnownEnums"/>). Only kinds that have an API endpoint get a root schema.
/// </summary>
internal sealed class KubernetesOpenApiConverter
{
    private const string V2RefPrefix = "#/definitions/";

    /// <summary>Definitions whose Go types decode specially and so do not follow their declared OpenAPI type.</summary>
    private static readonly Dictionary<string, Func<JsonObject>> SpecialDefinitions = new(StringComparer.Ordinal)
    {
        ["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = () => new() { ["type"] = SchemaKeywords.TypeWithNull("integer", "string") },
        ["io.k8s.apimachinery.pkg.api.resource.Quantity"] = () => new() { ["type"] = SchemaKeywords.TypeWithNull("string", "number") },
        ["io.k8s.apimachinery.pkg.apis.meta.v1.Time"] = () => new() { ["type"] = SchemaKeywords.TypeWithNull("string") },
        ["io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"] = () => new() { ["type"] = SchemaKeywords.TypeWithNull("string") },
        ["io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON"] = () => [],
        ["io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray"] = () => new() { ["type"] = SchemaKeywords.TypeWithNull("object", "array") },
        ["io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool"] = () => new() { ["type"] = SchemaKeywords.TypeWithNull("object", "boolean") },
        ["io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray"] = () => new() { ["type"] = SchemaKeywords.TypeWithNull("object", "array") },
    };

    private readonly JsonObject _definitions;
    private readonly JsonObject _paths;

    public KubernetesOpenApiConverter(JsonObject swagger)
    {
        _definitions = swagger["definitions"] as JsonObject ?? [];
        _paths = swagger["paths"] as JsonObject ?? [];
    }

    public SortedDictionary<string, JsonObject> ConvertDefinitions()
    {
        var result = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, node) in _definitions)
        {
            result[name] = SpecialDefinitions.TryGetValue(name, out var special)
                ? special()
                : ConvertSchema(node as JsonObject ?? [], name, propertyName: null);
        }

        return result;
    }

    public IReadOnlyList<KubernetesKind> FindKinds()
    {
        var served = ServedGroupVersionKinds();
        var kinds = new List<KubernetesKind>();
        foreach (var (name, node) in _definitions)
        {
            if (node is not JsonObject definition || definition["x-kubernetes-group-version-kind"] is not JsonArray gvks ||
                definition["properties"] is not JsonObject properties || !properties.ContainsKey("kind") || !properties.ContainsKey("apiVersion"))
            {
                continue;
            }

            foreach (var gvk in gvks.OfType<JsonObject>())
            {
                var group = gvk["group"]?.GetValue<string>() ?? string.Empty;
                var version = gvk["version"]?.GetValue<string>() ?? string.Empty;
                var kind = gvk["kind"]?.GetValue<string>() ?? string.Empty;
                if (!served.Contains((group, version, kind)) || kind.EndsWith("List", StringComparison.Ordinal))
                {
                    continue;
                }

                var apiVersion = group.Length == 0 ? version : group + "/" + version;
                var root = new JsonObject
                {
                    ["$ref"] = SchemaKeywords.DefRef(name),
                    ["properties"] = new JsonObject
                    {
                        ["apiVersion"] = SchemaKeywords.ConstString(apiVersion),
                        ["kind"] = SchemaKeywords.ConstString(kind),
                    },
                    ["required"] = new JsonArray("apiVersion", "kind"),
                };
                kinds.Add(new KubernetesKind(apiVersion, kind, name, root));
            }
        }

        return [.. kinds.OrderBy(k => k.ApiVersion, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal)];
    }

    private HashSet<(string, string, string)> ServedGroupVersionKinds()
    {
        var set = new HashSet<(string, string, string)>();
        foreach (var (_, pathNode) in _paths)
        {
            foreach (var (_, operation) in pathNode as JsonObject ?? [])
            {
                if (operation is JsonObject op && op["x-kubernetes-group-version-kind"] is JsonObject gvk)
                {
                    set.Add((gvk["group"]?.GetValue<string>() ?? string.Empty, gvk["version"]?.GetValue<string>() ?? string.Empty, gvk["kind"]?.GetValue<string>() ?? string.Empty));
                }
            }
        }

        return set;
    }

    private static JsonObject ConvertSchema(JsonObject source, string definition, string? propertyName)
    {
        if (source["$ref"]?.GetValue<string>() is { } reference)
        {
            return new JsonObject { ["$ref"] = SchemaKeywords.DefRef(reference.StartsWith(V2RefPrefix, StringComparison.Ordinal) ? reference[V2RefPrefix.Length..] : reference) };
        }

        var result = new JsonObject();
        var type = source["type"]?.GetValue<string>();
        if (type is not null)
        {
            result["type"] = SchemaKeywords.TypeWithNull(type);
        }

        if (propertyName is not null && KnownEnums.Find(definition, propertyName) is { } values)
        {
            var allowed = new JsonArray();
            foreach (var value in values)
            {
                allowed.Add(value);
            }

            allowed.Add(string.Empty);
            allowed.Add(null);
            result["enum"] = allowed;
        }

        if (source["required"] is JsonArray required)
        {
            result["required"] = required.DeepClone();
        }

        var properties = source["properties"] as JsonObject;
        if (properties is not null)
        {
            var converted = new JsonObject();
            foreach (var (name, child) in properties)
            {
                converted[name] = ConvertSchema(child as JsonObject ?? [], definition, name);
            }

            result["properties"] = converted;
        }

        if (source["items"] is JsonObject items)
        {
            result["items"] = ConvertSchema(items, definition, propertyName is null ? null : propertyName + "[]");
        }

        var preserveUnknown = source["x-kubernetes-preserve-unknown-fields"] is JsonValue p && p.TryGetValue<bool>(out var preserve) && preserve;
        switch (source["additionalProperties"])
        {
            case JsonObject additional:
                result["additionalProperties"] = ConvertSchema(additional, definition, propertyName: null);
                break;
            case JsonValue value:
                result["additionalProperties"] = value.DeepClone();
                break;
            case null when properties is not null && !preserveUnknown:
                result["additionalProperties"] = false;
                break;
        }

        return result;
    }
}
