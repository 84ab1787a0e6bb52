namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>What the expander knows of the world outside the ApplicationSet document.</summary>
public sealed record ExpansionOptions
{
    /// <summary>The repositories Git generators can read offline; null means none (every Git generator is unrendered).</summary>
    public IRepositoryResolver? Repositories { get; init; }

    /// <summary>
    /// The clusters ArgoCD knows: cluster Secrets found in the repository (<see cref="ClusterDeclaration.FromSecret"/>)
    /// and those listed in settings. ArgoCD's implicit <c>in-cluster</c> is added by the cluster generator as ArgoCD does.
    /// </summary>
    public IReadOnlyList<ClusterDeclaration> Clusters { get; init; } = [];

    /// <summary>Go text/template with ArgoCD's functions; null reports every <c>goTemplate: true</c> ApplicationSet unrendered.</summary>
    public IGoTemplateEngine? GoTemplates { get; init; }

    /// <summary>The namespace ArgoCD applies the ApplicationSet in when its manifest has none (what its Application's destination gives).</summary>
    public string? DefaultNamespace { get; init; }

    /// <summary>ArgoCD's <c>applicationsetcontroller.enable.new.git.file.globbing</c>: doublestar globs instead of git pathspecs.</summary>
    public bool NewGitFileGlobbing { get; init; }

    /// <summary>The repo server's <c>reposerver.include.hidden.directories</c>: list directories starting with <c>.</c> too.</summary>
    public bool IncludeHiddenDirectories { get; init; }

    /// <summary>A bound on parameter sets per generator (matrices multiply): past it the generator fails with VX0301.</summary>
    public int MaxParameterSets { get; init; } = 10_000;
}
