namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// Reads a chart directory into its files as Helm's <c>LoadDir</c> does (lexical walk, <c>.helmignore</c>, byte order
/// marks stripped), but safely: a symbolic link is followed only when its target stays inside the chart directory,
/// and every file counts against the <see cref="ChartLoadLimits"/> before it is read.
/// </summary>
internal static class ChartDirectoryReader
{
    public static List<ChartFile> Read(string directory, ChartLoadBudget budget)
    {
        var root = Path.GetFullPath(directory);
        var realRoot = RealPath(root);
        var ignoreFile = Path.Combine(root, ".helmignore");
        var rules = HelmIgnore.Parse(File.Exists(ignoreFile) ? System.Text.Encoding.UTF8.GetString(ReadBounded(ignoreFile, ".helmignore", budget.Limits.MaxFileBytes)) : null);

        var files = new List<ChartFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { realRoot };
        Walk(root, string.Empty, realRoot, rules, budget, files, visited);
        return files;
    }

    private static void Walk(string dir, string relative, string realRoot, HelmIgnore rules, ChartLoadBudget budget, List<ChartFile> files, HashSet<string> visited)
    {
        var entries = new DirectoryInfo(dir).GetFileSystemInfos();
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            var name = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            var target = entry;
            if (entry.LinkTarget is not null)
            {
                var real = RealPath(entry.FullName);
                if (!IsInside(real, realRoot))
                {
                    throw new HelmException($"'{name}' is a symbolic link to '{entry.LinkTarget}', outside the chart directory: it is not followed", HelmErrorKind.Chart, name);
                }

                target = Directory.Exists(real) ? new DirectoryInfo(real) : new FileInfo(real);
                if (!target.Exists)
                {
                    throw new HelmException($"'{name}' is a symbolic link to '{entry.LinkTarget}', which does not exist", HelmErrorKind.Chart, name);
                }
            }

            if (target is DirectoryInfo subdir)
            {
                if (rules.Ignores(name, isDirectory: true))
                {
                    continue;
                }

                // A link back to an ancestor would make the walk endless.
                if (!visited.Add(RealPath(subdir.FullName)))
                {
                    throw new HelmException($"'{name}' leads back to a directory already read (a symbolic link cycle)", HelmErrorKind.Chart, name);
                }

                Walk(subdir.FullName, name, realRoot, rules, budget, files, visited);
                visited.Remove(RealPath(subdir.FullName));
                continue;
            }

            if (rules.Ignores(name, isDirectory: false))
            {
                continue;
            }

            var file = (FileInfo)target;
            if ((file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0 && file.LinkTarget is null)
            {
                throw new HelmException($"cannot load irregular file {file.FullName} as it has file mode type bits set", HelmErrorKind.Chart, name);
            }

            budget.Take(name, file.Length);
            files.Add(ChartFile.WithoutBom(name, ReadBounded(file.FullName, name, budget.Limits.MaxFileBytes)));
        }
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; a file that grew past it since it was measured is refused.</summary>
    private static byte[] ReadBounded(string path, string name, long max)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > max)
        {
            throw new HelmException($"file '{name}' is larger than {max} bytes, the limit for a chart file", HelmErrorKind.Chart, name);
        }

        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }

    private static string RealPath(string path)
    {
        // Resolve every link on the way, not only the last component.
        var full = Path.GetFullPath(path);
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(full) ?? "/";
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                var resolved = info.ResolveLinkTarget(returnFinalTarget: true);
                if (resolved is not null)
                {
                    current = resolved.FullName;
                }
            }
        }

        return current;
    }

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
