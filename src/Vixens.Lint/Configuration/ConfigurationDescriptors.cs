using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Configuration;

/// <summary>VX09xx: configuration (settings, rule packs, suppressions, baseline).</summary>
public static class ConfigurationDescriptors
{
    private const string Category = "input";

    public static readonly DiagnosticDescriptor UnusedSuppression = new(
        "VX0901", "UnusedSuppression", "Suppression annotation suppresses nothing",
        "{0}", Category, Severity.Note,
        "A lint.vixens.io/suppress annotation names a rule that reports nothing on this resource, or an id that is not a rule. Stale suppressions hide future regressions: remove the id once the finding is fixed.",
        ["input", "suppression"], precision: "very-high");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [UnusedSuppression];
}
