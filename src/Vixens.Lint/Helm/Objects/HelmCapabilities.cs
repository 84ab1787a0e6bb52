using Vixens.Lint.Helm.Charts;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Objects;

/// <summary>
/// What <c>.Capabilities</c> reports, as <c>helm template</c> builds it offline: a Kubernetes version (Helm's default
/// v1.32.0 or <c>--kube-version</c>) and the API versions (Helm's built-in list, then every extra source in order).
/// </summary>
/// <remarks>
/// Extension point: <see cref="ExtraApiVersions"/> takes any list, so the repository's CRDs and the bundled schemas
/// (ArgoCD integration) can add their group/versions and group/version/kinds next to <c>--api-versions</c>.
/// </remarks>
public sealed record HelmCapabilities
{
    /// <summary>The API versions helm v3.17.2 knows without a cluster (client-go's scheme, in its priority order).</summary>
    public static IReadOnlyList<string> DefaultApiVersions { get; } =
    [
        "v1",
        "admissionregistration.k8s.io/v1",
        "admissionregistration.k8s.io/v1alpha1",
        "admissionregistration.k8s.io/v1beta1",
        "internal.apiserver.k8s.io/v1alpha1",
        "apps/v1",
        "apps/v1beta1",
        "apps/v1beta2",
        "authentication.k8s.io/v1",
        "authentication.k8s.io/v1alpha1",
        "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1",
        "authorization.k8s.io/v1beta1",
        "autoscaling/v1",
        "autoscaling/v2",
        "autoscaling/v2beta1",
        "autoscaling/v2beta2",
        "batch/v1",
        "batch/v1beta1",
        "certificates.k8s.io/v1",
        "certificates.k8s.io/v1beta1",
        "certificates.k8s.io/v1alpha1",
        "coordination.k8s.io/v1alpha2",
        "coordination.k8s.io/v1beta1",
        "coordination.k8s.io/v1",
        "discovery.k8s.io/v1",
        "discovery.k8s.io/v1beta1",
        "events.k8s.io/v1",
        "events.k8s.io/v1beta1",
        "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1",
        "flowcontrol.apiserver.k8s.io/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1beta2",
        "flowcontrol.apiserver.k8s.io/v1beta3",
        "networking.k8s.io/v1",
        "networking.k8s.io/v1alpha1",
        "networking.k8s.io/v1beta1",
        "node.k8s.io/v1",
        "node.k8s.io/v1alpha1",
        "node.k8s.io/v1beta1",
        "policy/v1",
        "policy/v1beta1",
        "rbac.authorization.k8s.io/v1",
        "rbac.authorization.k8s.io/v1beta1",
        "rbac.authorization.k8s.io/v1alpha1",
        "resource.k8s.io/v1beta1",
        "resource.k8s.io/v1alpha3",
        "scheduling.k8s.io/v1alpha1",
        "scheduling.k8s.io/v1beta1",
        "scheduling.k8s.io/v1",
        "storage.k8s.io/v1beta1",
        "storage.k8s.io/v1",
        "storage.k8s.io/v1alpha1",
        "storagemigration.k8s.io/v1alpha1",
        "apiextensions.k8s.io/v1beta1",
        "apiextensions.k8s.io/v1",
    ];

    /// <summary>Helm's default Kubernetes version when none is given.</summary>
    public const string DefaultKubeVersion = "v1.32.0";

    /// <summary>The Kubernetes version, normalised to <c>vMAJOR.MINOR.PATCH</c>.</summary>
    public string KubeVersion { get; init; } = DefaultKubeVersion;

    /// <summary>API versions added after the defaults (<c>--api-versions</c>, CRDs, schemas), in order.</summary>
    public IReadOnlyList<string> ExtraApiVersions { get; init; } = [];

    /// <summary>Parses <c>--kube-version</c> as Helm does (<c>1.27</c> → <c>v1.27.0</c>).</summary>
    public static string ParseKubeVersion(string text)
    {
        var version = SemVersion.TryParse(text)
            ?? throw new HelmException($"invalid kube version '{text}': Invalid Semantic Version", HelmErrorKind.Usage);
        return "v" + version;
    }

    /// <summary>The <c>*chartutil.Capabilities</c> object templates see.</summary>
    public GoStruct CreateObject()
    {
        var version = SemVersion.TryParse(KubeVersion);
        var major = version?.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        var minor = version?.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        var kube = new GoStruct("chartutil.KubeVersion", isPointer: false)
            .Field("Version", KubeVersion)
            .Field("Major", major)
            .Field("Minor", minor)
            // String() has a pointer receiver in Go: a copy handed to a function (`quote`) prints as {v1.32.0 1 32},
            // and that is what templates do with it; only a direct {{ .Capabilities.KubeVersion }} would print v1.32.0.
            .Method("GitVersion", [], _ => KubeVersion);
        var helm = new GoStruct("version.BuildInfo", isPointer: false)
            .Field("Version", "v3.17.2")
            .Field("GitCommit", "cc0bbbd6d6276b83880042c1ecb34087e84d41eb")
            .Field("GitTreeState", "clean")
            .Field("GoVersion", "go1.23.7");
        return new GoStruct("*chartutil.Capabilities", isPointer: true)
            .Field("KubeVersion", kube)
            .Field("APIVersions", new VersionSet([.. DefaultApiVersions, .. ExtraApiVersions]))
            .Field("HelmVersion", helm);
    }
}

/// <summary>
/// <c>chartutil.VersionSet</c>: a Go <c>[]string</c> (range, len, index and printing see a string slice) with a
/// <c>Has</c> method.
/// </summary>
public sealed class VersionSet : List<string>, IGoObject
{
    public VersionSet(IEnumerable<string> versions)
        : base(versions)
    {
    }

    public string GoTypeName => "chartutil.VersionSet";

    public bool IsPointer => false;

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => [];

    public bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryGetMethod(string name, out GoFunction? method)
    {
        method = name == "Has" ? new GoFunction("Has", [GoType.String], null, args => Contains((string)args[0]!)) : null;
        return method is not null;
    }
}
