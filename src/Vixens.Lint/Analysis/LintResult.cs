using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.Analysis;

/// <summary>The outcome of one analysis: sorted diagnostics plus what was looked at.</summary>
public sealed class LintResult
{
    public LintResult(string repositoryRoot, IReadOnlyList<Diagnostic> diagnostics, RuleCatalog catalog, int fileCount, int resourceCount)
    {
        RepositoryRoot = repositoryRoot;
        Diagnostics = diagnostics;
        Catalog = catalog;
        FileCount = fileCount;
        ResourceCount = resourceCount;
    }

    public string RepositoryRoot { get; }

    /// <summary>Every finding, suppressed ones included (check <see cref="Diagnostic.IsSuppressed"/>), in <see cref="DiagnosticComparer"/> order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public RuleCatalog Catalog { get; }

    public int FileCount { get; }

    public int ResourceCount { get; }

    public IEnumerable<Diagnostic> Active => Diagnostics.Where(d => !d.IsSuppressed && d.Severity != Severity.None);

    /// <summary>True when an unsuppressed finding is at or above <paramref name="threshold"/>: the CLI's exit code 1.</summary>
    public bool Fails(Severity threshold) => Active.Any(d => d.Severity >= threshold && d.BaselineState != BaselineState.Unchanged);

    /// <summary>The resources analysed (for the maturity report's grouping by application and environment).</summary>
    public IReadOnlyList<Model.KubeResource> Resources { get; init; } = [];

    /// <summary>
    /// The ArgoCD view (environments, their Applications, what each rendered) when the path held kustomizations; null
    /// for loose manifests. The maturity report uses it to list every Application, rated or not.
    /// </summary>
    public GitOps.Workspace? Workspace { get; init; }

    /// <summary>Baseline entries no longer found (fixed debt); empty when no baseline was given.</summary>
    public IReadOnlyList<Baselines.BaselineEntry> BaselineAbsent { get; init; } = [];

    /// <summary>Findings silenced by <c>lint.vixens.io/suppress</c> annotations.</summary>
    public int SuppressedCount => Diagnostics.Count(d => d.IsSuppressed);

    /// <summary>The path of <paramref name="fullPath"/> relative to the repository root, with forward slashes.</summary>
    public string RelativePath(string fullPath) => RepositoryPaths.Relative(RepositoryRoot, fullPath);

    /// <summary>A baseline of every unsuppressed finding (<c>vixens-lint baseline</c>).</summary>
    public Baselines.Baseline ToBaseline() => Baselines.Baseline.From(Diagnostics, RelativePath);
}
