using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

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
        var listItems = new List<YamlMapping>();
        foreach (var doc in file.Documents)
        {
            switch (doc.Root)
            {
                case null:
                case YamlScalar { IsNull: true }:
                    continue;
                case YamlMapping map:
                    Add(items, listItems, (YamlMapping)map.DeepClone(), file.Path);
                    break;
                default:
                    throw new KustomizeException(KustomizeDescriptors.InvalidResource, doc.Root.Span,
                        $"'{file.Path}': a document must be a mapping (a Kubernetes object)");
            }
        }

        // kustomize expands "kind: *List" documents after all the other documents of the file.
        for (var i = 0; i < listItems.Count; i++)
        {
            Add(items, listItems, listItems[i], file.Path);
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

    private static void Add(List<Resource> items, List<YamlMapping> listItems, YamlMapping map, string path)
    {
        if (map.Count == 0)
        {
            return;
        }

        var kind = map.GetString("kind");
        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && map.ContainsKey("items"))
        {
            switch (map["items"])
            {
                case YamlSequence sequence:
                    listItems.AddRange(sequence.Items.OfType<YamlMapping>());
                    return;
                case YamlScalar { IsNull: true }:
                    return;
                default:
                    throw new KustomizeException(KustomizeDescriptors.InvalidResource, map.Span, $"expected array in {kind}/items in '{path}'");
            }
        }

        if (string.IsNullOrEmpty(kind))
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidResource, map.Span, $"missing kind in an object of '{path}'");
        }

        if (map.GetMapping("metadata")?.GetString("name") is not { Length: > 0 })
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidResource, map.Span, $"missing metadata.name in a {kind} of '{path}'");
        }

        StringifyAnnotations(map);
        items.Add(new Resource(map) { OriginFile = path });
    }

    /// <summary>kustomize rewrites annotations while reading (they are a string map), so <c>port: 8080</c> becomes "8080".</summary>
    private static void StringifyAnnotations(YamlMapping map)
    {
        if (map.GetMapping("metadata")?.GetMapping("annotations") is not { } annotations)
        {
            return;
        }

        foreach (var entry in annotations.Entries)
        {
            if (entry.Value is YamlScalar { Kind: not ScalarKind.String and not ScalarKind.Null } scalar)
            {
                scalar.Style = ScalarStyle.DoubleQuoted;
                scalar.Tag = null;
            }
        }
    }
}
