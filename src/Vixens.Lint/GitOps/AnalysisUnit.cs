using Vixens.Lint.Model;

namespace Vixens.Lint.GitOps;

/// <summary>Why a set of resources is analysed together.</summary>
public enum UnitKind
{
    /// <summary>An environment's root (e.g. <c>argocd/overlays/prod</c>): the app-of-apps.</summary>
    EnvironmentRoot,

    /// <summary>What one Application deploys in one environment.</summary>
    Application,

    /// <summary>A top-level overlay that no Application references.</summary>
    Orphan,

    /// <summary>Plain manifest files outside any kustomization.</summary>
    PlainFiles,
}

/// <summary>Resources analysed together: one Application in one environment, an environment root, an orphan, or loose files.</summary>
public sealed record AnalysisUnit(
    UnitKind Kind,
    string Name,
    string? Environment,
    string Directory,
    IReadOnlyList<KubeResource> Resources,
    ArgoApplication? Application = null);
