using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Analysis;

/// <summary>What one YAML file turned out to be: Kubernetes objects, a kustomization, or something else.</summary>
public enum ManifestKind
{
    Resources,
    Kustomization,
    NotKubernetes,
    Unreadable,
}

public sealed record LoadedManifest(YamlFile File, ManifestKind Kind, IReadOnlyList<KubeResource> Resources, IReadOnlyList<Diagnostic> Diagnostics);
