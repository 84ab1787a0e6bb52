using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// Applies a strategic-merge patch to one resource exactly as kustomize v5.7.1 does (kyaml's merge walker with list items
/// prepended). See docs/patch-metadata.md for the behaviours that differ from <c>kubectl patch</c>.
/// </summary>
public static class StrategicMergePatch
{
    /// <summary>
    /// Merges <paramref name="patch"/> into <paramref name="target"/> (which may be modified and is usually returned). The
    /// patch is not modified: the nodes it contributes are clones that keep their own span and get a
    /// <see cref="ProvenanceKind.Patch"/> provenance. A null <see cref="PatchOutcome.Result"/> without error means the patch
    /// deleted the resource (<c>$patch: delete</c> at the top level).
    /// </summary>
    public static PatchOutcome Apply(YamlMapping target, YamlMapping patch, Provenance provenance) =>
        Apply(target, patch, provenance, PatchMetadata.Default);

    /// <summary>As <see cref="Apply(YamlMapping, YamlMapping, Provenance)"/> with another schema (e.g. a kustomization's <c>openapi:</c>).</summary>
    public static PatchOutcome Apply(YamlMapping target, YamlMapping patch, Provenance provenance, PatchMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(metadata);

        var contribution = PatchProvenance.CloneAndStamp(patch, provenance);
        try
        {
            var walker = new SmpWalker(metadata);
            var result = walker.Walk(target, contribution, null);
            return PatchOutcome.Success(result);
        }
        catch (PatchException ex)
        {
            return PatchOutcome.Failure(ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidCastException or ArgumentException or NullReferenceException)
        {
            // A bug here must not take the whole lint run down: report it against the patch instead.
            return PatchOutcome.Failure($"internal error while applying the strategic merge patch: {ex.Message}");
        }
    }
}
