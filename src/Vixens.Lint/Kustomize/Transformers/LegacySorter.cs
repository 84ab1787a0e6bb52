using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// kustomize's final order. "legacy" (the default): kinds listed first (Namespace, ... PodDisruptionBudget), then all
/// others, then the webhook configurations; ties broken by GVK text then namespace/name. "fifo" keeps pipeline order.
/// </summary>
internal static class LegacySorter
{
    private static readonly string[] DefaultFirst =
    [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
        "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob",
        "PodDisruptionBudget",
    ];

    private static readonly string[] DefaultLast = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

    /// <summary>Sorts in place; <paramref name="sortOptions"/> is a kustomization's sortOptions (null = legacy defaults).</summary>
    public static void Apply(ResourceList resources, YamlMapping? sortOptions)
    {
        var order = sortOptions?.GetString("order") ?? "legacy";
        if (order == "fifo")
        {
            return;
        }

        var first = DefaultFirst;
        var last = DefaultLast;
        if (sortOptions?.GetMapping("legacySortOptions") is { } legacy)
        {
            first = [.. Kustomization.EntriesOf(legacy["orderFirst"]).Select(e => e.Value)];
            last = [.. Kustomization.EntriesOf(legacy["orderLast"]).Select(e => e.Value)];
        }

        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < first.Length; i++)
        {
            rank[first[i]] = -first.Length + i;
        }

        for (var i = 0; i < last.Length; i++)
        {
            rank[last[i]] = 1 + i;
        }

        var keyed = resources.Items.Select(r => (Resource: r, Id: r.CurId)).ToList();
        keyed.Sort((a, b) => Compare(a.Id, b.Id, rank));
        resources.Clear();
        resources.AddRange(keyed.Select(k => k.Resource));
    }

    private static int Compare(ResId a, ResId b, Dictionary<string, int> rank)
    {
        if (a.Gvk != b.Gvk)
        {
            var ra = rank.GetValueOrDefault(a.Gvk.Kind);
            var rb = rank.GetValueOrDefault(b.Gvk.Kind);
            if (ra != rb)
            {
                return ra.CompareTo(rb);
            }

            var cmp = string.CompareOrdinal(a.Gvk.ToString(), b.Gvk.ToString());
            if (a.Gvk.Kind == "Namespace" && b.Gvk.Kind == "Namespace" && (a.Gvk.Group.Length == 0 || b.Gvk.Group.Length == 0))
            {
                return -cmp;
            }

            return cmp;
        }

        return string.CompareOrdinal(IdText(a), IdText(b));
    }

    private static string IdText(ResId id) =>
        $"{id.Gvk}|{(id.Namespace.Length == 0 ? "~X" : id.Namespace)}|{(id.Name.Length == 0 ? "~N" : id.Name)}";
}
