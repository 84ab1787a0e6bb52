namespace Vixens.Lint.GitOps;

/// <summary>How to find environments and recognise this repository in Applications.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>Environment roots, repository-relative (e.g. <c>argocd/overlays/prod</c>); default: every <c>argocd/overlays/&lt;env&gt;</c>.</summary>
    public IReadOnlyList<string> EnvironmentRoots { get; init; } = [];

    /// <summary>Named environment roots from settings (<c>prod: argocd/overlays/prod</c>); they take precedence over <see cref="EnvironmentRoots"/>.</summary>
    public IReadOnlyDictionary<string, string> Environments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>URLs under which this repository appears in Applications; default: <c>origin</c> of <c>.git/config</c>, else inferred.</summary>
    public IReadOnlyList<string> RepositoryUrls { get; init; } = [];
}
