using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>What a transformer does at the end of a field path.</summary>
/// <param name="parent">The mapping holding the field.</param>
/// <param name="key">The field name.</param>
/// <param name="value">The current value; null when the field is absent (only with create).</param>
internal delegate void FieldVisitor(YamlMapping parent, string key, YamlNode? value);

/// <summary>
/// Walks a field spec path through an object as kustomize's fieldspec filter does: lists are entered element by
/// element (with or without <c>[]</c>), missing intermediate maps are created only when the spec says <c>create</c>.
/// </summary>
internal static class FieldWalker
{
    /// <param name="createLeaf">Whether to call <paramref name="visit"/> for an absent last field (create specs).</param>
    /// <param name="createSpan">Span given to mappings created on the way.</param>
    public static void Walk(YamlNode root, FieldSpec spec, FieldVisitor visit, bool createLeaf, SourceSpan createSpan)
    {
        Walk(root, spec.Segments, 0, spec.Create, visit, createLeaf, createSpan);
    }

    private static void Walk(YamlNode node, string[] path, int index, bool create, FieldVisitor visit, bool createLeaf, SourceSpan createSpan)
    {
        switch (node)
        {
            case YamlSequence seq:
                foreach (var item in seq.Items.ToList())
                {
                    Walk(item, path, index, create, visit, createLeaf, createSpan);
                }

                return;
            case YamlMapping map:
                break;
            default:
                return;
        }

        var mapping = (YamlMapping)node;
        var segment = path[index];
        var isSeq = segment.EndsWith("[]", StringComparison.Ordinal);
        var field = isSeq ? segment[..^2] : segment;
        var last = index == path.Length - 1;
        var value = mapping[field];
        if (last && !isSeq)
        {
            if (value is not null || (create && createLeaf))
            {
                visit(mapping, field, value);
            }

            return;
        }

        if (value is null || (value is YamlScalar s && s.IsNull))
        {
            if (!create || isSeq)
            {
                return;
            }

            var created = new YamlMapping(createSpan);
            mapping.Set(field, created);
            value = created;
        }

        if (last)
        {
            // "containers[]" as the last segment: visit every element.
            if (value is YamlSequence items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    visit(mapping, field, items[i]);
                }
            }

            return;
        }

        Walk(value, path, index + 1, create, visit, createLeaf, createSpan);
    }
}
