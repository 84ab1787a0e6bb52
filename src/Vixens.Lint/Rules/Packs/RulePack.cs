namespace Vixens.Lint.Rules.Packs;

/// <summary>A loaded, validated rule pack: data-defined rules that run like C# rules.</summary>
public sealed record RulePack(string Name, string Version, string? Description, string Source, IReadOnlyList<SchemaRule> Rules)
{
    /// <summary>C# rules that ship with a built-in pack (cross-resource checks a JSON Schema cannot express).</summary>
    public IReadOnlyList<Rule> CodeRules { get; init; } = [];

    /// <summary>
    /// Built-in packs this one builds on, loaded with it (pss-restricted is the baseline plus its own checks, as the Pod
    /// Security Standards define the restricted level).
    /// </summary>
    public IReadOnlyList<string> Requires { get; init; } = [];
}
