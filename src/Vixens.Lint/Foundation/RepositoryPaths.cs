namespace Vixens.Lint.Foundation;

/// <summary>Path conventions shared by every reporter: repository-relative, forward slashes.</summary>
public static class RepositoryPaths
{
    public static string Relative(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative.Replace('\\', '/');
    }

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds <c>.git</c>, else <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        var full = Path.GetFullPath(start);
        var directory = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                return current.FullName;
            }
        }

        return directory;
    }

    public static bool IsInside(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !relative.StartsWith("..\\", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
