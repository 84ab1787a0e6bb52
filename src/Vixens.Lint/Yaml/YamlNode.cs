using Vixens.Lint.Diagnostics;
namespace Vixens.Lint.Yaml;

/// <summary>
/// A YAML node that remembers where it came from. The tree is mutable so the Kustomize renderer can transform it in place;
/// every transformation keeps or assigns a <see cref="Span"/> (and a <see cref="Provenance"/> when not from the source file),
/// which is what lets a diagnostic on a rendered node land on the line a human must edit.
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(SourceSpan span) => Span = span;

    /// <summary>Where this node is written: the resource file, or the patch/kustomization entry that produced it.</summary>
    public SourceSpan Span { get; set; }

    /// <summary>Set when the node was produced or changed by a kustomize transformation; null for nodes read from source.</summary>
    public Provenance? Provenance { get; set; }

    /// <summary>The explicit tag (e.g. <c>!!str</c>), if any.</summary>
    public string? Tag { get; set; }

    /// <summary>Where a human should edit to change this node: the provenance span when present, else the node's own span.</summary>
    public SourceSpan EditLocation => Provenance?.Span ?? Span;

    public abstract YamlNode DeepClone();

    /// <summary>Gives this node and all its descendants the same provenance (used when a transformer adds a whole subtree).</summary>
    public void StampProvenance(Provenance provenance)
    {
        foreach (var node in DescendantsAndSelf())
        {
            node.Provenance = provenance;
        }
    }

    public IEnumerable<YamlNode> DescendantsAndSelf()
    {
        var stack = new Stack<YamlNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            switch (node)
            {
                case YamlMapping map:
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(map.Entries[i].Value);
                        stack.Push(map.Entries[i].Key);
                    }
                    break;
                case YamlSequence seq:
                    for (var i = seq.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(seq.Items[i]);
                    }
                    break;
            }
        }
    }

    protected T CopyCommonTo<T>(T clone) where T : YamlNode
    {
        clone.Provenance = Provenance;
        clone.Tag = Tag;
        return clone;
    }
}
