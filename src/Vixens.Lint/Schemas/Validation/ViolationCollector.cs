using System.Text.Json;
using Json.Schema;

namespace Vixens.Lint.Schemas.Validation;

/// <summary>
/// Turns JsonSchema.Net's hierarchical results into a short list of human explanations. For <c>anyOf</c>/<c>oneOf</c>
/// it keeps only the branch that got furthest into the instance (the one the author most likely meant), or merges the
/// branches into one "expected X or Y" when they all fail on the type of the same value.
/// </summary>
public sealed class ViolationCollector
{
    private static readonly HashSet<string> ValueKeywords = new(StringComparer.Ordinal)
    {
        "enum", "const", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
        "minItems", "maxItems", "uniqueItems", "multipleOf", "minProperties", "maxProperties", "format",
    };

    private readonly JsonElement _schemaRoot;
    private readonly JsonElement _instance;

    public ViolationCollector(JsonElement schemaRoot, JsonElement instance)
    {
        _schemaRoot = schemaRoot;
        _instance = instance;
    }

    public IReadOnlyList<Violation> Collect(EvaluationResults results)
    {
        var seen = new HashSet<(string, string)>();
        var unique = new List<Violation>();
        foreach (var violation in CollectNode(results))
        {
            if (seen.Add((string.Join('/', violation.InstancePath), violation.Message)))
            {
                unique.Add(violation);
            }
        }

        return unique;
    }

    private List<Violation> CollectNode(EvaluationResults node)
    {
        var list = new List<Violation>();
        if (node.IsValid)
        {
            return list;
        }

        if (node.Errors is { } errors)
        {
            foreach (var (keyword, message) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                list.AddRange(Explain(node, keyword, message));
            }
        }

        var children = node.Details ?? [];
        var parentDepth = JsonPointerPath.Split(node.EvaluationPath.ToString()).Count;
        var branchGroups = new Dictionary<string, List<EvaluationResults>>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            var path = JsonPointerPath.Split(child.EvaluationPath.ToString());
            if (path.Count == parentDepth + 2 && path[parentDepth] is "anyOf" or "oneOf")
            {
                var group = path[parentDepth];
                if (!branchGroups.TryGetValue(group, out var branches))
                {
                    branchGroups[group] = branches = [];
                }

                branches.Add(child);
            }
            else
            {
                list.AddRange(CollectNode(child));
            }
        }

        foreach (var (_, branches) in branchGroups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            list.AddRange(PickBranch(node, branches));
        }

