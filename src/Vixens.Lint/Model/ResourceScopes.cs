namespace Vixens.Lint.Model;

/// <summary>
/// Which kinds are cluster-scoped: the built-in Kubernetes 1.34 ones, those of the operators the Vixens cluster runs,
/// and any CustomResourceDefinition found in the repository (its <c>spec.scope</c>).
/// </summary>
public sealed class ResourceScopes
{
    private static readonly HashSet<string> BuiltInClusterScoped = new(StringComparer.Ordinal)
    {
        "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
        "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
        "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
        "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode", "storage.k8s.io/VolumeAttachment", "storage.k8s.io/VolumeAttributesClass",
        "scheduling.k8s.io/PriorityClass", "networking.k8s.io/IngressClass", "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR",
        "admissionregistration.k8s.io/MutatingWebhookConfiguration", "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io/ValidatingAdmissionPolicy", "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
        "admissionregistration.k8s.io/MutatingAdmissionPolicy", "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
        "node.k8s.io/RuntimeClass", "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
        "flowcontrol.apiserver.k8s.io/FlowSchema", "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
        "resource.k8s.io/DeviceClass", "snapshot.storage.k8s.io/VolumeSnapshotClass", "snapshot.storage.k8s.io/VolumeSnapshotContent",
        "cert-manager.io/ClusterIssuer", "kyverno.io/ClusterPolicy", "kyverno.io/ClusterCleanupPolicy", "wgpolicyk8s.io/ClusterPolicyReport",
        "cilium.io/CiliumClusterwideNetworkPolicy", "cilium.io/CiliumLoadBalancerIPPool", "cilium.io/CiliumL2AnnouncementPolicy",
        "cilium.io/CiliumNode", "cilium.io/CiliumIdentity", "cilium.io/CiliumBGPClusterConfig", "cilium.io/CiliumBGPPeerConfig", "cilium.io/CiliumBGPAdvertisement",
        "external-secrets.io/ClusterSecretStore", "external-secrets.io/ClusterExternalSecret", "talos.dev/ServiceAccount",
        "autoscaling.k8s.io/VerticalPodAutoscalerCheckpoint", "operator.victoriametrics.com/VMUser",
    };

    private readonly HashSet<string> _clusterScoped;

    private ResourceScopes(HashSet<string> clusterScoped) => _clusterScoped = clusterScoped;

    /// <summary>The built-in table extended with the scopes of CRDs among <paramref name="resources"/>.</summary>
    public static ResourceScopes From(IEnumerable<KubeResource> resources)
    {
        var set = new HashSet<string>(BuiltInClusterScoped, StringComparer.Ordinal);
        foreach (var crd in resources.Where(r => r.Kind == "CustomResourceDefinition"))
        {
            var spec = crd.Root.GetMapping("spec");
            var group = spec?.GetString("group");
            var kind = spec?.GetMapping("names")?.GetString("kind");
            if (group is null || kind is null)
            {
                continue;
            }

            var key = group + "/" + kind;
            if (spec?.GetString("scope") == "Cluster")
            {
                set.Add(key);
            }
            else
            {
                set.Remove(key);
            }
        }

        return new ResourceScopes(set);
    }

    public bool IsClusterScoped(KubeResource resource) => _clusterScoped.Contains(resource.Group + "/" + resource.Kind);
}
