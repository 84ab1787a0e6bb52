using Microsoft.Extensions.FileSystemGlobbing;

namespace Vixens.Lint.Analysis;

/// <summary>Finds the YAML files to analyse under a path, honouring excludes; sorted, so runs are deterministic.</summary>
public static class ManifestDiscovery
{
    // The tool's own configuration (settings, rule packs) is YAML but never a manifest: reporting it as "not
    // Kubernetes" (VX0009) would be noise in every repository that configures the tool.
    private static readonly string[] AlwaysExcluded =
    [
        "**/.git/**", "**/node_modules/**", "**/bin/**", "**/obj/**",
        "**/.vixens-lint.yaml", "**/.vixens-lint.yml", "**/*.rulepack.yaml", "**/*.rulepack.yml",
    ];

    public static IReadOnlyList<string> FindYamlFiles(string path, string repositoryRoot, IReadOnlyList<string> excludes)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return [full];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(["**/*.yaml", "**/*.yml"]);
        matcher.AddExcludePatterns(AlwaysExcluded);
        var files = matcher.GetResultsInFullPath(full);
        if (excludes.Count > 0)
        {
            var excluder = new Matcher(StringComparison.Ordinal);
            excluder.AddIncludePatterns(excludes);
            files = files.Where(f => !excluder.Match(repositoryRoot, f).HasMatches);
        }

        return files.Select(Path.GetFullPath).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }
}
