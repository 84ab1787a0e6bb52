using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.GitOps;

/// <summary>One environment as ArgoCD sees it: its root, the Applications reached from it, and what stayed unrendered.</summary>
public sealed record EnvironmentModel(string Name, string RootDirectory, IReadOnlyList<ArgoApplication> Applications, IReadOnlyList<string> HelmOnlyApplications);

/// <summary>Everything the workspace discovered: analysis units, environments, and the diagnostics found on the way.</summary>
public sealed record Workspace(
    IReadOnlyList<AnalysisUnit> Units,
    IReadOnlyList<EnvironmentModel> Environments,
    IReadOnlyList<string> OrphanedOverlays,
    IReadOnlyList<Diagnostic> Diagnostics);
