namespace Vixens.Lint.Rules.Conventions;

/// <summary>
/// VX7xxx: repository layout and documentation conventions. They are <see cref="RepositoryRule"/>s: the engine runs them
/// once per run with a <see cref="RepositoryContext"/>. Every one can be turned off in <c>.vixens-lint.yaml</c>
/// (<c>severity: {VX7001: none}</c>).
/// </summary>
public static class ConventionRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new ApplicationDocsPageRule(),
        new DeploymentTableRule(),
        new ApplicationLayoutRule(),
        new ApplicationNamingRule(),
    ];
}
