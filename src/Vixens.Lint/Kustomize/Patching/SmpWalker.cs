using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// Walks a target node and a patch node together and returns the merged node, following kyaml's merge walker as kustomize
/// v5.7.1 runs it (list items from the patch are prepended; lists merge only when the schema says so). A null return means
/// "remove this field or item". The patch is a private clone: nodes from it are inserted as they are, directives removed.
/// </summary>
internal sealed class SmpWalker
{
    // Far above the ≤256 nesting we promise; keeps a hostile document from exhausting the stack.
    private const int MaxDepth = 2000;

    private readonly PatchMetadata _metadata;

    public SmpWalker(PatchMetadata metadata) => _metadata = metadata;

    public YamlNode? Walk(YamlNode? target, YamlNode? patch, PatchSchema? schema, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new PatchException($"strategic merge patch nested deeper than {MaxDepth} levels");
        }

        schema ??= SchemaFromTypeMeta(target) ?? SchemaFromTypeMeta(patch);
        var shape = YamlFacts.IsMissingOrNull(target) ? patch : target;
        if (YamlFacts.IsMissingOrNull(shape))
        {
            shape = null;
        }

        return shape switch
        {
            YamlSequence => WalkSequence(target, patch, schema, depth),
            YamlScalar => WalkScalar(target, patch),
            _ => WalkMapping(target, patch, schema, depth),
        };
    }

    // kyaml re-reads the schema whenever a map carries apiVersion and kind (e.g. an object embedded in a CRD).
    private PatchSchema? SchemaFromTypeMeta(YamlNode? node) =>
        node is YamlMapping mapping ? _metadata.ForResource(mapping.GetString("apiVersion"), mapping.GetString("kind")) : null;

    private static YamlNode? WalkScalar(YamlNode? target, YamlNode? patch)
    {
        EnsureKind<YamlScalar>("ScalarNode", target, patch);
        return patch ?? target;
    }

    private YamlNode? WalkMapping(YamlNode? target, YamlNode? patch, PatchSchema? schema, int depth)
    {
        EnsureKind<YamlMapping>("MappingNode", target, patch);
        var merged = ChooseMapping(target, patch);
        if (merged is not YamlMapping mapping)
        {
            return merged;
        }

        var patchMapping = patch as YamlMapping;
        foreach (var name in FieldNames(mapping, patchMapping))
        {
            var targetValue = mapping[name];
            var patchEntry = patchMapping?.GetEntry(name);
            var value = Walk(targetValue, patchEntry?.Value, schema?.Field(name), depth + 1);
            SetField(mapping, name, targetValue, value, patchEntry);
        }

        return mapping;
    }

    /// <summary>kyaml's VisitMap: which node the merged fields are written into, or null to drop the map.</summary>
    private static YamlNode? ChooseMapping(YamlNode? target, YamlNode? patch)
    {
        if (YamlFacts.IsMissingOrNull(target))
        {
            if (SmpDirectives.TakeLenient(patch) == SmpDirective.Delete)
            {
                return null;
            }

            // An explicit null written in the target ("~", "null") survives a patch that does not mention it.
            if (patch is null && target is YamlScalar { Value.Length: > 0 })
            {
                return target;
            }

            return patch;
        }

        if (YamlFacts.IsNullScalar(patch))
        {
            return null;
        }

        return SmpDirectives.Take(patch) switch
        {
            SmpDirective.Delete => null,
            SmpDirective.Replace => patch,
            _ => target,
        };
    }

    private static SortedSet<string> FieldNames(YamlMapping target, YamlMapping? patch)
    {
        var names = new SortedSet<string>(target.Keys, StringComparer.Ordinal);
        if (patch is not null)
        {
            names.UnionWith(patch.Keys);
        }

        return names;
    }

    /// <summary>kyaml's FieldSetter: a missing or null value removes the field unless it is the target's own explicit null.</summary>
    private static void SetField(YamlMapping mapping, string name, YamlNode? previous, YamlNode? value, YamlEntry? patchEntry)
    {
        // Only a null the patch does not mention is kept ("previous" may also be the patch itself when it was added).
        var keepsExplicitNull = patchEntry is null && ReferenceEquals(value, previous) && value is YamlScalar { Value.Length: > 0 };
        if (value is null || (YamlFacts.IsNullScalar(value) && !keepsExplicitNull))
        {
            mapping.Remove(name);
            return;
        }

        if (mapping.GetEntry(name) is { } entry)
        {
            entry.Value = value;
            return;
        }

        var key = patchEntry?.Key ?? new YamlScalar(name, value.Span) { Provenance = value.Provenance };
        mapping.Entries.Add(new YamlEntry(key, value));
    }

    private YamlNode? WalkSequence(YamlNode? target, YamlNode? patch, PatchSchema? schema, int depth)
    {
        EnsureKind<YamlSequence>("SequenceNode", target, patch);

        // Without a merge strategy in the schema (always so for unknown kinds) a list is replaced wholesale.
        if (schema is null || !schema.HasMergeStrategy)
        {
            return patch ?? target;
        }

        var merged = ChooseSequence(target, patch);
        if (merged is not YamlSequence list)
        {
            return merged;
        }

        return new AssociativeListMerger(this, schema, depth).Merge(list, patch as YamlSequence);
    }

    private static YamlNode? ChooseSequence(YamlNode? target, YamlNode? patch)
    {
        if (YamlFacts.IsMissingOrNull(target))
        {
            return patch;
        }

        if (YamlFacts.IsNullScalar(patch))
        {
            return null;
        }

        return SmpDirectives.Take(patch) switch
        {
            SmpDirective.Delete => null,
            SmpDirective.Replace => patch,
            _ => target,
        };
    }

    private static void EnsureKind<T>(string expected, YamlNode? target, YamlNode? patch) where T : YamlNode
    {
        foreach (var node in new[] { target, patch })
        {
            if (!YamlFacts.IsMissingOrNull(node) && node is not T)
            {
                throw new PatchException($"wrong node kind: expected {expected} but got {YamlFacts.KindName(node!)}: node contents:\n{YamlFacts.Describe(node!)}");
            }
        }
    }
}
