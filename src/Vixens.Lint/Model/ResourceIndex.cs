namespace Vixens.Lint.Model;

/// <summary>Lookups over the resources of an environment: by kind and namespace, and pod templates per namespace.</summary>
public sealed class ResourceIndex
{
    private readonly ILookup<(string Kind, string? Namespace), KubeResource> _byKindAndNamespace;
    private readonly ILookup<string, KubeResource> _byKind;
    private readonly ILookup<string?, PodSpecView> _podsByNamespace;

    public ResourceIndex(IReadOnlyList<KubeResource> resources)
    {
        Resources = resources;
        _byKindAndNamespace = resources.ToLookup(r => (r.Kind ?? string.Empty, r.Namespace));
        _byKind = resources.ToLookup(r => r.Kind ?? string.Empty);
        _podsByNamespace = resources.Select(PodSpecView.Of).OfType<PodSpecView>().ToLookup(p => p.Owner.Namespace);
    }

    public IReadOnlyList<KubeResource> Resources { get; }

    public IEnumerable<KubeResource> OfKind(string kind) => _byKind[kind];

    public IEnumerable<KubeResource> OfKind(string kind, string? @namespace) => _byKindAndNamespace[(kind, @namespace)];

    public KubeResource? Find(string kind, string? @namespace, string name) =>
        _byKindAndNamespace[(kind, @namespace)].FirstOrDefault(r => r.Name == name);

    public IEnumerable<PodSpecView> PodTemplates(string? @namespace) => _podsByNamespace[@namespace];

    public IEnumerable<PodSpecView> AllPodTemplates => _podsByNamespace.SelectMany(g => g);
}
