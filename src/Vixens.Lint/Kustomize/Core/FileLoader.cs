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

    /// <summary>
    /// The OpenAPI schema strategic-merge patches use, when a kustomization set <c>openapi.path</c>; null means the
    /// built-in Kubernetes one. Like kustomize's global schema, the first kustomization reached (the built one first)
    /// that has an <c>openapi</c> field decides it for the whole build: see <see cref="SchemaChosen"/>.
    /// </summary>
    public Patching.PatchMetadata? CustomPatchSchema { get; set; }

    /// <summary>Whether a kustomization's <c>openapi</c> field already chose the schema for this build.</summary>
    public bool SchemaChosen { get; set; }

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

        if (!_options.AllowFilesOutsideRoot && !IsWithin(CachedRealPath(full), CachedRealPath(root)))
        {
            throw new KustomizeException(KustomizeDescriptors.FileOutsideRoot, entry.Span, entry.Value, root);
        }

        return full;
    }

    public string CachedRealPath(string path) => _cache.RealPaths.GetOrAdd(path, RealPath);

    /// <summary>
    /// The path with every symbolic link resolved (kustomize checks the restrictor after EvalSymlinks, so a link
    /// inside the kustomization pointing outside it is refused too). Bounded, so link loops cannot hang the build.
    /// </summary>
    public static string RealPath(string path)
    {
        // Iterative, with one hop budget for the whole resolution: a link loop (a -> b -> a) ends after 40 hops
        // instead of recursing until the stack overflows.
        var pending = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var root = Path.GetPathRoot(pending) ?? "/";
            var parts = pending[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            string? redirected = null;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (info.LinkTarget is { } target)
                {
                    var resolved = Path.GetFullPath(Path.Combine(current, target));
                    var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
                    redirected = rest.Length == 0 ? resolved : Path.Combine(resolved, rest);
                    break;
                }

                current = next;
            }

            if (redirected is null)
            {
                return current;
            }

            pending = redirected;
        }

        return pending;
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
