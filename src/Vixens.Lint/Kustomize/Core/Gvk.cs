namespace Vixens.Lint.Kustomize.Core;

/// <summary>Group, version and kind; an empty part in a selector matches anything.</summary>
internal readonly record struct Gvk(string Group, string Version, string Kind)
{
    public static Gvk FromApiVersion(string? apiVersion, string? kind)
    {
        var (group, version) = Model.ResourceId.SplitApiVersion(apiVersion);
        return new Gvk(group, version, kind ?? string.Empty);
    }

    /// <summary>Matches every object.</summary>
    public static Gvk Any { get; } = new(string.Empty, string.Empty, string.Empty);

    public bool IsSelectedBy(Gvk selector) =>
        (string.IsNullOrEmpty(selector.Group) || selector.Group == Group)
        && (string.IsNullOrEmpty(selector.Version) || selector.Version == Version)
        && (string.IsNullOrEmpty(selector.Kind) || selector.Kind == Kind);

    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>kustomize's display form, e.g. <c>apps_v1_Deployment</c>, with <c>~G</c>/<c>~V</c>/<c>~K</c> for empty parts.</summary>
    public override string ToString() =>
        $"{(Group.Length == 0 ? "~G" : Group)}_{(Version.Length == 0 ? "~V" : Version)}_{(Kind.Length == 0 ? "~K" : Kind)}";
}

/// <summary>A resource identity as kustomize compares them: GVK, name and the effective namespace.</summary>
internal readonly record struct ResId(Gvk Gvk, string Name, string Namespace)
{
    public bool IsClusterScoped => ClusterScopedKinds.Contains(Gvk);

    /// <summary>Cluster-scoped objects have no namespace; an unset namespace means <c>default</c>.</summary>
    public string EffectiveNamespace => IsClusterScoped ? "_cluster" : (Namespace.Length == 0 ? "default" : Namespace);

    public bool IsNsEquals(ResId other) => EffectiveNamespace == other.EffectiveNamespace;

    public bool SameAs(ResId other) => Gvk == other.Gvk && Name == other.Name && IsNsEquals(other);

    public override string ToString() => $"{Gvk.Kind}.{Gvk.Version}.{Gvk.Group}/{Name}.{(Namespace.Length == 0 ? "[noNs]" : Namespace)}"
        .Replace("..", ".", StringComparison.Ordinal);
}

/// <summary>The built-in cluster-scoped kinds kustomize knows from its embedded OpenAPI schema, with their API group.</summary>
internal static class ClusterScopedKinds
{
    private static readonly Dictionary<string, string> KindToGroup = new(StringComparer.Ordinal)
    {
        ["Namespace"] = "", ["Node"] = "", ["PersistentVolume"] = "", ["ComponentStatus"] = "",
        ["ClusterRole"] = "rbac.authorization.k8s.io", ["ClusterRoleBinding"] = "rbac.authorization.k8s.io",
        ["CustomResourceDefinition"] = "apiextensions.k8s.io", ["StorageClass"] = "storage.k8s.io",
        ["CSIDriver"] = "storage.k8s.io", ["CSINode"] = "storage.k8s.io", ["VolumeAttachment"] = "storage.k8s.io",
        ["VolumeAttributesClass"] = "storage.k8s.io", ["PriorityClass"] = "scheduling.k8s.io",
        ["PodSecurityPolicy"] = "policy", ["APIService"] = "apiregistration.k8s.io",
        ["MutatingWebhookConfiguration"] = "admissionregistration.k8s.io", ["ValidatingWebhookConfiguration"] = "admissionregistration.k8s.io",
        ["ValidatingAdmissionPolicy"] = "admissionregistration.k8s.io", ["ValidatingAdmissionPolicyBinding"] = "admissionregistration.k8s.io",
        ["MutatingAdmissionPolicy"] = "admissionregistration.k8s.io", ["MutatingAdmissionPolicyBinding"] = "admissionregistration.k8s.io",
        ["CertificateSigningRequest"] = "certificates.k8s.io", ["ClusterTrustBundle"] = "certificates.k8s.io",
        ["IngressClass"] = "networking.k8s.io", ["IPAddress"] = "networking.k8s.io", ["ServiceCIDR"] = "networking.k8s.io",
        ["RuntimeClass"] = "node.k8s.io", ["FlowSchema"] = "flowcontrol.apiserver.k8s.io",
        ["PriorityLevelConfiguration"] = "flowcontrol.apiserver.k8s.io", ["TokenReview"] = "authentication.k8s.io",
        ["SelfSubjectReview"] = "authentication.k8s.io", ["SelfSubjectAccessReview"] = "authorization.k8s.io",
        ["SelfSubjectRulesReview"] = "authorization.k8s.io", ["SubjectAccessReview"] = "authorization.k8s.io",
        ["DeviceClass"] = "resource.k8s.io", ["StorageVersionMigration"] = "storagemigration.k8s.io",
    };

    /// <summary>A kind is cluster-scoped only in its own API group: a CRD named "Namespace" in another group is namespaced.</summary>
    public static bool Contains(Gvk gvk) => KindToGroup.TryGetValue(gvk.Kind, out var group) && group == gvk.Group;
}
