using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Maturity;

/// <summary>One long-running workload's pod template and its <c>app</c> label: the join key of Vixens' cross-resource checks.</summary>
internal sealed record AppPod(KubeResource Workload, PodSpecView Pod, string App, YamlScalar AppNode)
{
    public string? Namespace => Workload.Namespace;

    /// <summary>True when the pod template or the workload carries <paramref name="key"/> (annotation or label) with <paramref name="value"/>.</summary>
    public bool HasMarker(string key, string value) =>
        Matches(Pod.Annotations, key, value) || Matches(Pod.Labels, key, value)
        || Matches(Workload.Annotations, key, value) || Matches(Workload.Labels, key, value);

    private static bool Matches(IReadOnlyDictionary<string, string> map, string key, string value) =>
        map.TryGetValue(key, out var actual) && string.Equals(actual.Trim(), value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Shared lookups (over <see cref="RuleContext.EnvironmentIndex">the environment</see>, across Applications) for rules that join workloads with Services, PDBs, NetworkPolicies... by the pod's <c>app</c> label.</summary>
internal static class CrossResource
{
    /// <summary>Kinds that run long-lived pods (Jobs and CronJobs are not served, disrupted or scraped the same way).</summary>
    public static bool IsLongRunning(string? kind) => kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Pod";

    public static IEnumerable<AppPod> AppPods(IEnumerable<KubeResource> resources)
    {
        foreach (var resource in resources)
        {
            if (!IsLongRunning(resource.Kind) || PodSpecView.Of(resource) is not { } pod)
            {
                continue;
            }

            var labels = pod.Template.GetMapping("metadata")?.GetMapping("labels");
            if (labels?.GetScalar("app") is { IsNull: false } appNode && appNode.Value.Length > 0)
            {
                yield return new AppPod(resource, pod, appNode.Value, appNode);
            }
        }
    }

    /// <summary>
    /// Same namespace; an object without one (a base not yet rendered with kustomize's <c>namespace:</c>) matches any,
    /// so raw directories do not produce false alarms.
    /// </summary>
    public static bool SameNamespace(KubeResource a, KubeResource b) =>
        a.Namespace is null || b.Namespace is null || string.Equals(a.Namespace, b.Namespace, StringComparison.Ordinal);

    /// <summary>Same analysis unit: when both objects know their environment, it must be the same.</summary>
    public static bool SameEnvironment(KubeResource a, KubeResource b) =>
        a.Environment is null || b.Environment is null || string.Equals(a.Environment, b.Environment, StringComparison.Ordinal);

    public static IEnumerable<KubeResource> OfKind(RuleContext context, KubeResource near, params string[] kinds) =>
        kinds.SelectMany(context.EnvironmentIndex.OfKind).Where(r => SameNamespace(r, near) && SameEnvironment(r, near));

    public static string? MatchLabel(KubeResource resource, params string[] path) =>
        (resource.Root.GetPath(path) as YamlMapping)?.GetString("app");
}
