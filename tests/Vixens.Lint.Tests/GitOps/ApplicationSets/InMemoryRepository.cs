using System.Text;
using Vixens.Lint.GitOps.ApplicationSets;

namespace Vixens.Lint.Tests.GitOps.ApplicationSets;

/// <summary>
/// A repository given as files, for parameter-level tests taken from ArgoCD's own tables (which give the repo server's
/// answer directly): its directories are those holding files, in the repo server's walk order.
/// </summary>
internal sealed class InMemoryRepository : IRepositoryView
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    public InMemoryRepository(params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            _files[path] = content;
        }
    }

    /// <summary>A repository with one placeholder file in each directory (ArgoCD's directory tests list directories only).</summary>
    public static InMemoryRepository WithDirectories(params string[] directories) =>
        new(directories.Select(d => (d + "/README.md", "x")).ToArray());

    public IReadOnlyList<string> Files => _files.Keys.ToList();

    public IReadOnlyList<string> Directories(bool includeHidden)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in _files.Keys)
        {
            var parts = file.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                if (!includeHidden && parts[i - 1].StartsWith('.'))
                {
                    break;
                }

                all.Add(string.Join('/', parts.Take(i)));
            }
        }

        // Depth-first with entries sorted by name: compare segment by segment.
        return all.OrderBy(d => d.Split('/'), SegmentComparer.Instance).ToList();
    }

    public byte[]? ReadFile(string relativePath) => _files.TryGetValue(relativePath, out var content) ? Encoding.UTF8.GetBytes(content) : null;

    public string FullPath(string relativePath) => "/repo/" + relativePath;

    private sealed class SegmentComparer : IComparer<string[]>
    {
        public static readonly SegmentComparer Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
