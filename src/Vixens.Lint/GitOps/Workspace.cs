using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.GitOps;

/// <summary>One environment as ArgoCD sees it: its root, the Applications reached from it, and what stayed unrendered.</summary>
public sealed record EnvironmentModel(string Name, string RootDirectory, IReadOnlyList<ArgoApplication> Applications, IReadOnlyList<string> HelmOnlyApplications)
{
    /// <summary>Every source of every Application of the environment, in discovery order, with what became of it.</summary>
    public IReadOnlyList<SourceResolution> Sources { get; init; } = [];

    /// <summary>
    /// Application manifests stored under the environment root that the root does not deploy (commented out of its
    /// kustomization): not analysed as deployed, but they tell which chart or overlay an orphan was meant for.
    /// </summary>
    public IReadOnlyList<ArgoApplication> UnlistedApplications { get; init; } = [];
}

/// <summary>Everything the workspace discovered: analysis units, environments, and the diagnostics found on the way.</summary>
public sealed record Workspace(
    IReadOnlyList<AnalysisUnit> Units,
    IReadOnlyList<EnvironmentModel> Environments,
    IReadOnlyList<string> OrphanedOverlays,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    private IReadOnlyList<HelmChartSource>? _helmCharts;

    /// <summary>Full paths of the Helm values files that deployed Applications use (<c>$ref/…</c>), checked by VX3006: not manifests.</summary>
    public IReadOnlySet<string> ValuesFiles { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every Helm chart an Application of the repository installs, listed or not (see <see cref="HelmChartSource.From"/>).</summary>
    public IReadOnlyList<HelmChartSource> HelmCharts => _helmCharts ??= HelmChartSource.From(this);
}
