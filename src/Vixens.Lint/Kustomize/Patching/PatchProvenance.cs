using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>Marks what a patch contributes so a diagnostic on a patched node points at the patch, not the base file.</summary>
internal static class PatchProvenance
{
    /// <summary>
    /// Clones the patch (engines mutate and insert what they get) and stamps every node with <paramref name="provenance"/>,
    /// narrowed to the node's own span: the lines of the patch file (or of the kustomization, for an inline patch).
    /// </summary>
    public static T CloneAndStamp<T>(T patch, Provenance provenance) where T : YamlNode
    {
        var clone = (T)patch.DeepClone();
        Stamp(clone, provenance);
        return clone;
    }

    public static void Stamp(YamlNode node, Provenance provenance)
    {
        foreach (var each in node.DescendantsAndSelf())
        {
            each.Provenance = For(each, provenance);
        }
    }

    public static Provenance For(YamlNode node, Provenance provenance) =>
        string.IsNullOrEmpty(node.Span.File) ? provenance : provenance with { Span = node.Span };
}
