using Vixens.Lint.Rules;
using Vixens.Lint.Yaml;
using Vixens.Lint.Configuration;

namespace Vixens.Lint.Analysis;

/// <summary>What to analyse and how.</summary>
public sealed record LintRequest
{
    public LintRequest(string path) => Path = path;

    /// <summary>A directory (or a single file) to check.</summary>
    public string Path { get; }

    /// <summary>The root that report paths are relative to; defaults to the enclosing git work tree, else <see cref="Path"/>.</summary>
    public string? RepositoryRoot { get; init; }

    public LintSettings Settings { get; init; } = LintSettings.Default;

    public RuleCatalog Catalog { get; init; } = RuleCatalog.Default;

    public YamlLoadOptions LoadOptions { get; init; } = YamlLoadOptions.Default;

    /// <summary>Only analyse these ArgoCD environments (empty: all). Loose files and orphans without an environment are always analysed.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>How to find ArgoCD environments and recognise this repository in Applications.</summary>
    public GitOps.WorkspaceOptions Workspace { get; init; } = new();

    /// <summary>Baseline file (see <see cref="Baselines.Baseline"/>); defaults to <see cref="LintSettings.BaselinePath"/>, relative to the repository root.</summary>
    public string? BaselinePath { get; init; }
}
