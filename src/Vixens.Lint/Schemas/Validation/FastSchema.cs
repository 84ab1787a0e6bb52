using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vixens.Lint.Schemas.Conversion;
using Vixens.Lint.Yaml;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Schemas.Validation;

/// <summary>
/// A fast, conservative check of a YAML tree against a schema of the subset our bundles and CRD conversions use
/// (type, properties, additionalProperties, required, items, enum, const, pattern, bounds, allOf/anyOf/oneOf/not,
/// local $ref). It walks the YAML directly, so a valid resource costs no JSON conversion and no JsonSchema.Net
/// evaluation (which is ten times slower). It only says <see cref="FastVerdict.Valid"/> when sure; anything it
/// cannot decide, and every invalid resource, goes to JsonSchema.Net, which remains the judge and explains.
/// Schemas with keywords outside the subset do not get a fast checker at all (<see cref="TryCreate"/> returns null).
/// </summary>
public sealed class FastSchema
{
    private static readonly HashSet<string> AnnotationKeywords = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$defs", "definitions", "$comment", "title", "description", "default", "examples", "format",
        "readOnly", "writeOnly", "deprecated", "nullable",
    };

    private readonly JsonElement _root;
    private readonly Dictionary<string, Lazy<FastSchemaNode?>> _byPointer = new(StringComparer.Ordinal);
    private bool _unsupported;

    private FastSchema(JsonElement root) => _root = root;

    public FastSchemaNode Root { get; private set; } = new();

    public static FastSchema? TryCreate(JsonElement root)
    {
        var schema = new FastSchema(root);
        schema.Root = schema.Compile(root) ?? new FastSchemaNode();
        // Force every reachable $ref now, so an unsupported keyword anywhere disables the fast path up front and the
        // instance is immutable (thread-safe) afterwards.
        schema.ResolveAll(schema.Root, []);
        return schema._unsupported ? null : schema;
    }

    /// <summary>Schema hops (refs and combinators) allowed at one instance node before giving up: guards against
    /// self-referencing user schemas such as <c>{"allOf": [{"$ref": "#"}]}</c>.</summary>
    private const int MaxDepth = 512;

    public FastVerdict Check(YamlNode node) => Check(Root, node, 0);

    private static FastVerdict Check(FastSchemaNode schema, YamlNode node, int depth)
    {
        if (schema.AlwaysFalse)
        {
            return FastVerdict.Invalid;
        }

        if (++depth > MaxDepth)
        {
            return FastVerdict.Unknown;
        }

        var verdict = FastVerdict.Valid;
        if (schema.Reference is { } reference)
        {
            verdict = Combine(verdict, reference.Value is { } target ? Check(target, node, depth) : FastVerdict.Unknown);
            if (verdict == FastVerdict.Invalid)
            {
                return verdict;
            }
        }

        double number = 0;
        var type = node switch
        {
            YamlMapping => JsonTypeMask.Object,
            YamlSequence => JsonTypeMask.Array,
            YamlScalar scalar => ScalarJson.Classify(scalar, out number) switch
            {
                ScalarJsonType.Null => JsonTypeMask.Null,
                ScalarJsonType.Boolean => JsonTypeMask.Boolean,
                ScalarJsonType.Integer => JsonTypeMask.Integer | JsonTypeMask.Number,
                ScalarJsonType.Number => Math.Floor(number) == number ? JsonTypeMask.Integer | JsonTypeMask.Number : JsonTypeMask.Number,
                _ => JsonTypeMask.String,
            },
            _ => JsonTypeMask.Null,
        };
        if ((schema.Types & type) == 0)
        {
            return FastVerdict.Invalid;
        }

        if (schema.Undecidable)
        {
            verdict = FastVerdict.Unknown;
        }

        switch (node)
        {
            case YamlMapping mapping:
                verdict = Combine(verdict, CheckObject(schema, mapping, depth));
                break;
            case YamlSequence sequence:
                verdict = Combine(verdict, CheckArray(schema, sequence, depth));
                break;
            case YamlScalar scalar:
                verdict = Combine(verdict, CheckScalar(schema, scalar, type, number));
                break;
        }

        if (verdict == FastVerdict.Invalid)
        {
            return verdict;
        }

        if (schema.AllOf is { } allOf)
        {
            foreach (var branch in allOf)
            {
                verdict = Combine(verdict, Check(branch, node, depth));
            }
        }

        if (schema.AnyOf is { } anyOf)
        {
            var results = anyOf.Select(b => Check(b, node, depth)).ToList();
            verdict = Combine(verdict, results.Contains(FastVerdict.Valid) ? FastVerdict.Valid : results.Contains(FastVerdict.Unknown) ? FastVerdict.Unknown : FastVerdict.Invalid);
        }

        if (schema.OneOf is { } oneOf)
        {
            var results = oneOf.Select(b => Check(b, node, depth)).ToList();
            var valid = results.Count(r => r == FastVerdict.Valid);
            verdict = Combine(verdict, valid > 1 ? FastVerdict.Invalid : results.Contains(FastVerdict.Unknown) ? FastVerdict.Unknown : valid == 1 ? FastVerdict.Valid : FastVerdict.Invalid);
        }

        if (schema.Not is { } not)
        {
            verdict = Combine(verdict, Check(not, node, depth) switch
            {
                FastVerdict.Valid => FastVerdict.Invalid,
                FastVerdict.Invalid => FastVerdict.Valid,
                _ => FastVerdict.Unknown,
            });
        }

        return verdict;
    }

    private static FastVerdict CheckObject(FastSchemaNode schema, YamlMapping mapping, int depth)
    {
        var verdict = FastVerdict.Valid;
        if (schema.Required is { } required)
        {
            foreach (var name in required)
            {
                if (!mapping.ContainsKey(name))
                {
                    return FastVerdict.Invalid;
                }
            }
        }

        if (schema.MinProperties is not null || schema.MaxProperties is not null)
        {
            // Duplicate keys would be counted twice: let the full evaluator count the JSON object.
            verdict = FastVerdict.Unknown;
        }

        foreach (var entry in mapping.Entries)
        {
            FastVerdict result;
            if (schema.Properties is { } properties && properties.TryGetValue(entry.Key.Value, out var property))
            {
                result = Check(property, entry.Value, depth);
            }
            else if (schema.Additional is { } additional)
            {
                result = Check(additional, entry.Value, depth);
            }
            else
            {
                continue;
            }

            verdict = Combine(verdict, result);
            if (verdict == FastVerdict.Invalid)
            {
                return verdict;
            }
        }

        return verdict;
    }

    private static FastVerdict CheckArray(FastSchemaNode schema, YamlSequence sequence, int depth)
    {
        if (sequence.Count < schema.MinItems || sequence.Count > schema.MaxItems)
        {
            return FastVerdict.Invalid;
        }

        var verdict = FastVerdict.Valid;
        if (schema.Items is { } items)
        {
            foreach (var item in sequence.Items)
            {
                verdict = Combine(verdict, Check(items, item, depth));
                if (verdict == FastVerdict.Invalid)
                {
                    return verdict;
                }
            }
        }

        return verdict;
    }

    private static FastVerdict CheckScalar(FastSchemaNode schema, YamlScalar scalar, JsonTypeMask type, double number)
    {
        if (schema.Enum is { } values && !values.Any(v => Matches(v, scalar, type, number)))
        {
            return FastVerdict.Invalid;
        }

        if (type == JsonTypeMask.String)
        {
            var text = scalar.Value;
            if (schema.MinLength is not null || schema.MaxLength is not null)
            {
                var length = CountCodePoints(text);
                if (length < schema.MinLength || length > schema.MaxLength)
                {
                    return FastVerdict.Invalid;
                }
            }

            if (schema.Pattern is { } pattern)
            {
                try
                {
                    if (!pattern.IsMatch(text))
                    {
                        return FastVerdict.Invalid;
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    return FastVerdict.Unknown;
                }
            }
        }
        else if ((type & JsonTypeMask.Number) != 0)
        {
            if (number < schema.Minimum || number > schema.Maximum || number <= schema.ExclusiveMinimum || number >= schema.ExclusiveMaximum)
            {
                return FastVerdict.Invalid;
            }
        }

        return FastVerdict.Valid;
    }

    private static bool Matches(JsonElement expected, YamlScalar scalar, JsonTypeMask type, double number) => expected.ValueKind switch
    {
        JsonValueKind.Null => type == JsonTypeMask.Null,
        JsonValueKind.True => type == JsonTypeMask.Boolean && scalar.AsBool(),
        JsonValueKind.False => type == JsonTypeMask.Boolean && !scalar.AsBool(),
        JsonValueKind.String => type == JsonTypeMask.String && expected.ValueEquals(scalar.Value),
        JsonValueKind.Number => (type & JsonTypeMask.Number) != 0 && expected.GetDouble() == number,
        _ => false,
    };

    private static int CountCodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static FastVerdict Combine(FastVerdict left, FastVerdict right) =>
        left == FastVerdict.Invalid || right == FastVerdict.Invalid ? FastVerdict.Invalid
        : left == FastVerdict.Unknown || right == FastVerdict.Unknown ? FastVerdict.Unknown
        : FastVerdict.Valid;

    private FastSchemaNode? Compile(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return new FastSchemaNode();
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            return new FastSchemaNode { AlwaysFalse = true };
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            _unsupported = true;
            return null;
        }

        var node = new FastSchemaNode();
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    node.Reference = ResolveReference(value.GetString() ?? string.Empty);
                    break;
                case "type":
                    node.Types = ParseTypes(value);
                    break;
                case "properties":
                    node.Properties = new Dictionary<string, FastSchemaNode>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        node.Properties[property.Name] = Compile(property.Value) ?? new FastSchemaNode();
                    }

                    break;
                case "additionalProperties":
                    node.Additional = Compile(value);
                    break;
                case "required":
                    node.Required = [.. value.EnumerateArray().Select(r => r.GetString()).OfType<string>()];
                    break;
                case "items" when value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False:
                    node.Items = Compile(value);
                    break;
                case "enum":
                    node.Enum = [.. value.EnumerateArray().Select(v => v.Clone())];
                    break;
                case "const":
                    node.Enum = [value.Clone()];
                    break;
                case "pattern":
                    node.Pattern = TryRegex(value.GetString());
                    break;
                case "minimum":
                    node.Minimum = value.GetDouble();
                    break;
                case "maximum":
                    node.Maximum = value.GetDouble();
                    break;
                case "exclusiveMinimum" when value.ValueKind == JsonValueKind.Number:
                    node.ExclusiveMinimum = value.GetDouble();
                    break;
                case "exclusiveMaximum" when value.ValueKind == JsonValueKind.Number:
                    node.ExclusiveMaximum = value.GetDouble();
                    break;
                case "minLength":
                    node.MinLength = value.GetInt32();
                    break;
                case "maxLength":
                    node.MaxLength = value.GetInt32();
                    break;
                case "minItems":
                    node.MinItems = value.GetInt32();
                    break;
                case "maxItems":
                    node.MaxItems = value.GetInt32();
                    break;
                case "minProperties":
                    node.MinProperties = value.GetInt32();
                    break;
                case "maxProperties":
                    node.MaxProperties = value.GetInt32();
                    break;
                case "uniqueItems" or "multipleOf":
                    node.Undecidable = true;
                    break;
                case "allOf":
                    node.AllOf = CompileList(value);
                    break;
                case "anyOf":
                    node.AnyOf = CompileList(value);
                    break;
                case "oneOf":
                    node.OneOf = CompileList(value);
                    break;
                case "not":
                    node.Not = Compile(value);
                    break;
                default:
                    if (!AnnotationKeywords.Contains(keyword.Name) && !keyword.Name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        _unsupported = true;
                    }

                    break;
            }
        }

        return node;
    }

    private List<FastSchemaNode> CompileList(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray().Select(b => Compile(b) ?? new FastSchemaNode())] : Unsupported();

    private List<FastSchemaNode> Unsupported()
    {
        _unsupported = true;
        return [];
    }

    private Lazy<FastSchemaNode?> ResolveReference(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            _unsupported = true;
            return new Lazy<FastSchemaNode?>(() => null);
        }

        if (!_byPointer.TryGetValue(reference, out var lazy))
        {
            lazy = new Lazy<FastSchemaNode?>(() =>
                JsonPointerPath.TryNavigate(_root, JsonPointerPath.Split(reference), out var target) ? Compile(target) : Unresolvable());
            _byPointer[reference] = lazy;
        }

        return lazy;
    }

    private FastSchemaNode? Unresolvable()
    {
        _unsupported = true;
        return null;
    }

    private void ResolveAll(FastSchemaNode node, HashSet<FastSchemaNode> visited)
    {
        if (!visited.Add(node))
        {
            return;
        }

        if (node.Reference?.Value is { } target)
        {
            ResolveAll(target, visited);
        }

        foreach (var child in Children(node))
        {
            ResolveAll(child, visited);
        }
    }

    private static List<FastSchemaNode> Children(FastSchemaNode node)
    {
        var children = new List<FastSchemaNode>();
        children.AddRange(node.Properties?.Values ?? Enumerable.Empty<FastSchemaNode>());
        if (node.Additional is not null)
        {
            children.Add(node.Additional);
        }

        if (node.Items is not null)
        {
            children.Add(node.Items);
        }

        if (node.Not is not null)
        {
            children.Add(node.Not);
        }

        children.AddRange(node.AllOf ?? []);
        children.AddRange(node.AnyOf ?? []);
        children.AddRange(node.OneOf ?? []);
        return children;
    }

    private static JsonTypeMask ParseTypes(JsonElement value)
    {
        var names = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()) : [value.GetString()];
        var mask = JsonTypeMask.None;
        foreach (var name in names)
        {
            mask |= name switch
            {
                "null" => JsonTypeMask.Null,
                "boolean" => JsonTypeMask.Boolean,
                "integer" => JsonTypeMask.Integer,
                "number" => JsonTypeMask.Number | JsonTypeMask.Integer,
                "string" => JsonTypeMask.String,
                "object" => JsonTypeMask.Object,
                "array" => JsonTypeMask.Array,
                _ => JsonTypeMask.None,
            };
        }

        return mask;
    }

    private Regex? TryRegex(string? pattern)
    {
        try
        {
            return pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            _unsupported = true;
            return null;
        }
    }
}
