namespace Vixens.Lint.GitOps;

/// <summary>
/// A Helm chart some Application of the repository installs (in any environment, or in an Application manifest its
/// environment root does not list). Charts are not rendered offline, so this is what is known of their output.
/// </summary>
public sealed record HelmChartSource(
    string Application,
    string Environment,
    bool Listed,
    string? Namespace,
    string Release,
    string Chart,
    string? RepoUrl,
    string? Version)
{
    /// <summary>
    /// Whether the chart may create an object called <paramref name="name"/> in <paramref name="namespace"/>: Helm names
    /// objects <c>&lt;release&gt;</c> or <c>&lt;release&gt;-…</c>, and some charts use their chart name.
    /// </summary>
    public bool MayCreate(string? @namespace, string name) =>
        string.Equals(Namespace, @namespace, StringComparison.Ordinal)
        && (IsNamedAfter(name, Release) || IsNamedAfter(name, Chart));

    private static bool IsNamedAfter(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + "-", StringComparison.Ordinal);

    /// <summary>Every chart installed by a listed or unlisted Application of <paramref name="workspace"/>, sorted.</summary>
    public static IReadOnlyList<HelmChartSource> From(Workspace workspace)
    {
        var charts = new List<HelmChartSource>();
        foreach (var environment in workspace.Environments)
        {
            charts.AddRange(environment.Applications.SelectMany(a => Of(a, environment.Name, listed: true)));
            charts.AddRange(environment.UnlistedApplications.SelectMany(a => Of(a, environment.Name, listed: false)));
        }

        return charts
            .OrderBy(c => c.Environment, StringComparer.Ordinal)
            .ThenBy(c => c.Application, StringComparer.Ordinal)
            .ThenBy(c => c.Chart, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<HelmChartSource> Of(ArgoApplication application, string environment, bool listed) =>
        application.Sources.Where(s => s.IsHelmChart).Select(s => new HelmChartSource(
            application.Name,
            environment,
            listed,
            application.DestinationNamespace,
            s.Node.GetMapping("helm")?.GetString("releaseName") ?? application.Name,
            s.Chart!,
            s.RepoUrl,
            s.TargetRevision));
}
