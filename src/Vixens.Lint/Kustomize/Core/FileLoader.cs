using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// Reads files for one build with kustomize's rules: paths are relative to the kustomization directory, files must
/// stay inside it (root-only load restrictor) unless allowed, and everything read is cached for the whole process.
/// </summary>
internal sealed class FileLoader
{
    private readonly KustomizeOptions _options;
    private readonly KustomizeCache _cache;

    public FileLoader(KustomizeOptions options, KustomizeCache cache)
    {
        _options = options;
        _cache = cache;
    }

    public KustomizeOptions Options => _options;

    public KustomizeCache Cache => _cache;

    public static bool IsRemote(string path) =>
        path.Contains("://", StringComparison.Ordinal)
        || path.StartsWith("git@", StringComparison.Ordinal)
        || path.StartsWith("github.com/", StringComparison.Ordinal)
        || path.StartsWith("gitlab.com/", StringComparison.Ordinal)
        || path.StartsWith("bitbucket.org/", StringComparison.Ordinal);

    public static string Combine(string directory, string relative) =>
        Path.GetFullPath(Path.Combine(directory, relative));

    /// <summary>Resolves a file entry and enforces the load restrictor; throws a located build error otherwise.</summary>
    public string ResolveFile(string root, Entry entry, string listName)
    {
        if (IsRemote(entry.Value))
        {
            throw new KustomizeException(KustomizeDescriptors.Unsupported, entry.Span, entry.Value, "remote files need the network");
        }

        var full = Combine(root, entry.Value);
        if (!File.Exists(full))
        {
            throw new KustomizeException(KustomizeDescriptors.ResourceNotFound, entry.Span, entry.Value, listName);
        }

        // Like kustomize, the restrictor judges the real path: a symlink inside the root that points outside is refused.
        if (!_options.AllowFilesOutsideRoot && (!IsWithin(full, root) || !IsWithin(RealPath(full), RealPath(root))))
        {
            throw new KustomizeException(KustomizeDescriptors.FileOutsideRoot, entry.Span, entry.Value, root);
        }

        return full;
    }

    /// <summary>The path with every symlink along it resolved (a broken or looping link resolves to itself).</summary>
    internal static string RealPath(string path)
    {
        try
        {
            var parent = Path.GetDirectoryName(path);
            var resolvedParent = string.IsNullOrEmpty(parent) || parent == path ? parent : RealPath(parent);
            var candidate = resolvedParent is null ? path : Path.Combine(resolvedParent, Path.GetFileName(path));
            var info = new FileInfo(candidate);
            var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            return target?.FullName ?? candidate;
        }
        catch (IOException)
        {
            return path;
        }
    }

    public static bool IsWithin(string path, string directory)
    {
        var dir = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        return path.StartsWith(dir, StringComparison.Ordinal) || string.Equals(path, Path.TrimEndingDirectorySeparator(directory), StringComparison.Ordinal);
    }

    public byte[]? ReadBytes(string fullPath) =>
        _cache.Bytes.GetOrAdd(fullPath, static p =>
        {
            try
            {
                return File.ReadAllBytes(p);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        });

    /// <summary>The parsed file, shared: callers must deep-clone nodes they modify.</summary>
    public YamlFile LoadYaml(string fullPath) =>
        _cache.Files.GetOrAdd(fullPath, p => YamlLoader.LoadFile(p, _options.YamlLoadOptions));

    public static string? FindKustomizationFile(string directory, out int count)
    {
        string? found = null;
        count = 0;
        foreach (var name in new[] { "kustomization.yaml", "kustomization.yml", "Kustomization" })
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && ExactNameExists(directory, name))
            {
                found ??= candidate;
                count++;
            }
        }

        return found;
    }

    /// <summary>On case-insensitive file systems "Kustomization" also matches "kustomization.yaml"'s neighbour; check the real name.</summary>
    private static bool ExactNameExists(string directory, string name)
    {
        if (OperatingSystem.IsLinux())
        {
            return true;
        }

        return Directory.EnumerateFiles(directory, name).Any(f => string.Equals(Path.GetFileName(f), name, StringComparison.Ordinal));
    }
}
