namespace Vixens.Lint.Schemas;

/// <summary>One API version of a kind that Kubernetes deprecated (and possibly removed), and what replaces it.</summary>
public sealed record ApiDeprecation(string ApiVersion, string Kind, string DeprecatedIn, string? RemovedIn, string Replacement);

/// <summary>
/// Deprecated and removed built-in API versions, from the Kubernetes deprecated API migration guide. Versions compare
/// as major.minor numbers.
/// </summary>
public static class ApiDeprecations
{
    private static readonly ApiDeprecation[] Table =
    [
        // v1.16
        .. Many(["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"], ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"], "1.9", "1.16", "apps/v1"),
        new("apps/v1beta1", "ControllerRevision", "1.9", "1.16", "apps/v1"),
        new("apps/v1beta2", "ControllerRevision", "1.9", "1.16", "apps/v1"),
        new("extensions/v1beta1", "NetworkPolicy", "1.9", "1.16", "networking.k8s.io/v1"),
        new("extensions/v1beta1", "PodSecurityPolicy", "1.10", "1.16", "policy/v1beta1 (itself removed in 1.25: use Pod Security Admission)"),
        // v1.22
        .. Many(["admissionregistration.k8s.io/v1beta1"], ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.16", "1.22", "admissionregistration.k8s.io/v1"),
        new("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "1.16", "1.22", "apiextensions.k8s.io/v1"),
        new("apiregistration.k8s.io/v1beta1", "APIService", "1.19", "1.22", "apiregistration.k8s.io/v1"),
        new("authentication.k8s.io/v1beta1", "TokenReview", "1.19", "1.22", "authentication.k8s.io/v1"),
        .. Many(["authorization.k8s.io/v1beta1"], ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"], "1.19", "1.22", "authorization.k8s.io/v1"),
        new("certificates.k8s.io/v1beta1", "CertificateSigningRequest", "1.19", "1.22", "certificates.k8s.io/v1"),
        new("coordination.k8s.io/v1beta1", "Lease", "1.19", "1.22", "coordination.k8s.io/v1"),
        new("extensions/v1beta1", "Ingress", "1.14", "1.22", "networking.k8s.io/v1"),
        new("networking.k8s.io/v1beta1", "Ingress", "1.19", "1.22", "networking.k8s.io/v1"),
        new("networking.k8s.io/v1beta1", "IngressClass", "1.19", "1.22", "networking.k8s.io/v1"),
        .. Many(["rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"], ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], "1.17", "1.22", "rbac.authorization.k8s.io/v1"),
        new("scheduling.k8s.io/v1beta1", "PriorityClass", "1.14", "1.22", "scheduling.k8s.io/v1"),
        .. Many(["storage.k8s.io/v1beta1"], ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.19", "1.22", "storage.k8s.io/v1"),
        // v1.25
        new("batch/v1beta1", "CronJob", "1.21", "1.25", "batch/v1"),
        new("discovery.k8s.io/v1beta1", "EndpointSlice", "1.21", "1.25", "discovery.k8s.io/v1"),
        new("events.k8s.io/v1beta1", "Event", "1.19", "1.25", "events.k8s.io/v1"),
        new("autoscaling/v2beta1", "HorizontalPodAutoscaler", "1.22", "1.25", "autoscaling/v2"),
        new("policy/v1beta1", "PodDisruptionBudget", "1.21", "1.25", "policy/v1"),
        new("policy/v1beta1", "PodSecurityPolicy", "1.21", "1.25", "Pod Security Admission (namespace labels pod-security.kubernetes.io/*)"),
        new("node.k8s.io/v1beta1", "RuntimeClass", "1.20", "1.25", "node.k8s.io/v1"),
        // v1.26, v1.27, v1.29, v1.32
        .. Many(["flowcontrol.apiserver.k8s.io/v1beta1"], ["FlowSchema", "PriorityLevelConfiguration"], "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1"),
        new("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.23", "1.26", "autoscaling/v2"),
        new("storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.24", "1.27", "storage.k8s.io/v1"),
        .. Many(["flowcontrol.apiserver.k8s.io/v1beta2"], ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1"),
        .. Many(["flowcontrol.apiserver.k8s.io/v1beta3"], ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1"),
        // Still served by 1.34, but deprecated.
        new("v1", "Endpoints", "1.33", null, "discovery.k8s.io/v1 EndpointSlice"),
        new("v1", "ComponentStatus", "1.19", null, "the API server's /livez and /readyz endpoints"),
        .. Many(["networking.k8s.io/v1beta1"], ["IPAddress", "ServiceCIDR"], "1.33", null, "networking.k8s.io/v1"),
        .. Many(["storage.k8s.io/v1beta1", "storage.k8s.io/v1alpha1"], ["VolumeAttributesClass"], "1.34", null, "storage.k8s.io/v1"),
    ];

    public static IReadOnlyList<ApiDeprecation> All => Table;

    public static ApiDeprecation? Find(string apiVersion, string kind) =>
        Array.Find(Table, d => d.ApiVersion == apiVersion && d.Kind == kind);

    /// <summary>Compares "1.9" and "1.16" numerically; unparsable versions compare as 0.0.</summary>
    public static int CompareVersions(string left, string right)
    {
        var (lMajor, lMinor) = Parse(left);
        var (rMajor, rMinor) = Parse(right);
        return lMajor != rMajor ? lMajor.CompareTo(rMajor) : lMinor.CompareTo(rMinor);
    }

    private static (int Major, int Minor) Parse(string version)
    {
        var parts = version.TrimStart('v').Split('.');
        var major = parts.Length > 0 && int.TryParse(parts[0], out var m) ? m : 0;
        var minor = parts.Length > 1 && int.TryParse(parts[1], out var n) ? n : 0;
        return (major, minor);
    }

    private static IEnumerable<ApiDeprecation> Many(string[] apiVersions, string[] kinds, string deprecatedIn, string? removedIn, string replacement) =>
        apiVersions.SelectMany(a => kinds.Select(k => new ApiDeprecation(a, k, deprecatedIn, removedIn, replacement)));
}
