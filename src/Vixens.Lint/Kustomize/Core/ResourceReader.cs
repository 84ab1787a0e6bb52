using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>Turns a resource file into objects: one per non-empty document, <c>kind: List</c> expanded, nodes deep-cloned from the cache.</summary>
internal static class ResourceReader
{
    public static ResourceList Read(YamlFile file, SourceSpan listedAt)
    {
        var error = file.Diagnostics.FirstOrDefault(d => d.Severity == Diagnostics.Severity.Error);
        if (error is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidResource, error.Location,
                $"'{file.Path}' cannot be read as Kubernetes objects: {error.Message}");
        }

        var list = new ResourceList();
        var items = new List<Resource>();
        foreach (var doc in file.Documents)
        {
            switch (doc.Root)
            {
                case null:
                case YamlScalar { IsNull: true }:
                    continue;
                case YamlMapping map:
                    Add(items, (YamlMapping)map.DeepClone(), file.Path);
                    break;
                default:
                    throw new KustomizeException(KustomizeDescriptors.InvalidResource, doc.Root.Span,
                        $"'{file.Path}': a document must be a mapping (a Kubernetes object)");
            }
        }

        list.AppendAll(FromItems(items), listedAt);
        return list;
    }

    private static ResourceList FromItems(List<Resource> items)
    {
        var list = new ResourceList();
        list.AddRange(items);
        return list;
    }

    private static void Add(List<Resource> items, YamlMapping map, string path)
    {
        if (map.Count == 0)
        {
            return;
        }

        var kind = map.GetString("kind");
        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && map["items"] is YamlSequence listItems)
        {
            foreach (var item in listItems.Items.OfType<YamlMapping>())
            {
                Add(items, item, path);
            }

            return;
        }

        if (string.IsNullOrEmpty(kind))
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidResource, map.Span,
                $"missing Resource metadata: the object in '{path}' has no kind");
        }

        items.Add(new Resource(map));
    }
}
