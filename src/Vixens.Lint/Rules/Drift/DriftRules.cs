namespace Vixens.Lint.Rules.Drift;

/// <summary>VX31xx: fields the API server or ArgoCD normalise, so the live object never equals Git (OutOfSync forever).</summary>
public static class DriftRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new NonCanonicalQuantityRule(),
        new ServerPopulatedFieldRule(),
        new QuotedIntOrStringRule(),
        new EmptyCollectionRule(),
        new ChildApplicationFinalizerRule(),
    ];
}
