using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Vixens.Lint.SchemaGen;

/// <summary>
/// Moves subschemas that several catalog kinds repeat (a whole PodSpec inside Argo Workflows, Prometheus, CloudNativePG,
/// KEDA; the same spec in v1beta1 and v1) into shared definitions referenced as <c>#/$defs/crd.HASH</c>, the bundle's
/// own sharing mechanism. gzip's 32 KiB window cannot see repeats megabytes apart; this keeps the embedded bundle, and
/// the bytes decompressed on first use, small. Only schema positions are shared (never a <c>properties</c> map or a
/// value), and a definition is identical to what it replaces, so validation is unchanged.
/// </summary>
internal sealed class SchemaDeduplicator
{
    /// <summary>Smaller subschemas cost more as a reference plus a line than they save.</summary>
    private const int MinimumSize = 400;

    private readonly Dictionary<JsonObject, (string Hash, int Size)> _shape = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public SortedDictionary<string, JsonObject> Definitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Rewrites <paramref name="roots"/> in place; shared subschemas end up in <see cref="Definitions"/>.</summary>
    public void Deduplicate(IReadOnlyList<JsonObject> roots)
    {
        foreach (var root in roots)
        {
            foreach (var child in ChildSchemas(root))
            {
                Measure(child.Schema);
            }
        }

        foreach (var root in roots)
        {
            Replace(root);
        }
    }

    /// <summary>A content hash per subschema, bottom-up (children by their hash), and how often each shape occurs.</summary>
    private (string Hash, int Size) Measure(JsonObject schema)
    {
        var canonical = new StringBuilder();
        var size = 0;
        var children = new Dictionary<JsonObject, (string Hash, int Size)>(ReferenceEqualityComparer.Instance);
        foreach (var (child, _) in ChildSchemas(schema))
        {
            children[child] = Measure(child);
        }

        Append(schema, canonical, children, ref size);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..20];
        size += canonical.Length;
        _shape[schema] = (hash, size);
        _counts[hash] = _counts.GetValueOrDefault(hash) + 1;
        return (hash, size);
    }

    private static void Append(JsonNode? node, StringBuilder text, Dictionary<JsonObject, (string Hash, int Size)> children, ref int size)
    {
        switch (node)
        {
            case JsonObject obj when children.TryGetValue(obj, out var child):
                text.Append('#').Append(child.Hash);
                size += child.Size;
                break;
            case JsonObject obj:
                text.Append('{');
                foreach (var (name, value) in obj)
                {
                    text.Append(System.Text.Json.JsonEncodedText.Encode(name).Value).Append(':');
                    Append(value, text, children, ref size);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                foreach (var item in array)
                {
                    Append(item, text, children, ref size);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }

    private void Replace(JsonObject schema)
    {
        foreach (var (child, replace) in ChildSchemas(schema).ToList())
        {
            Replace(child);
            var (hash, size) = _shape[child];
            if (size < MinimumSize || _counts[hash] < 2)
            {
                continue;
            }

            var name = "crd." + hash;
            Definitions.TryAdd(name, child);
            replace(new JsonObject { ["$ref"] = Vixens.Lint.Schemas.Conversion.SchemaKeywords.DefRef(name) });
        }
    }

    /// <summary>The subschemas directly under a schema, each with how to put something else in its place.</summary>
    private static IEnumerable<(JsonObject Schema, Action<JsonObject> Replace)> ChildSchemas(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in properties.ToList())
            {
                if (value is JsonObject child)
                {
                    yield return (child, replacement => properties[name] = replacement);
                }
            }
        }

        foreach (var keyword in new[] { "items", "additionalProperties", "not" })
        {
            if (schema[keyword] is JsonObject child)
            {
                var key = keyword;
                yield return (child, replacement => schema[key] = replacement);
            }
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[keyword] is JsonArray branches)
            {
                for (var i = 0; i < branches.Count; i++)
                {
                    if (branches[i] is JsonObject child)
                    {
                        var index = i;
                        yield return (child, replacement => branches[index] = replacement);
                    }
                }
            }
        }
    }
}
