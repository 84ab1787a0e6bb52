using Vixens.Lint.Analysis;
using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.Infrastructure;

/// <summary>
/// A stand-in for the Kustomize renderer in repository-level tests: follows <c>resources:</c> (files and directories)
/// and loads the objects as written, ignoring patches, components and transformers. Enough to discover Applications
/// and Namespace objects; not a renderer.
/// </summary>
internal sealed class PlainRenderer : IOverlayRenderer
{
    public RenderedOverlay Render(string directory)
    {
        var resources = new List<KubeResource>();
        Collect(directory, resources, new HashSet<string>(StringComparer.Ordinal));
        return new RenderedOverlay(resources, [], true);
    }

    public static Workspace BuildWorkspace(string root)
    {
        var kustomizations = Directory.EnumerateFiles(root, "kustomization.yaml", SearchOption.AllDirectories).ToList();
        return new WorkspaceBuilder(root, new PlainRenderer(), KustomizationIndex.Build(kustomizations)).Build();
    }

    private static void Collect(string directory, List<KubeResource> resources, HashSet<string> seen)
    {
        if (!seen.Add(Path.GetFullPath(directory)))
        {
            return;
        }

        var kustomization = KustomizationIndex.FindKustomizationFile(directory);
        if (kustomization is null)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
            {
                resources.AddRange(ManifestLoader.Classify(YamlLoader.LoadFile(file)).Resources);
            }

            return;
        }

        var documents = YamlLoader.LoadFile(kustomization).Documents;
        var root = documents.Count > 0 ? documents[0].Root as YamlMapping : null;
        foreach (var item in root?.GetSequence("resources")?.Items.OfType<YamlScalar>() ?? [])
        {
            var path = Path.GetFullPath(Path.Combine(directory, item.Value));
            if (Directory.Exists(path))
            {
                Collect(path, resources, seen);
            }
            else if (File.Exists(path))
            {
                resources.AddRange(ManifestLoader.Classify(YamlLoader.LoadFile(path)).Resources);
            }
        }
    }
}