        return list;
    }

    private List<Violation> PickBranch(EvaluationResults node, List<EvaluationResults> branches)
    {
        if (branches.Count == 0 || branches.Any(b => b.IsValid))
        {
            return [];
        }

        var explained = branches.Select(CollectNode).Where(v => v.Count > 0).ToList();
        if (explained.Count == 0)
        {
            return [];
        }

        var here = JsonPointerPath.Split(node.InstanceLocation.ToString());
        if (explained.All(v => v.All(x => x.Kind == ViolationKind.WrongType && x.InstancePath.SequenceEqual(here))))
        {
            // Every alternative wants another type for this same value: say so once.
            var expected = branches.SelectMany(b => ExpectedTypes(b)).Distinct(StringComparer.Ordinal).ToList();
            return [WrongType(here, expected)];
        }

        if (explained.All(v => v.All(x => x.Kind == ViolationKind.MissingRequired && x.InstancePath.SequenceEqual(here))))
        {
            // Alternatives that each want another field (oneOf: [{required: [a]}, {required: [b]}]): name them all.
            var names = explained.SelectMany(v => v).Select(x => x.MissingField).OfType<string>().Distinct(StringComparer.Ordinal).Select(n => "\"" + n + "\"");
            return [new Violation(ViolationKind.MissingRequired, here, Prefix(Display(here)) + "missing required field, one of " + string.Join(", ", names))];
        }

        return explained
            .OrderByDescending(v => v.Max(x => x.InstancePath.Count))
            .ThenBy(v => v.Count)
            .First();
    }

    private IEnumerable<string> ExpectedTypes(EvaluationResults branch)
    {
        var schema = SchemaAt(branch.SchemaLocation);
        return schema is { } s ? TypesOf(s) : [];
    }

    private IEnumerable<Violation> Explain(EvaluationResults node, string keyword, string message)
    {
        var instancePath = JsonPointerPath.Split(node.InstanceLocation.ToString());
        var evaluationPath = JsonPointerPath.Split(node.EvaluationPath.ToString());
        var display = Display(instancePath);
        var schema = SchemaAt(node.SchemaLocation);
        switch (keyword)
        {
            case "" or "false":
                var last = evaluationPath.Count > 0 ? evaluationPath[^1] : string.Empty;
                if (last is "additionalProperties" or "unevaluatedProperties")
                {
                    yield return UnknownField(node, instancePath, display);
                }
                else
                {
                    yield return new Violation(ViolationKind.Other, instancePath, Prefix(display) + "no value is allowed here");
                }

                break;
            case "required":
                foreach (var missing in MissingProperties(schema, instancePath))
                {
                    yield return new Violation(ViolationKind.MissingRequired, instancePath, Prefix(display) + "missing required field \"" + missing + "\"") { MissingField = missing };
                }

                break;
            case "type":
                yield return WrongType(instancePath, schema is { } s ? TypesOf(s).ToList() : []);
                break;
            case "enum" when schema is { } e && e.TryGetProperty("enum", out var values):
                var allowed = values.EnumerateArray()
                    .Where(v => v.ValueKind != JsonValueKind.Null && !(v.ValueKind == JsonValueKind.String && v.GetString()!.Length == 0))
                    .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText());
                yield return new Violation(ViolationKind.InvalidValue, instancePath, Prefix(display) + ValueText(instancePath) + " is not one of " + string.Join(", ", allowed));
                break;
            case "const" when schema is { } c && c.TryGetProperty("const", out var constant):
                yield return new Violation(ViolationKind.InvalidValue, instancePath, Prefix(display) + "must be " + constant.GetRawText() + ", not " + ValueText(instancePath));
                break;
            case "pattern" when schema is { } p && p.TryGetProperty("pattern", out var pattern):
                yield return new Violation(ViolationKind.InvalidValue, instancePath, Prefix(display) + ValueText(instancePath) + " does not match the pattern " + pattern.GetString());
                break;
            default:
                var kind = ValueKeywords.Contains(keyword) ? ViolationKind.InvalidValue : ViolationKind.Other;
                yield return new Violation(kind, instancePath, Prefix(display) + Lower(message));
                break;
        }
    }

    private Violation UnknownField(EvaluationResults node, IReadOnlyList<string> instancePath, string display)
    {
        var name = instancePath.Count > 0 ? instancePath[^1] : string.Empty;
        var fragment = Uri.UnescapeDataString(node.SchemaLocation.Fragment);
        var cut = fragment.LastIndexOf("/additionalProperties", StringComparison.Ordinal);
        var parent = cut >= 0 ? SchemaAtFragment(fragment[..cut]) : null;
        var declared = parent is { } p && p.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            ? props.EnumerateObject().Select(x => x.Name).ToList()
            : [];
        var suggestion = Suggestions.Closest(name, declared) ?? NestedHome(parent, name);
        var text = "unknown field \"" + display + "\"" + (suggestion is null ? string.Empty : " (did you mean \"" + suggestion + "\"?)");
        return new Violation(ViolationKind.UnknownField, instancePath, text, AtKey: true);
    }

    /// <summary>
    /// A field written one level too high (<c>limits</c> directly under a container) belongs to a declared object
    /// property: "did you mean resources.limits?". Only a unique home is suggested.
    /// </summary>
    private string? NestedHome(JsonElement? parent, string name)
    {
        if (parent is not { } p || !p.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var homes = new List<string>();
        foreach (var property in props.EnumerateObject())
        {
            var schema = Dereference(property.Value);
            if (schema is { } s && s.TryGetProperty("properties", out var inner) && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty(name, out _))
            {
                homes.Add(property.Name + "." + name);
            }
        }

        return homes.Count == 1 ? homes[0] : null;
    }

    private JsonElement? Dereference(JsonElement schema)
    {
        for (var depth = 0; depth < 8 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); depth++)
        {
            if (SchemaAtFragment(reference.GetString() ?? string.Empty) is not { } target)
            {
                return null;
            }

            schema = target;
        }

        return schema;
    }

    private Violation WrongType(IReadOnlyList<string> instancePath, List<string> expected)
    {
        var display = Display(instancePath);
        var got = JsonPointerPath.TryNavigate(_instance, instancePath, out var value) ? value : default;
        var text = Prefix(display) + "expected " + (expected.Count == 0 ? "another type" : string.Join(" or ", expected)) + ", got " + JsonPointerPath.DescribeValue(got);
        if (expected.Contains("string") && got.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            text += " (quote it to make it a string)";
        }

        return new Violation(ViolationKind.WrongType, instancePath, text);
    }

    private IEnumerable<string> MissingProperties(JsonElement? schema, IReadOnlyList<string> instancePath)
    {
        if (schema is not { } s || !s.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        JsonPointerPath.TryNavigate(_instance, instancePath, out var target);
        foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
        {
            if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out _))
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<string> TypesOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return [];
        }

        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()) : [type.GetString()];
        return names.OfType<string>().Where(t => t != "null");
    }

    private JsonElement? SchemaAt(Uri schemaLocation) => SchemaAtFragment(Uri.UnescapeDataString(schemaLocation.Fragment));

    private JsonElement? SchemaAtFragment(string fragment)
    {
        var segments = JsonPointerPath.Split(fragment.StartsWith('#') ? fragment : "#" + fragment);
        var current = _schemaRoot;
        for (var i = 0; i < segments.Count; i++)
        {
            if (JsonPointerPath.TryNavigate(current, [segments[i]], out var next))
            {
                current = next;
            }
            else if (i > 0 && segments[i - 1] == "additionalProperties")
            {
                // JsonSchema.Net 8 appends the parent's property name after "additionalProperties" in schema
                // locations; that segment names nothing in the schema, so it is skipped.
                continue;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private string ValueText(IReadOnlyList<string> instancePath) =>
        JsonPointerPath.TryNavigate(_instance, instancePath, out var value)
            ? value.ValueKind == JsonValueKind.String ? JsonPointerPath.Quote(value.GetString()!) : value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? "the value" : value.GetRawText()
            : "the value";

    private string Display(IReadOnlyList<string> instancePath) => JsonPointerPath.ToDisplay(_instance, instancePath);

    private static string Prefix(string display) => display.Length == 0 ? string.Empty : display + ": ";

    private static string Lower(string message) => message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
