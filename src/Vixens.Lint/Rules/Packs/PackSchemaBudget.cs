using System.Text.Json;

namespace Vixens.Lint.Rules.Packs;

/// <summary>
/// Refuses, before JsonSchema.Net sees it, a pack schema whose evaluation cannot end or cannot end soon: a <c>$ref</c>
/// cycle that never descends into the instance (JsonSchema.Net would recurse until the stack overflows, which no
/// handler can catch), and combinators whose expansion (each <c>anyOf</c> branch, each <c>$ref</c> followed) applies
/// more than <see cref="MaxSubschemaApplications"/> subschemas to one document. Recursion through keywords that
/// descend into the instance (<c>properties</c>, <c>items</c>, …) is bounded by the instance, so it is allowed.
/// </summary>
internal static class PackSchemaBudget
{
    /// <summary>
    /// Subschemas one evaluation may apply to one value, counting every branch and every reference followed. Keywords
    /// that descend multiply it by the size of the target, so it is kept small: real rules use tens.
    /// </summary>
    public const long MaxSubschemaApplications = 1_000;

    /// <summary>References and nesting followed in a chain before the schema is refused as too deep.</summary>
    public const int MaxChainDepth = 512;

    private static readonly string[] InPlaceSchemas = ["not", "if", "then", "else"];
    private static readonly string[] InPlaceArrays = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] InPlaceMaps = ["dependentSchemas"];
    private static readonly string[] DescendingSchemas = ["additionalProperties", "items", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems"];
    private static readonly string[] DescendingArrays = ["prefixItems", "items"];
    private static readonly string[] DescendingMaps = ["properties", "patternProperties"];

    /// <summary>Null when the schema is within budget, else why it is refused.</summary>
    public static string? Check(JsonElement schema) => new Walker(schema).Run();

    private sealed class Walker
    {
        private readonly JsonElement _root;
        private readonly Dictionary<string, long> _costs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _inPlaceDone = new(StringComparer.Ordinal);
        private readonly HashSet<string> _onPath = new(StringComparer.Ordinal);
        private string? _problem;

        public Walker(JsonElement root) => _root = root;

        public string? Run()
        {
            var cost = Cost(_root, string.Empty, 0);
            if (_problem is null && cost > MaxSubschemaApplications)
            {
                _problem = $"its combinators and references apply more than {MaxSubschemaApplications:N0} subschemas to one document (about {cost:N0}); evaluation would take too long";
            }

            return _problem;
        }

        /// <summary>
        /// Subschemas applied when <paramref name="node"/> is evaluated once; each node is also checked for an in-place
        /// cycle. A back edge here only comes from recursion that descends into the instance (in-place cycles are
        /// refused first), so it costs one step.
        /// </summary>
        private long Cost(JsonElement node, string pointer, int depth)
        {
            if (_problem is not null || node.ValueKind != JsonValueKind.Object || _onPath.Contains(pointer))
            {
                return 1;
            }

            if (_costs.TryGetValue(pointer, out var known))
            {
                return known;
            }

            if (depth >= MaxChainDepth)
            {
                _problem = $"subschemas and references nest deeper than {MaxChainDepth} levels";
                return 1;
            }

            if (InPlaceCycle(node, pointer, depth))
            {
                return 1;
            }

            _onPath.Add(pointer);
            long total = 1;
            foreach (var (child, at, _) in Edges(node, pointer))
            {
                total = Add(total, Cost(child, at, depth + 1));
            }

            _onPath.Remove(pointer);
            _costs[pointer] = total;
            return total;
        }

        /// <summary>Depth-first search over in-place edges only (white/grey/black): a grey node reached again is a cycle.</summary>
        private bool InPlaceCycle(JsonElement node, string pointer, int depth)
        {
            if (_inPlaceDone.TryGetValue(pointer, out var finished))
            {
                if (!finished)
                {
                    _problem = $"a $ref cycle through {Display(pointer)} never descends into the instance; evaluation would never end";
                    return true;
                }

                return false;
            }

            if (depth >= MaxChainDepth)
            {
                _problem = $"subschemas and references nest deeper than {MaxChainDepth} levels";
                return true;
            }

            _inPlaceDone[pointer] = false;
            foreach (var (child, at, descends) in Edges(node, pointer))
            {
                if (!descends && child.ValueKind == JsonValueKind.Object && InPlaceCycle(child, at, depth + 1))
                {
                    return true;
                }
            }

            _inPlaceDone[pointer] = true;
            return false;
        }

        /// <summary>The subschemas a schema object applies, and whether each applies to a child of the instance.</summary>
        private IEnumerable<(JsonElement Child, string Pointer, bool Descends)> Edges(JsonElement node, string pointer)
        {
            foreach (var property in node.EnumerateObject())
            {
                var name = property.Name;
                var value = property.Value;
                var at = pointer + "/" + Escape(name);
                if (name is "$ref" or "$dynamicRef")
                {
                    if (Reference(value) is { } target)
                    {
                        yield return (target.Element, target.Pointer, false);
                    }
                }
                else if (InPlaceSchemas.Contains(name))
                {
                    yield return (value, at, false);
                }
                else if (InPlaceArrays.Contains(name) || (DescendingArrays.Contains(name) && value.ValueKind == JsonValueKind.Array))
                {
                    foreach (var item in Children(value, at))
                    {
                        yield return (item.Element, item.Pointer, !InPlaceArrays.Contains(name));
                    }
                }
                else if (InPlaceMaps.Contains(name) || DescendingMaps.Contains(name))
                {
                    foreach (var item in Children(value, at))
                    {
                        yield return (item.Element, item.Pointer, DescendingMaps.Contains(name));
                    }
                }
                else if (DescendingSchemas.Contains(name))
                {
                    yield return (value, at, true);
                }
            }
        }

        private (JsonElement Element, string Pointer)? Reference(JsonElement reference)
        {
            // Only references inside this schema can be followed; others fail to resolve when the pack loads.
            if (reference.ValueKind != JsonValueKind.String || reference.GetString() is not { } text || !text.StartsWith('#'))
            {
                return null;
            }

            var pointer = Uri.UnescapeDataString(text[1..]);
            if (pointer.Length > 0 && pointer[0] != '/')
            {
                return null; // an anchor name: not followed
            }

            var current = _root;
            foreach (var raw in pointer.Split('/').Skip(1))
            {
                var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
                {
                    current = child;
                }
                else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < current.GetArrayLength())
                {
                    current = current[index];
                }
                else
                {
                    return null;
                }
            }

            return (current, pointer);
        }

        private static IEnumerable<(JsonElement Element, string Pointer)> Children(JsonElement container, string pointer)
        {
            if (container.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in container.EnumerateArray())
                {
                    yield return (item, pointer + "/" + i++);
                }
            }
            else if (container.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in container.EnumerateObject())
                {
                    yield return (property.Value, pointer + "/" + Escape(property.Name));
                }
            }
        }

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

        private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

        private static string Display(string pointer) => pointer.Length == 0 ? "the schema root" : "#" + pointer;
    }
}
