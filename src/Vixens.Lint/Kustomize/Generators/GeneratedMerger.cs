using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Generators;

/// <summary>Adds a generated object to the build according to its behavior: create, merge into or replace an existing one.</summary>
internal static class GeneratedMerger
{
    public static void Absorb(ResourceList resources, Resource generated, SourceSpan span)
    {
        var id = generated.CurId;
        var matches = resources.FindByAnyId(id);
        if (matches.Count == 0)
        {
            if (generated.Behavior is GeneratorBehavior.Merge or GeneratorBehavior.Replace)
            {
                throw new KustomizeException(KustomizeDescriptors.GeneratorError, span,
                    $"id {id} does not exist; cannot merge or replace");
            }

            resources.Append(generated, span);
            return;
        }

        if (matches.Count > 1)
        {
            throw new KustomizeException(KustomizeDescriptors.GeneratorError, span,
                $"found multiple objects that could accept merge of {id}");
        }

        var old = matches[0];
        switch (generated.Behavior)
        {
            case GeneratorBehavior.Replace:
                CopyMetadata(generated, old);
                break;
            case GeneratorBehavior.Merge:
                CopyMetadata(generated, old);
                MergeMap(generated.Root, old.Root, "data");
                MergeMap(generated.Root, old.Root, "binaryData");

                // A merged object keeps the origin of the one it merges into.
                generated.OriginFile = old.OriginFile;
                generated.OriginGenerator = old.OriginGenerator;
                break;
            default:
                throw new KustomizeException(KustomizeDescriptors.IdConflict, span, id.ToString());
        }

        var index = resources.IndexOf(old);
        resources.ReplaceAt(index, generated);
    }

    /// <summary>The new object keeps the old one's name, namespace, labels and annotations (its own win on conflict).</summary>
    private static void CopyMetadata(Resource target, Resource old)
    {
        var meta = target.EnsureMetadata(target.Root.Span);
        foreach (var field in new[] { "labels", "annotations" })
        {
            var merged = old.Metadata?.GetMapping(field)?.DeepClone() as YamlMapping;
            if (meta.GetMapping(field) is { } mine)
            {
                merged ??= new YamlMapping(mine.Span);
                foreach (var e in mine.Entries)
                {
                    merged.Set(e.Key.Value, e.Value);
                }
            }

            if (merged is not null)
            {
                // Written back as new string nodes, as in MergeMap.
                FoldedScalars.ForgetStyle(merged);
                meta.Set(field, merged);
            }
        }

        if (old.Metadata?["name"] is { } name)
        {
            meta.Set("name", name.DeepClone());
        }

        if (old.Metadata?["namespace"] is { } ns)
        {
            meta.Set("namespace", ns.DeepClone());
        }
        else
        {
            meta.Remove("namespace");
        }

        // The old object's annotations are merged in, and with them the record of transformers that ran over it.
        target.Transformations.Clear();
        target.Transformations.AddRange(old.Transformations);
        target.PreviousIds.Clear();
        target.PreviousIds.AddRange(old.PreviousIds);

        // Vars bound to the old object stay bound to the one that takes its place (kustomize copies them over).
        target.RefVarNames.Clear();
        target.RefVarNames.AddRange(old.RefVarNames);
        target.NamePrefixes.AddRange(old.NamePrefixes);
        target.NameSuffixes.AddRange(old.NameSuffixes);
        // The bookkeeping annotations, generator behavior included, are the old object's.
        target.Behavior = old.Behavior;

        // kustomize keeps the hash only when the old object had one and the new generator still wants one.
        target.NeedsHashSuffix = target.NeedsHashSuffix && old.NeedsHashSuffix;
    }

    private static void MergeMap(YamlMapping target, YamlMapping old, string field)
    {
        if (old.GetMapping(field) is not { } previous)
        {
            return;
        }

        var merged = (YamlMapping)previous.DeepClone();
        if (target.GetMapping(field) is { } mine)
        {
            foreach (var e in mine.Entries)
            {
                merged.Set(e.Key.Value, e.Value);
            }
        }

        // kustomize writes the merged map back as new string nodes: the values lose their style (see FoldedScalars).
        FoldedScalars.ForgetStyle(merged);
        target.Set(field, merged);
    }
}
