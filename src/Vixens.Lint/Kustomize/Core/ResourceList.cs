using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// The ordered set of objects of a build (kustomize's ResMap). Order is insertion order until the final sort; ids must
/// stay unique, which <see cref="Append"/> and <see cref="AppendAll"/> enforce; inside <see cref="IndexIds"/> they share
/// one hash index, so that a kustomization listing N files stays linear instead of re-indexing the list per file.
/// </summary>
internal sealed class ResourceList
{
    private readonly List<Resource> _items = [];

    /// <summary>Keys of the current ids while <see cref="IndexIds"/> is open; null otherwise.</summary>
    private HashSet<string>? _index;

    public IReadOnlyList<Resource> Items => _items;

    public int Count => _items.Count;

    /// <summary>Adds an object; kustomize refuses a second object with the same current id.</summary>
    public void Append(Resource resource, SourceSpan errorLocation)
    {
        var id = resource.CurId;
        if (_index is not null ? !_index.Add(Key(id)) : FindByCurrentId(id) is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.IdConflict, errorLocation, id.ToString());
        }

        _items.Add(resource);
    }

    public void AppendAll(ResourceList other, SourceSpan errorLocation)
    {
        var index = _index ?? BuildIndex();
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

    public void ReplaceAt(int index, Resource resource)
    {
        _index = null;
        _items[index] = resource;
    }

    public void Remove(Resource resource)
    {
        _index = null;
        _items.Remove(resource);
    }

    public void Clear()
    {
        _index = null;
        _items.Clear();
    }

    public void AddRange(IEnumerable<Resource> resources)
    {
        _index = null;
        _items.AddRange(resources);
    }

    /// <summary>
    /// Keeps one index of current ids until disposed, for a run of appends during which nothing renames the objects
    /// already in the list (a kustomization's <c>resources:</c>); transformers change ids, so it must not outlive that.
    /// </summary>
    public IDisposable IndexIds()
    {
        _index = BuildIndex();
        return new IndexScope(this);
    }

    private sealed class IndexScope(ResourceList list) : IDisposable
    {
        public void Dispose() => list._index = null;
    }

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
