namespace Vixens.Lint.SchemaGen;

/// <summary>
/// The Kubernetes OpenAPI carries no <c>enum</c> keyword, but the API server's validation rejects values outside
/// these sets ("Unsupported value"). Only fields whose validation is a closed list are here; an empty string is
/// always accepted because the server defaults it. Keys are definition name suffixes and property names;
/// <c>name[]</c> constrains the items of an array property.
/// </summary>
internal static class KnownEnums
{
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];
    private static readonly string[] AccessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];
    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
    private static readonly string[] RollingOrOnDelete = ["RollingUpdate", "OnDelete"];
    private static readonly string[] ProfileTypes = ["Localhost", "RuntimeDefault", "Unconfined"];
    private static readonly string[] TrafficPolicies = ["Cluster", "Local"];

    private static readonly Dictionary<(string Definition, string Property), string[]> Table = new()
    {
        [("core.v1.Container", "imagePullPolicy")] = ["Always", "IfNotPresent", "Never"],
        [("core.v1.Container", "terminationMessagePolicy")] = ["File", "FallbackToLogsOnError"],
        [("core.v1.EphemeralContainer", "imagePullPolicy")] = ["Always", "IfNotPresent", "Never"],
        [("core.v1.EphemeralContainer", "terminationMessagePolicy")] = ["File", "FallbackToLogsOnError"],
        [("core.v1.PodSpec", "restartPolicy")] = ["Always", "OnFailure", "Never"],
        [("core.v1.PodSpec", "dnsPolicy")] = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
        [("core.v1.PodSpec", "preemptionPolicy")] = ["PreemptLowerPriority", "Never"],
        [("core.v1.PodSecurityContext", "fsGroupChangePolicy")] = ["OnRootMismatch", "Always"],
        [("core.v1.SeccompProfile", "type")] = ProfileTypes,
        [("core.v1.AppArmorProfile", "type")] = ProfileTypes,
        [("core.v1.ContainerPort", "protocol")] = Protocols,
        [("core.v1.ServicePort", "protocol")] = Protocols,
        [("core.v1.ServiceSpec", "type")] = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"],
        [("core.v1.ServiceSpec", "externalTrafficPolicy")] = TrafficPolicies,
        [("core.v1.ServiceSpec", "internalTrafficPolicy")] = TrafficPolicies,
        [("core.v1.ServiceSpec", "sessionAffinity")] = ["ClientIP", "None"],
        [("core.v1.ServiceSpec", "ipFamilyPolicy")] = ["SingleStack", "PreferDualStack", "RequireDualStack"],
        [("core.v1.ServiceSpec", "ipFamilies[]")] = ["IPv4", "IPv6"],
        [("core.v1.PersistentVolumeClaimSpec", "accessModes[]")] = AccessModes,
        [("core.v1.PersistentVolumeClaimSpec", "volumeMode")] = ["Block", "Filesystem"],
        [("core.v1.PersistentVolumeSpec", "accessModes[]")] = AccessModes,
        [("core.v1.PersistentVolumeSpec", "volumeMode")] = ["Block", "Filesystem"],
        [("core.v1.PersistentVolumeSpec", "persistentVolumeReclaimPolicy")] = ["Recycle", "Delete", "Retain"],
        [("core.v1.Toleration", "operator")] = ["Exists", "Equal"],
        [("core.v1.Toleration", "effect")] = TaintEffects,
        [("core.v1.Taint", "effect")] = TaintEffects,
        [("core.v1.NodeSelectorRequirement", "operator")] = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"],
        [("core.v1.TopologySpreadConstraint", "whenUnsatisfiable")] = ["DoNotSchedule", "ScheduleAnyway"],
        [("core.v1.TopologySpreadConstraint", "nodeAffinityPolicy")] = ["Honor", "Ignore"],
        [("core.v1.TopologySpreadConstraint", "nodeTaintsPolicy")] = ["Honor", "Ignore"],
        [("core.v1.HTTPGetAction", "scheme")] = ["HTTP", "HTTPS"],
        [("meta.v1.LabelSelectorRequirement", "operator")] = ["In", "NotIn", "Exists", "DoesNotExist"],
        [("apps.v1.DeploymentStrategy", "type")] = ["Recreate", "RollingUpdate"],
        [("apps.v1.StatefulSetSpec", "podManagementPolicy")] = ["OrderedReady", "Parallel"],
        [("apps.v1.StatefulSetUpdateStrategy", "type")] = RollingOrOnDelete,
        [("apps.v1.DaemonSetUpdateStrategy", "type")] = RollingOrOnDelete,
        [("batch.v1.CronJobSpec", "concurrencyPolicy")] = ["Allow", "Forbid", "Replace"],
        [("batch.v1.JobSpec", "completionMode")] = ["NonIndexed", "Indexed"],
        [("networking.v1.NetworkPolicySpec", "policyTypes[]")] = ["Ingress", "Egress"],
        [("networking.v1.NetworkPolicyPort", "protocol")] = Protocols,
        [("networking.v1.HTTPIngressPath", "pathType")] = ["Exact", "Prefix", "ImplementationSpecific"],
        [("policy.v1.PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy")] = ["IfHealthyBudget", "AlwaysAllow"],
        [("storage.v1.StorageClass", "reclaimPolicy")] = ["Delete", "Retain"],
        [("storage.v1.StorageClass", "volumeBindingMode")] = ["Immediate", "WaitForFirstConsumer"],
        [("autoscaling.v2.MetricSpec", "type")] = ["ContainerResource", "External", "Object", "Pods", "Resource"],
    };

    public static string[]? Find(string definitionName, string property)
    {
        foreach (var ((definition, name), values) in Table)
        {
            if (name == property && definitionName.EndsWith("." + definition, StringComparison.Ordinal))
            {
                return values;
            }
        }

        return null;
    }
}
