using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Kustomize.Patching;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// Wires kustomization patch fields to the patch engines: reads each patch (inline or from a file), decides strategic
/// merge vs JSON 6902 by content, selects targets like kustomize, and keeps name/namespace/kind unless allowed to change.
/// </summary>
internal static class PatchApplier
{
    /// <summary>A parsed patch: strategic-merge documents or JSON 6902 operations, and where it is written.</summary>
    private sealed record LoadedPatch(List<YamlMapping> StrategicMerge, YamlSequence? Operations, SourceSpan Span, string Field);

    public static void ApplyStrategicMergeList(ResourceList resources, Kustomization k, FileLoader loader)
    {
        if (k["patchesStrategicMerge"] is not YamlSequence list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not YamlScalar entry)
            {
                continue;
            }

            var field = $"patchesStrategicMerge[{i}]";
            var patch = LoadFromScalar(entry, k, loader, field, allowPathLike: true);
            foreach (var doc in patch.StrategicMerge)
            {
                ApplyToUniqueTarget(resources, doc, patch, options: null, loader);
            }
        }
    }

    public static void ApplyPatchesField(ResourceList resources, Kustomization k, FileLoader loader, Action? afterEach = null)
    {
        if (k["patches"] is not YamlSequence list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is YamlMapping item)
            {
                ApplyPatchEntry(resources, item, k, loader, $"patches[{i}]", requireTargetForJson: true);
                afterEach?.Invoke();
            }
        }
    }

    public static void ApplyJson6902List(ResourceList resources, Kustomization k, FileLoader loader, Action? afterEach = null)
    {
        if (k["patchesJson6902"] is not YamlSequence list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is YamlMapping item)
            {
                ApplyPatchEntry(resources, item, k, loader, $"patchesJson6902[{i}]", requireTargetForJson: true);
                afterEach?.Invoke();
            }
        }
    }

    /// <summary>One <c>patches</c>-style entry (also a builtin PatchTransformer config): path or patch, optional target and options.</summary>
    public static void ApplyPatchEntry(ResourceList resources, YamlMapping item, Kustomization k, FileLoader loader, string field, bool requireTargetForJson)
    {
        var path = item.GetScalar("path");
        var inline = item.GetScalar("patch") ?? item.GetScalar("jsonOp");
        if (path is null && inline is null)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, item.Span, $"{field}: must specify one of patch and path");
        }

        if (path is not null && inline is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, item.Span, $"{field}: patch and path can't be set at the same time");
        }

        var patch = inline is not null
            ? LoadInline(inline, k, field)
            : LoadFile(new Entry(path!.Value, path.Span), k, loader, field);
        var options = item.GetMapping("options");
        var target = item.GetMapping("target");
        if (patch.Operations is not null)
        {
            if (target is null)
            {
                throw new KustomizeException(KustomizeDescriptors.PatchFailed, item.Span, $"{field}: must specify a target for JSON patch");
            }

            foreach (var resource in new ResourceSelector(target).Select(resources))
            {
                ApplyJson(resource, patch);
            }

            return;
        }

        if (target is not null)
        {
            if (patch.StrategicMerge.Count > 1)
            {
                throw new KustomizeException(KustomizeDescriptors.PatchFailed, item.Span,
                    $"{field}: Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field");
            }

            var selected = new ResourceSelector(target).Select(resources);
            foreach (var resource in selected)
            {
                ApplyStrategic(resources, resource, patch.StrategicMerge[0], patch, options, loader);
            }

            return;
        }

        foreach (var doc in patch.StrategicMerge)
        {
            ApplyToUniqueTarget(resources, doc, patch, options, loader);
        }
    }

    private static void ApplyToUniqueTarget(ResourceList resources, YamlMapping doc, LoadedPatch patch, YamlMapping? options, FileLoader loader)
    {
        var id = new ResId(
            Gvk.FromApiVersion(doc.GetString("apiVersion"), doc.GetString("kind")),
            doc.GetMapping("metadata")?.GetString("name") ?? string.Empty,
            doc.GetMapping("metadata")?.GetString("namespace") ?? string.Empty);
        var matches = resources.FindByAnyId(id);
        if (matches.Count != 1)
        {
            var why = matches.Count == 0 ? $"no matches for Id {id}" : $"multiple matches for Id {id}";
            throw new KustomizeException(KustomizeDescriptors.PatchTargetNotFound, patch.Span,
                $"no resource matches strategic merge patch \"{id}\": {why}; failed to find unique target for patch {id}");
        }

        ApplyStrategic(resources, matches[0], doc, patch, options, loader);
    }

    private static void ApplyStrategic(ResourceList resources, Resource target, YamlMapping doc, LoadedPatch patch, YamlMapping? options, FileLoader loader)
    {
        var allowName = options?.GetScalar("allowNameChange") is { } an && an.AsBool();
        var allowKind = options?.GetScalar("allowKindChange") is { } ak && ak.AsBool();
        if (allowName || allowKind)
        {
            target.StorePreviousId();
        }

        var meta = target.Metadata;
        var nameNode = meta?["name"];
        var namespaceNode = meta?["namespace"];
        var kindNode = target.Root["kind"];
        var apiVersionNode = target.Root["apiVersion"];
        var copy = (YamlMapping)doc.DeepClone();

        // The patch takes the target's group/version; its kind stays (so that allowKindChange can work).
        if (apiVersionNode is not null)
        {
            copy.Set("apiVersion", apiVersionNode.DeepClone());
        }

        var provenance = new Provenance(ProvenanceKind.Patch, patch.Span, patch.Field);
        PatchOutcome outcome;
        try
        {
            outcome = loader.CustomPatchSchema is { } schema
                ? StrategicMergePatch.Apply(target.Root, copy, provenance, schema)
                : StrategicMergePatch.Apply(target.Root, copy, provenance);
        }
        catch (NotSupportedException ex)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, patch.Span, ex.Message);
        }

        if (outcome.Error is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, patch.Span, $"{patch.Field}: {outcome.Error}");
        }

        if (outcome.Result is not YamlMapping result || result.Count == 0)
        {
            resources.Remove(target);
            return;
        }

        target.ReplaceRoot(result);
        if (!allowKind && kindNode is not null)
        {
            result.Set("kind", kindNode);
        }

        var newMeta = target.EnsureMetadata(result.Span);
        if (!allowName)
        {
            Restore(newMeta, "name", nameNode);
        }

        Restore(newMeta, "namespace", namespaceNode);
    }

    private static void Restore(YamlMapping meta, string key, YamlNode? original)
    {
        if (original is null)
        {
            meta.Remove(key);
        }
        else
        {
            meta.Set(key, original);
        }
    }

    private static void ApplyJson(Resource target, LoadedPatch patch)
    {
        var provenance = new Provenance(ProvenanceKind.Patch, patch.Span, patch.Field);

        // A JSON patch may rename the object: remember the old id first so references can follow.
        target.StorePreviousId();

        // kustomize patches the object's JSON form (see FoldedScalars), with its bookkeeping annotations (see BuildAnnotations).
        FoldedScalars.Serialize(target.Root);
        var bookkeeping = BuildAnnotations.Inject(target, provenance);
        PatchOutcome outcome;
        try
        {
            outcome = JsonPatch.Apply(target.Root, patch.Operations!, provenance);
        }
        catch (NotSupportedException ex)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, patch.Span, ex.Message);
        }

        if (outcome.Error is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, patch.Span, $"{patch.Field}: {outcome.Error}");
        }

        if (outcome.Result is YamlMapping result)
        {
            target.ReplaceRoot(result);
            BuildAnnotations.Withdraw(result, bookkeeping);
            FoldedScalars.ForgetStyle(result);
        }
    }

    private static LoadedPatch LoadFromScalar(YamlScalar entry, Kustomization k, FileLoader loader, string field, bool allowPathLike)
    {
        var text = entry.Value;
        var looksInline = text.Contains('\n', StringComparison.Ordinal) || (allowPathLike && text.TrimStart().StartsWith("apiVersion", StringComparison.Ordinal));
        return looksInline ? LoadInline(entry, k, field) : LoadFile(new Entry(text, entry.Span), k, loader, field);
    }

    private static LoadedPatch LoadInline(YamlScalar scalar, Kustomization k, string field)
    {
        var parsed = InlineYaml.Parse(scalar, k.Text);
        return FromFile(parsed, scalar.Span, field);
    }

    private static LoadedPatch LoadFile(Entry entry, Kustomization k, FileLoader loader, string field)
    {
        var path = loader.ResolveFile(k.Directory, entry, field);
        var file = loader.LoadYaml(path);
        return FromFile(file, entry.Span, field);
    }

    private static LoadedPatch FromFile(YamlFile file, SourceSpan span, string field)
    {
        var error = file.Diagnostics.FirstOrDefault(d => d.Severity == Diagnostics.Severity.Error);
        if (error is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, error.Location, $"{field}: unable to parse SM or JSON patch: {error.Message}");
        }

        var docs = file.Documents.Select(d => d.Root).Where(r => r is not null and not YamlScalar { IsNull: true }).ToList();
        if (docs.Count == 0)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, span, $"{field}: the patch is empty");
        }

        if (docs.Count == 1 && docs[0] is YamlSequence ops)
        {
            return new LoadedPatch([], (YamlSequence)ops.DeepClone(), span, field);
        }

        var maps = docs.OfType<YamlMapping>().Where(m => m.Count > 0).Select(m => (YamlMapping)m.DeepClone()).ToList();
        if (maps.Count != docs.Count)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, span, $"{field}: unable to parse SM or JSON patch");
        }

        return new LoadedPatch(maps, null, span, field);
    }
}
