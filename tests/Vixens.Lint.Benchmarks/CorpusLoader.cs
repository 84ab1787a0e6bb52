using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Benchmarks;

/// <summary>Reads every YAML document with a kind from shared/corpus/vixens (found beside the solution directory).</summary>
internal static class CorpusLoader
{
    public static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vixens.Lint.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "vixens"));
            }
        }

        throw new InvalidOperationException("Vixens.Lint.sln not found");
    }

    public static List<KubeResource> Load()
    {
        var resources = new List<KubeResource>();
        foreach (var file in Directory.EnumerateFiles(CorpusDirectory(), "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var root in YamlLoader.LoadFile(file).Documents.Select(d => d.Root).OfType<YamlMapping>())
            {
                if (root.ContainsKey("kind"))
                {
                    resources.Add(new KubeResource(root));
                }
            }
        }

        return resources;
    }
}
