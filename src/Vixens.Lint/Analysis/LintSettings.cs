using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Analysis;

/// <summary>User choices that change what is reported (from <c>.vixens-lint.yaml</c>, MSBuild properties or CLI flags).</summary>
public sealed record LintSettings
{
    public static readonly LintSettings Default = new();

    /// <summary>Per-rule severity; <see cref="Severity.None"/> disables the rule.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Globs, relative to the repository root, of paths not to analyse.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string KubernetesVersion { get; init; } = "1.34";

    public Severity EffectiveSeverity(DiagnosticDescriptor descriptor, Severity reported) =>
        SeverityOverrides.TryGetValue(descriptor.Id, out var overridden) ? overridden : reported;
}
