using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps;

/// <summary>One entry of an Application's <c>source</c> or <c>sources</c>.</summary>
public sealed record ApplicationSource(
    YamlMapping Node,
    string? RepoUrl,
    string? Path,
    string? Chart,
    string? TargetRevision,
    string? Ref,
    IReadOnlyList<YamlScalar> ValueFiles)
{
    public bool IsHelmChart => Chart is not null;

    public static ApplicationSource Read(YamlMapping node)
    {
        var valueFiles = node.GetMapping("helm")?.GetSequence("valueFiles")?.Items.OfType<YamlScalar>().ToList() ?? [];
        return new ApplicationSource(
            node,
            node.GetString("repoURL"),
            node.GetString("path"),
            node.GetString("chart"),
            node.GetString("targetRevision"),
            node.GetString("ref"),
            valueFiles);
    }
}
