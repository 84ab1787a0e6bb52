using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Model;

/// <summary>
/// One Kubernetes object, as read from a file or produced by the renderer, with its position-aware tree. The
/// environment/application context is filled by the workspace when the object is reached through an ArgoCD Application.
/// </summary>
public sealed class KubeResource
{
    public KubeResource(YamlMapping root) => Root = root;

    public YamlMapping Root { get; }

    public string? ApiVersion => Root.GetString("apiVersion");

    public string? Kind => Root.GetString("kind");

    public YamlMapping? Metadata => Root.GetMapping("metadata");

    public string? Name => Metadata?.GetString("name");

    public string? Namespace => Metadata?.GetString("namespace");

    public string Group => ResourceId.SplitApiVersion(ApiVersion).Group;

    public string Version => ResourceId.SplitApiVersion(ApiVersion).Version;

    public ResourceId Id => new(Group, Version, Kind ?? string.Empty, Namespace, Name ?? string.Empty);

    /// <summary>Where the object starts: its document's root mapping.</summary>
    public SourceSpan Span => Root.Span;

    /// <summary>The ArgoCD environment (e.g. <c>prod</c>) this object is analysed in, if known.</summary>
    public string? Environment { get; set; }

    /// <summary>The ArgoCD Application that deploys this object, if known.</summary>
    public string? Application { get; set; }

    /// <summary>The kustomization directory (or plain directory) this object was rendered from, relative to the repository root.</summary>
    public string? Origin { get; set; }

    public IReadOnlyDictionary<string, string> Labels => StringMap(Metadata?.GetMapping("labels"));

    public IReadOnlyDictionary<string, string> Annotations => StringMap(Metadata?.GetMapping("annotations"));

    public string? GetAnnotation(string key) => Metadata?.GetMapping("annotations")?.GetString(key);

    public override string ToString() => Id.Display;

    internal static IReadOnlyDictionary<string, string> StringMap(YamlMapping? mapping)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mapping is null)
        {
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalar scalar)
            {
                result[entry.Key.Value] = scalar.Value;
            }
        }

        return result;
    }
}
