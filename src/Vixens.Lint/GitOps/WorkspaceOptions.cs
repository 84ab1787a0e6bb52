namespace Vixens.Lint.GitOps;

/// <summary>How to find the ArgoCD environments of a repository.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>
    /// Named environment roots from settings (<c>prod: argocd/overlays/prod</c>, repository-relative); empty: every
    /// <c>argocd/overlays/&lt;env&gt;</c> holding a kustomization. Which URLs name this repository in Applications is
    /// inferred (the <c>origin</c> remote, else the environment roots' own Applications).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
