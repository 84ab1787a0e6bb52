using Microsoft.Extensions.FileSystemGlobbing;

namespace Vixens.Lint.Analysis;

/// <summary>Finds the YAML files to analyse under a path, honouring excludes; sorted, so runs are deterministic.</summary>
public static class ManifestDiscovery
{
    private static readonly string[] AlwaysExcluded = ["**/.git/**", "**/node_modules/**", "**/bin/**", "**/obj/**"];

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
