using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Analysis;

/// <summary>Loads files and classifies their documents into Kubernetes objects, kustomizations and the rest.</summary>
public static class ManifestLoader
{
    private static readonly HashSet<string> KustomizationFileNames = new(StringComparer.Ordinal) { "kustomization.yaml", "kustomization.yml", "Kustomization" };

    public static LoadedManifest Load(string path, YamlLoadOptions options) => Classify(YamlLoader.LoadFile(path, options));

    public static LoadedManifest Classify(YamlFile file)
    {
        var diagnostics = new List<Diagnostic>(file.Diagnostics);
        if (file.Documents.Count == 0 && file.HasErrors)
        {
            return new LoadedManifest(file, ManifestKind.Unreadable, [], diagnostics);
        }

        if (KustomizationFileNames.Contains(Path.GetFileName(file.Path)))
        {
            return new LoadedManifest(file, ManifestKind.Kustomization, [], diagnostics);
        }

        var resources = new List<KubeResource>();
        var partial = new List<(YamlMapping Root, string Present, string Missing, YamlNode At)>();
        foreach (var document in file.Documents)
        {
            if (document.Root is not YamlMapping root)
            {
                continue;
            }

            var apiVersion = root.GetScalar("apiVersion");
            var kind = root.GetScalar("kind");
            if (apiVersion is { IsNull: false } && kind is { IsNull: false })
            {
                if (IsKustomizeConfig(apiVersion.Value))
                {
                    return new LoadedManifest(file, ManifestKind.Kustomization, [], diagnostics);
                }

                resources.Add(new KubeResource(root));
            }
            else if (apiVersion is { IsNull: false } || kind is { IsNull: false })
            {
                partial.Add((root, apiVersion is { IsNull: false } ? "apiVersion" : "kind", apiVersion is { IsNull: false } ? "kind" : "apiVersion", (YamlNode?)apiVersion ?? kind!));
            }
        }

        if (resources.Count == 0)
        {
            if (!file.HasErrors)
            {
                diagnostics.Add(Diagnostic.Create(InputDescriptors.NotKubernetesYaml, SourceSpan.StartOf(file.Path), "no document has both apiVersion and kind"));
            }

            return new LoadedManifest(file, ManifestKind.NotKubernetes, [], diagnostics);
        }

        foreach (var (_, present, missing, at) in partial)
        {
            diagnostics.Add(Diagnostic.Create(InputDescriptors.MissingKindOrApiVersion, at.Span, present, missing));
        }

        return new LoadedManifest(file, ManifestKind.Resources, resources, diagnostics);
    }

    private static bool IsKustomizeConfig(string apiVersion) =>
        apiVersion.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal);
}
