using Vixens.Lint.Helm.Charts;

namespace Vixens.Lint.Helm.Objects;

/// <summary>
/// <c>.Chart</c>: Helm passes <c>struct { chart.Metadata; IsRoot bool }</c>, so Chart.yaml's fields by their Go names
/// (<c>.Chart.Name</c>, <c>.Chart.AppVersion</c>…) plus <c>.Chart.IsRoot</c>.
/// </summary>
public static class ChartObject
{
    public static GoStruct Create(Chart chart)
    {
        var md = chart.Metadata;
        var metadata = new GoStruct("chart.Metadata", isPointer: false)
            .Field("Name", md.Name)
            .Field("Home", md.Home)
            .Field("Sources", md.Sources ?? [])
            .Field("Version", md.Version)
            .Field("Description", md.Description)
            .Field("Keywords", md.Keywords ?? [])
            .Field("Maintainers", (md.Maintainers ?? []).Select(Maintainer).ToList())
            .Field("Icon", md.Icon)
            .Field("APIVersion", md.APIVersion)
            .Field("Condition", md.Condition)
            .Field("Tags", md.Tags)
            .Field("AppVersion", md.AppVersion)
            .Field("Deprecated", md.Deprecated)
            .Field("Annotations", md.Annotations ?? new Dictionary<string, string>(StringComparer.Ordinal))
            .Field("KubeVersion", md.KubeVersion)
            .Field("Dependencies", (md.Dependencies ?? []).Select(Dependency).ToList())
            .Field("Type", md.Type);
        return new GoStruct("struct { chart.Metadata; IsRoot bool }", isPointer: false)
            .Embed("Metadata", metadata)
            .Field("IsRoot", chart.IsRoot);
    }

    private static object? Maintainer(ChartMaintainer? m) => m is null
        ? null
        : new GoStruct("*chart.Maintainer", isPointer: true).Field("Name", m.Name).Field("Email", m.Email).Field("URL", m.URL);

    private static object? Dependency(ChartDependency? d) => d is null
        ? null
        : new GoStruct("*chart.Dependency", isPointer: true)
            .Field("Name", d.Name)
            .Field("Version", d.Version)
            .Field("Repository", d.Repository)
            .Field("Condition", d.Condition)
            .Field("Tags", d.Tags)
            .Field("Enabled", d.Enabled)
            .Field("ImportValues", d.ImportValues)
            .Field("Alias", d.Alias);
}
