using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vixens.Lint.Schemas.Validation;

/// <summary>JSON types as bits, so "type": [...] is one mask test.</summary>
[Flags]
public enum JsonTypeMask
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Integer = 4,
    Number = 8,
    String = 16,
    Object = 32,
    Array = 64,
    Any = Null | Boolean | Integer | Number | String | Object | Array,
}

/// <summary>One schema of the subset <see cref="FastSchema"/> understands, with its keywords pre-parsed.</summary>
public sealed class FastSchemaNode
{
    public bool AlwaysFalse { get; set; }

    public JsonTypeMask Types { get; set; } = JsonTypeMask.Any;

    public Dictionary<string, FastSchemaNode>? Properties { get; set; }

    /// <summary>Null: any extra property is fine; otherwise extra properties must match it.</summary>
    public FastSchemaNode? Additional { get; set; }

    public string[]? Required { get; set; }

    public FastSchemaNode? Items { get; set; }

    public JsonElement[]? Enum { get; set; }

    public Regex? Pattern { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public double? ExclusiveMinimum { get; set; }

    public double? ExclusiveMaximum { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public int? MinProperties { get; set; }

    public int? MaxProperties { get; set; }

    /// <summary>Keywords the checker cannot decide cheaply (uniqueItems, multipleOf): such values get <see cref="FastVerdict.Unknown"/>.</summary>
    public bool Undecidable { get; set; }

    public List<FastSchemaNode>? AllOf { get; set; }

    public List<FastSchemaNode>? AnyOf { get; set; }

    public List<FastSchemaNode>? OneOf { get; set; }

    public FastSchemaNode? Not { get; set; }

    /// <summary>A <c>$ref</c>, resolved on first use (definitions may be recursive).</summary>
    public Lazy<FastSchemaNode?>? Reference { get; set; }
}
