using Vixens.Lint.Analysis;
using Vixens.Lint.GitOps;

namespace Vixens.Lint.Reporting.Maturity;

/// <summary>An ArgoCD Application of one environment, as the workspace saw it.</summary>
internal sealed record InventoryEntry(string Application, string Environment, string Origin, string NoWorkloadReason);

/// <summary>
/// The ArgoCD Applications of every environment, so that the report can name each one, including those it cannot rate
/// offline (a Helm chart, a source that does not build, configuration only) instead of silently leaving them out.
/// </summary>
internal sealed class ApplicationInventory
{
    private const int KindsNamed = 4;

    private ApplicationInventory(IReadOnlyList<InventoryEntry> entries, IReadOnlySet<string> environmentRoots, bool knowsApplications)
    {
        Entries = entries;
        EnvironmentRoots = environmentRoots;
        KnowsApplications = knowsApplications;
    }

    public IReadOnlyList<InventoryEntry> Entries { get; }

    /// <summary>Repository-relative roots of the environments (<c>argocd/overlays/prod</c>): the app-of-apps, not an application.</summary>
    public IReadOnlySet<string> EnvironmentRoots { get; }

    /// <summary>True when the repository is driven by ArgoCD Applications, so an overlay none of them reaches is not deployed.</summary>
    public bool KnowsApplications { get; }

    public static ApplicationInventory From(LintResult result)
    {
        if (result.Workspace is not { } workspace)
        {
            return new ApplicationInventory([], new HashSet<string>(StringComparer.Ordinal), knowsApplications: false);
        }

        var failed = result.Diagnostics
            .Where(d => d.Id == GitOpsDescriptors.OverlayBuildFailed.Id)
            .SelectMany(d => Environments(d.Properties.GetValueOrDefault("environment")).Select(e => (d.Properties.GetValueOrDefault("application") ?? string.Empty, e)))
            .ToHashSet();
        var entries = workspace.Units
            .Where(u => u is { Kind: UnitKind.Application, Environment: not null, Application: not null })
            .Select(u => new InventoryEntry(u.Name, u.Environment!, u.Directory, Reason(u, u.Application!, failed.Contains((u.Name, u.Environment!)))))
            .ToList();
        var roots = workspace.Environments.Select(e => e.RootDirectory).ToHashSet(StringComparer.Ordinal);
        return new ApplicationInventory(entries, roots, entries.Count > 0);
    }

    /// <summary>Why an Application gives the report no workload to rate, from the most to the least specific cause.</summary>
    private static string Reason(AnalysisUnit unit, ArgoApplication application, bool buildFailed)
    {
        var charts = application.Sources.Where(s => s.IsHelmChart).Select(s => s.Chart!).Distinct(StringComparer.Ordinal).ToList();
        if (buildFailed)
        {
            return $"its source {unit.Directory} does not build offline (VX3007), so its workloads are unknown";
        }

        if (charts.Count > 0)
        {
            var chart = string.Join(", ", charts);
            return unit.Resources.Count == 0
                ? $"Helm-only: chart {chart} is not rendered offline, so its workloads are unknown"
                : $"its workloads come from Helm chart {chart}, not rendered offline; the local source holds no workload";
        }

        if (unit.Resources.Count == 0)
        {
            return "renders nothing offline (remote, missing or empty source)";
        }

        if (unit.Resources.All(ArgoApplication.IsApplication))
        {
            return "app-of-apps: deploys only ArgoCD Applications";
        }

        var kinds = unit.Resources.Select(r => r.Kind ?? "?").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var named = string.Join(", ", kinds.Take(KindsNamed)) + (kinds.Count > KindsNamed ? ", …" : string.Empty);
        return $"deploys no workload (configuration only: {named})";
    }

    private static string[] Environments(string? listed) =>
        (listed ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when the object belongs to an environment root (the app-of-apps itself), not to an application.</summary>
    public bool IsEnvironmentRoot(string? application, string? origin) =>
        application is null && origin is not null && EnvironmentRoots.Contains(origin);

    /// <summary>Whether a group of objects is deployed by an Application: null when the repository has no ArgoCD view.</summary>
    public bool? Deployed(bool anyApplication) => KnowsApplications ? anyApplication : null;
}
