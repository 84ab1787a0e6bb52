namespace Vixens.Lint.GitOps;

/// <summary>Recognises this repository's URL however an Application spells it (scheme, <c>.git</c>, trailing slash, case).</summary>
internal static class RepositoryUrls
{
    public static string Normalize(string url)
    {
        var value = url.Trim().TrimEnd('/').ToLowerInvariant();
        if (value.EndsWith(".git", StringComparison.Ordinal))
        {
            value = value[..^4];
        }

        // git@github.com:owner/repo → github.com/owner/repo
        if (value.StartsWith("git@", StringComparison.Ordinal))
        {
            value = value[4..].Replace(':', '/');
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 ? value[(scheme + 3)..] : value;
    }

    /// <summary>The <c>origin</c> remote URL from <c>.git/config</c>, read as text (no git process, no network).</summary>
    public static string? ReadOrigin(string repositoryRoot)
    {
        var config = Path.Combine(repositoryRoot, ".git", "config");
        if (!File.Exists(config))
        {
            return null;
        }

        var inOrigin = false;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inOrigin = line.Replace(" ", string.Empty, StringComparison.Ordinal) == "[remote\"origin\"]";
            }
            else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.Contains('=', StringComparison.Ordinal))
            {
                return line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return null;
    }
}
