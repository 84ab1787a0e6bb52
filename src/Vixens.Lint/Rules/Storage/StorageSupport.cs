using Vixens.Lint.Model;
using Vixens.Lint.Rules.References;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Storage;

/// <summary>A claim a pod template mounts, resolved to its PVC spec (a PersistentVolumeClaim or a volumeClaimTemplate) when known.</summary>
internal sealed record MountedClaim(PodSpecView Pod, YamlScalar Reference, YamlMapping? ClaimSpec, string ClaimName);

internal static class StorageSupport
{
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    /// <summary>The StorageClass a claim spec uses: its storageClassName, else the environment's default class.</summary>
    public static KubeResource? ClassOf(ResourceIndex index, YamlMapping claimSpec)
    {
        var classes = index.OfKind("StorageClass").Where(r => r.Group == "storage.k8s.io").ToList();
        if (claimSpec.GetScalar("storageClassName") is { } name && !name.IsNull)
        {
            return classes.FirstOrDefault(c => c.Name == name.Value);
        }

        return classes.FirstOrDefault(c => c.GetAnnotation(DefaultClassAnnotation) == "true");
    }

    /// <summary>Every claim a pod template mounts: <c>persistentVolumeClaim</c> volumes and, for StatefulSets, volumeClaimTemplates.</summary>
    public static IEnumerable<MountedClaim> Claims(ResourceIndex index, PodSpecView pod)
    {
        foreach (var (_, claimName) in PodReferences.Claims(pod))
        {
            var pvc = index.Find("PersistentVolumeClaim", pod.Owner.Namespace, claimName.Value);
            yield return new MountedClaim(pod, claimName, pvc?.Root.GetMapping("spec"), claimName.Value);
        }

        if (pod.Owner.Kind == "StatefulSet")
        {
            foreach (var template in PodReferences.Mappings(pod.Owner.Root.GetMapping("spec")?.GetSequence("volumeClaimTemplates")))
            {
                if (template.GetMapping("metadata")?.GetScalar("name") is { IsNull: false } name)
                {
                    yield return new MountedClaim(pod, name, template.GetMapping("spec"), name.Value);
                }
            }
        }
    }

    public static IReadOnlyList<string> AccessModes(YamlMapping claimSpec) =>
        claimSpec.GetSequence("accessModes")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() ?? [];
}
