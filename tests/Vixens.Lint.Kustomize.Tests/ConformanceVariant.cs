namespace Vixens.Lint.Kustomize.Tests;

/// <summary>
/// One expected result of a conformance case: the default build (<c>expected.yaml</c> or <c>expected-error.txt</c>),
/// <c>--reorder none</c> (<c>expected.reorder-none.yaml</c>) or the upstream test's flags (<c>expected.with-flags.yaml</c>).
/// </summary>
public sealed record ConformanceVariant(ConformanceCase Case, string Kind, string? ExpectedOutput, string? ExpectedError, KustomizeOptions Options)
{
    public const string Default = "default";

    /// <summary>The test name, also the key of KnownDifferences.txt and ErrorTexts.txt: the case name, then the variant.</summary>
    public string Name => Kind == Default ? Case.Name : $"{Case.Name}[{Kind}]";

    public override string ToString() => Name;
}
