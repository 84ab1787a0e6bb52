using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps;

/// <summary>
/// Every kustomization directory of the repository and which other directories each one pulls in, read straight from
/// the kustomization files (no rendering). It answers "which overlays are top-level?" and "is this a Component?".
/// </summary>
public sealed class KustomizationIndex
{
    public static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private readonly Dictionary<string, Entry> _entries;

    private KustomizationIndex(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>Full paths of kustomization directories, sorted.</summary>
    public IReadOnlyList<string> Directories => _entries.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    public bool IsKustomization(string directory) => _entries.ContainsKey(Normalize(directory));

    public bool IsComponent(string directory) => _entries.TryGetValue(Normalize(directory), out var entry) && entry.IsComponent;

    /// <summary>Directories that no other kustomization includes and that are not Components: what can be built on its own.</summary>
    public IReadOnlyList<string> TopLevel()
    {
        var included = new HashSet<string>(_entries.Values.SelectMany(e => e.Includes), StringComparer.Ordinal);
        var top = Directories.Where(d => !included.Contains(d) && !_entries[d].IsComponent).ToList();

        // Kustomizations that only include each other (a cycle, or one that includes itself) are reachable from no
        // top-level directory; they are top-level too, so the renderer gets to report the cycle.
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in top)
        {
            reachable.UnionWith(Closure(directory));
        }

        foreach (var directory in Directories)
        {
            if (!reachable.Contains(directory) && !_entries[directory].IsComponent)
            {
                top.Add(directory);
                reachable.UnionWith(Closure(directory));
            }
        }

        return top;
    }

    /// <summary>The directory and, transitively, every kustomization directory it includes.</summary>
    public IReadOnlySet<string> Closure(string directory)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(Normalize(directory));
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!result.Add(current) || !_entries.TryGetValue(current, out var entry))
            {
                continue;
            }

            foreach (var included in entry.Includes)
            {
                stack.Push(included);
            }
        }

        return result;
    }

    public static string? FindKustomizationFile(string directory) =>
        FileNames.Select(name => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    public static KustomizationIndex Build(IEnumerable<string> kustomizationFiles)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var file in kustomizationFiles)
        {
            var directory = Normalize(Path.GetDirectoryName(file)!);
            if (entries.ContainsKey(directory))
            {
                continue;
            }

            entries[directory] = Read(file, directory);
        }

        return new KustomizationIndex(entries);
    }

    private static Entry Read(string file, string directory)
    {
        var loaded = YamlLoader.LoadFile(file);
        if (loaded.Documents.Count == 0 || loaded.Documents[0].Root is not YamlMapping root)
        {
            return new Entry(false, []);
        }

        var includes = new List<string>();
        foreach (var field in new[] { "resources", "components", "bases" })
        {
            foreach (var item in root.GetSequence(field)?.Items.OfType<YamlScalar>() ?? [])
            {
                if (item.Value.Contains("://", StringComparison.Ordinal) || item.Value.StartsWith("github.com", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Normalize(Path.Combine(directory, item.Value));
                if (Directory.Exists(target))
                {
                    includes.Add(target);
                }
            }
        }

        return new Entry(root.GetString("kind") == "Component", includes);
    }

    private static string Normalize(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);

    private sealed record Entry(bool IsComponent, IReadOnlyList<string> Includes);
}
