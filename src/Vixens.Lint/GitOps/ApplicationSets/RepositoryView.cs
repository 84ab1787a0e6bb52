namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// What the Git generator sees of a repository at one revision: its directories and files, as paths relative to the
/// repository root with <c>/</c> separators.
/// </summary>
public interface IRepositoryView
{
    /// <summary>
    /// Every directory holding at least one file (git tracks no empty directory), in the order ArgoCD's repo server walks
    /// them: depth first, entries sorted by name. Directories whose name starts with <c>.</c> are skipped with everything
    /// below them, as ArgoCD does unless <c>includeHiddenDirectories</c> is set.
    /// </summary>
    IReadOnlyList<string> Directories(bool includeHidden);

    /// <summary>Every file except those under <c>.git</c>, sorted ordinally.</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>The file's bytes, or null when it cannot be read.</summary>
    byte[]? ReadFile(string relativePath);

    /// <summary>The full path reported in diagnostics about a file of this repository.</summary>
    string FullPath(string relativePath);
}

/// <summary>A repository checked out on disk (the one being analysed).</summary>
public sealed class FileSystemRepositoryView : IRepositoryView
{
    /// <summary>More entries than this and listing stops with an error: the expander must stay bounded on any input.</summary>
    public const int MaxEntries = 500_000;

    private readonly string _root;
    private readonly Lazy<(List<string> Files, List<(string Path, bool Hidden)> Directories)> _listing;

    public FileSystemRepositoryView(string root)
    {
        _root = Path.GetFullPath(root);
        _listing = new Lazy<(List<string>, List<(string, bool)>)>(List);
    }

    public IReadOnlyList<string> Files => _listing.Value.Files;

    public IReadOnlyList<string> Directories(bool includeHidden) =>
        _listing.Value.Directories.Where(d => includeHidden || !d.Hidden).Select(d => d.Path).ToList();

    public byte[]? ReadFile(string relativePath)
    {
        try
        {
            return File.ReadAllBytes(FullPath(relativePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public string FullPath(string relativePath) => Path.GetFullPath(Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    private (List<string>, List<(string, bool)>) List()
    {
        var files = new List<string>();
        var directories = new List<(string Path, bool Hidden)>();
        var count = 0;

        // Returns whether the directory (or anything below it) holds a file; directories are recorded in pre-order.
        bool Walk(string fullPath, string relative, bool hidden)
        {
            var slot = directories.Count;
            if (relative.Length > 0)
            {
                directories.Add((relative, hidden));
            }

            var any = false;
            var entries = new DirectoryInfo(fullPath).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            foreach (var entry in entries)
            {
                if (++count > MaxEntries)
                {
                    throw new GeneratorException($"the repository has more than {MaxEntries} files and directories");
                }

                var childRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entry is DirectoryInfo && !entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    if (relative.Length == 0 && entry.Name == ".git")
                    {
                        continue;
                    }

                    any |= Walk(entry.FullName, childRelative, hidden || entry.Name.StartsWith('.'));
                }
                else if (entry is FileInfo)
                {
                    files.Add(childRelative);
                    any = true;
                }
            }

            if (!any && relative.Length > 0)
            {
                directories.RemoveRange(slot, directories.Count - slot);
            }

            return any;
        }

        Walk(_root, string.Empty, hidden: false);
        files.Sort(StringComparer.Ordinal);
        return (files, directories);
    }
}

/// <summary>The outcome of resolving a generator's <c>repoURL</c>: a view, or why there is none offline.</summary>
public sealed record RepositoryResolution(IRepositoryView? View, string? UnavailableReason)
{
    public static RepositoryResolution Available(IRepositoryView view) => new(view, null);

    public static RepositoryResolution Unavailable(string reason) => new(null, reason);
}

/// <summary>Finds the repository a Git generator reads (its <c>repoURL</c> at <c>revision</c>) among those available offline.</summary>
public interface IRepositoryResolver
{
    RepositoryResolution Resolve(string repoUrl, string revision);
}

/// <summary>
/// Repositories known by URL: the analysed repository under its <c>origin</c> remote, plus any mapping from settings.
/// URLs compare the way ArgoCD users write them interchangeably (scheme, <c>.git</c>, trailing slash, case, scp-style
/// <c>git@host:path</c>). Offline there is one checkout per repository, so the revision is not compared: the working tree
/// stands for every revision (documented in docs/applicationsets.md).
/// </summary>
public sealed class RepositoryMap : IRepositoryResolver
{
    private readonly Dictionary<string, IRepositoryView> _views = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="view"/> the repository behind <paramref name="repoUrl"/>.</summary>
    public RepositoryMap Add(string repoUrl, IRepositoryView view)
    {
        _views[RepositoryUrls.Normalize(repoUrl)] = view;
        return this;
    }

    public RepositoryResolution Resolve(string repoUrl, string revision) =>
        _views.TryGetValue(RepositoryUrls.Normalize(repoUrl), out var view)
            ? RepositoryResolution.Available(view)
            : RepositoryResolution.Unavailable($"repository {repoUrl} is not available offline (it is neither this repository's origin nor mapped in settings)");
}
