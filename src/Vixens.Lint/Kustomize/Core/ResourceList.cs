using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// The ordered set of objects of a build (kustomize's ResMap). Order is insertion order until the final sort; ids must
/// stay unique, which <see cref="Append"/> enforces with a hash index so that large builds stay linear.
/// </summary>
internal sealed class ResourceList
{
    private readonly List<Resource> _items = [];

    public IReadOnlyList<Resource> Items => _items;

    public int Count => _items.Count;

    /// <summary>Adds an object; kustomize refuses a second object with the same current id.</summary>
    public void Append(Resource resource, SourceSpan errorLocation)
    {
        var id = resource.CurId;
        if (FindByCurrentId(id) is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.IdConflict, errorLocation, id.ToString());
        }

        _items.Add(resource);
    }

    public void AppendAll(ResourceList other, SourceSpan errorLocation)
    {
        var index = BuildIndex();
        foreach (var resource in other._items)
        {
            var key = Key(resource.CurId);
            if (index.Contains(key))
            {
                throw new KustomizeException(KustomizeDescriptors.IdConflict, errorLocation, resource.CurId.ToString());
            }

            index.Add(key);
            _items.Add(resource);
        }
    }

    public Resource? FindByCurrentId(ResId id)
    {
        foreach (var r in _items)
        {
            if (r.CurId.SameAs(id))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>Objects whose current or any previous id equals <paramref name="id"/>.</summary>
    public List<Resource> FindByAnyId(ResId id) => _items.Where(r => r.AllIds.Any(i => i.SameAs(id))).ToList();

    public int IndexOf(Resource resource) => _items.IndexOf(resource);

    public void ReplaceAt(int index, Resource resource) => _items[index] = resource;

    public void Remove(Resource resource) => _items.Remove(resource);

    public void Clear() => _items.Clear();

    public void AddRange(IEnumerable<Resource> resources) => _items.AddRange(resources);

    public ResourceList Clone()
    {
        var clone = new ResourceList();
        clone._items.AddRange(_items.Select(r => r.Clone()));
        return clone;
    }

    private HashSet<string> BuildIndex()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in _items)
        {
            set.Add(Key(r.CurId));
        }

        return set;
    }

    private static string Key(ResId id) => $"{id.Gvk}|{id.EffectiveNamespace}|{id.Name}";
}
