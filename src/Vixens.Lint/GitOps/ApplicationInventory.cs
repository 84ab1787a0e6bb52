using Vixens.Lint.Analysis;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.GitOps;

/// <summary>One source of a listed Application: what it points at and what the offline check did with it.</summary>
public sealed record InventorySource(string Kind, string? RepoUrl, string? Path, string? Chart, string? Version, SourceState State, string Reason);

/// <summary>An Application an environment deploys, as ArgoCD sees it.</summary>
public sealed record InventoryApplication(
    string Name,
    string File,
    int Line,
    string? Project,
    string? Namespace,
    string? SyncWave,
    int ResourceCount,
    IReadOnlyList<InventorySource> Sources);

/// <summary>An Application manifest stored under an environment root but not deployed by it.</summary>
public sealed record InventoryUnlisted(string Name, string File, int Line, IReadOnlyList<InventorySource> Sources);

/// <summary>What one environment deploys, what stays unrendered, and which overlays of that environment nothing deploys.</summary>
public sealed record InventoryEnvironment(
    string Name,
    string Root,
    IReadOnlyList<InventoryApplication> Applications,
    IReadOnlyList<(string Application, InventorySource Source)> Unrendered,
    IReadOnlyList<InventoryUnlisted> UnlistedApplications,
    IReadOnlyList<string> OrphanedOverlays);

/// <summary>
/// The per-environment listing behind <c>vixens-lint apps</c>: Applications resolved (name, sources, destination
/// namespace, sync wave), sources left unrendered and why, Application manifests the root does not list, and orphaned
/// overlays. Every list is sorted ordinally, so the same repository always gives the same listing.
/// </summary>
public sealed record ApplicationInventory(IReadOnlyList<InventoryEnvironment> Environments, IReadOnlyList<string> OrphansWithoutEnvironment)
{
    public static ApplicationInventory From(Workspace workspace, string repositoryRoot, IReadOnlyCollection<string>? environments = null)
    {
        var selected = workspace.Environments
            .Where(e => environments is null || environments.Count == 0 || environments.Contains(e.Name))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => Describe(e, workspace, repositoryRoot))
            .ToList();
        var homeless = workspace.OrphanedOverlays
            .Where(o => WorkspaceBuilder.EnvironmentFromPath(o) is null)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ApplicationInventory(selected, homeless);
    }

    private static InventoryEnvironment Describe(EnvironmentModel environment, Workspace workspace, string root)
    {
        var resourceCounts = workspace.Units
            .Where(u => u.Kind == UnitKind.Application && u.Environment == environment.Name)
            .GroupBy(u => u.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Resources.Count, StringComparer.Ordinal);
        var resolutions = environment.Sources.ToLookup(s => s.Application, StringComparer.Ordinal);

        var applications = environment.Applications
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new InventoryApplication(
                a.Name,
                RepositoryPaths.Relative(root, a.Resource.Span.File),
                a.Resource.Span.StartLine,
                a.Project,
                a.DestinationNamespace,
                a.SyncWave,
                resourceCounts.GetValueOrDefault(a.Name),
                resolutions[a.Name].Select(r => Source(r.Source, r.State, r.Reason)).ToList()))
            .ToList();
        var unrendered = applications
            .SelectMany(a => a.Sources.Where(s => s.State is not (SourceState.Rendered or SourceState.ValuesReference)).Select(s => (a.Name, s)))
            .ToList();
        var unlisted = environment.UnlistedApplications
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new InventoryUnlisted(
                a.Name,
                RepositoryPaths.Relative(root, a.Resource.Span.File),
                a.Resource.Span.StartLine,
                a.Sources.Select(s => Source(s, SourceState.NotDeployed, "the environment root does not list this Application")).ToList()))
            .ToList();
        var orphans = workspace.OrphanedOverlays
            .Where(o => WorkspaceBuilder.EnvironmentFromPath(o) == environment.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new InventoryEnvironment(environment.Name, environment.RootDirectory, applications, unrendered, unlisted, orphans);
    }

    private static InventorySource Source(ApplicationSource source, SourceState state, string reason) => new(
        source.IsHelmChart ? "chart" : source.Path is not null ? "path" : source.Ref is not null ? "ref" : "other",
        source.RepoUrl,
        source.Path,
        source.Chart,
        source.TargetRevision,
        state,
        reason);
}
