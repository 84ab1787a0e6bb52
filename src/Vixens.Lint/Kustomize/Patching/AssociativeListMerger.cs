using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// Merges a list whose schema has the <c>merge</c> patch strategy, reproducing kustomize v5.7.1's observable behaviour:
/// <list type="bullet">
/// <item>items are paired by their merge keys (the list-map keys when declared, e.g. <c>containerPort</c>+<c>protocol</c>);
/// lists of scalars (e.g. <c>finalizers</c>) are paired by value;</item>
/// <item>the result lists the patch's items first, in patch order, then the target's other items (kustomize prepends);</item>
/// <item>an item whose merge yields nothing (<c>$patch: delete</c>) is removed; an item carrying <c>$patch: replace</c> that
/// matches a target item leaves the target item unchanged (the replacement is lost, as in kustomize);</item>
/// <item>with several keys, target items that were matched move after the patch-only items, and a patch item missing a
/// secondary key (a port without protocol) is folded into the target item and its other fields are lost.</item>
/// </list>
/// </summary>
internal sealed class AssociativeListMerger
{
    private readonly SmpWalker _walker;
    private readonly PatchSchema _schema;
    private readonly int _depth;

    public AssociativeListMerger(SmpWalker walker, PatchSchema schema, int depth)
    {
        _walker = walker;
        _schema = schema;
        _depth = depth;
    }

    /// <param name="target">The list being written into: the target list, or the patch list when it replaces or adds.</param>
    /// <param name="patch">The patch list (may be the same node as <paramref name="target"/>), or null.</param>
    public YamlNode Merge(YamlSequence target, YamlSequence? patch)
    {
        var keys = _schema.MergeKeys;
        var sources = patch is null ? new[] { target.Items } : [patch.Items, target.Items];
        var tuples = KeyTuples.Collect(sources, keys);
        if (tuples.Count > 0 || keys.Count > 0)
        {
            return MergeByKeys(target, patch, tuples, keys);
        }

        // A list of scalars: each distinct text is an item.
        var texts = sources.SelectMany(s => s).Select(YamlFacts.Text).Distinct(StringComparer.Ordinal).Select(t => new[] { t }).ToList();
        return MergeByKeys(target, patch, texts, [string.Empty]);
    }

    private YamlSequence MergeByKeys(YamlSequence target, YamlSequence? patch, List<string[]> tuples, IReadOnlyList<string> keys)
    {
        if (tuples.Count == 0)
        {
            return target;
        }

        if (keys.Count > 1)
        {
            KeyTuples.Unify(tuples);
        }

        var merged = new YamlSequence(target.Span, target.Flow) { Provenance = target.Provenance, Tag = target.Tag };
        var lastKeys = keys.ToArray();
        foreach (var tuple in tuples)
        {
            var (usableKeys, usableValues) = KeyTuples.Usable(tuples, tuple, keys);
            lastKeys = usableKeys;
            var (lookupKeys, lookupValues) = KeyTuples.Usable([usableValues], usableValues, usableKeys);
            var item = _walker.Walk(
                SequenceElements.Find(target, lookupKeys, lookupValues),
                SequenceElements.Find(patch, lookupKeys, lookupValues),
                _schema.Elements(),
                _depth + 1);

            if (YamlFacts.IsEmptyMapping(item))
            {
                SequenceElements.Remove(target, usableKeys, usableValues);
                continue;
            }

            RestoreKeys(item!, usableKeys, usableValues);
            SequenceElements.Set(merged, item, usableKeys, usableValues);
        }

        AppendTargetItems(merged, target, lastKeys);
        return merged;
    }

    // An item found through its keys keeps them even when the patch left them out.
    private static void RestoreKeys(YamlNode item, string[] keys, string[] values)
    {
        for (var i = 0; i < keys.Length && i < values.Length; i++)
        {
            if (values[i].Length == 0 || keys[i].Length == 0)
            {
                continue;
            }

            if (item is not YamlMapping mapping)
            {
                throw new PatchException($"wrong node kind: expected MappingNode but got {YamlFacts.KindName(item)}: node contents:\n{YamlFacts.Describe(item)}");
            }

            if (!mapping.ContainsKey(keys[i]))
            {
                mapping.Set(keys[i], new YamlScalar(values[i], mapping.Span) { Provenance = mapping.Provenance });
            }
        }
    }

    /// <summary>Puts the target's items back after the merged ones, replacing same-key items in place (kyaml's prepend).</summary>
    private static void AppendTargetItems(YamlSequence merged, YamlSequence target, string[] keys)
    {
        foreach (var item in target.Items.ToList())
        {
            if (keys[0].Length == 0)
            {
                SequenceElements.Set(merged, item, [string.Empty], [YamlFacts.Text(item)]);
                continue;
            }

            if (item is not YamlMapping and not YamlScalar { IsNull: true })
            {
                throw new PatchException($"wrong node kind: expected MappingNode but got {YamlFacts.KindName(item)}: node contents:\n{YamlFacts.Describe(item)}");
            }

            var values = new List<string>();
            foreach (var key in keys)
            {
                if ((item as YamlMapping)?[key] is { } value)
                {
                    values.Add(YamlFacts.Text(value));
                }
                else
                {
                    // kyaml appends a key-less item straight away, then still runs the keyed replacement below.
                    merged.Items.Add(item);
                }
            }

            if (keys.Length > 1)
            {
                SequenceElements.Remove(merged, keys, values);
            }

            SequenceElements.Set(merged, item, keys, values);
        }
    }
}
