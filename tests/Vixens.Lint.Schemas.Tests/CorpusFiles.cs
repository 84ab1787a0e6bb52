using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Schemas.Tests;

/// <summary>
/// The real GitOps repository in shared/corpus/vixens, read raw (no kustomize rendering): every YAML document with a
/// kind. Files that kustomizations use as patches are partial objects; <see cref="PatchFiles"/> names them so the
/// false-alarm sweep can tell them apart.
/// </summary>
internal static class CorpusFiles
{
    private static readonly Lazy<IReadOnlyList<(string File, KubeResource Resource)>> All = new(Load);

    public static bool Available => Directory.Exists(TestPaths.Corpus);

    public static IReadOnlyList<(string File, KubeResource Resource)> Resources => All.Value;

    public static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(TestPaths.Corpus, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Files listed under patches/patchesStrategicMerge/patchesJson6902 of some kustomization.</summary>
    public static HashSet<string> PatchFiles()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, resource) in Resources)
        {
            if (resource.Kind is not ("Kustomization" or "Component"))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(file)!;
            foreach (var field in new[] { "patches", "patchesStrategicMerge", "patchesJson6902" })
            {
                foreach (var item in resource.Root.GetSequence(field)?.Items ?? [])
                {
                    var path = item switch
                    {
                        YamlScalar s => s.Value,
                        YamlMapping m => m.GetString("path"),
                        _ => null,
                    };
                    if (!string.IsNullOrEmpty(path))
                    {
                        result.Add(Path.GetFullPath(Path.Combine(directory, path)));
                    }
                }
            }
        }

        return result;
    }

    private static List<(string File, KubeResource Resource)> Load()
    {
        var list = new List<(string, KubeResource)>();
        foreach (var file in YamlFiles())
        {
            var loaded = YamlLoader.LoadFile(file);
            foreach (var root in loaded.Documents.Select(d => d.Root).OfType<YamlMapping>())
            {
                if (root.ContainsKey("kind"))
                {
                    list.Add((loaded.Path, new KubeResource(root)));
                }
            }
        }

        return list;
    }
}
