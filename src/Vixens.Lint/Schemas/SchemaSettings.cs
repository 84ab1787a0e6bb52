using Vixens.Lint.Model;

namespace Vixens.Lint.Schemas;

/// <summary>What schema validation checks against.</summary>
public sealed record SchemaSettings
{
    public static readonly SchemaSettings Default = new();

    /// <summary>The Kubernetes version whose bundled schemas are used ("1.34"); an unbundled version is a configuration error (VX1090).</summary>
    public string KubernetesVersion { get; init; } = "1.34";

    /// <summary>Folders of JSON schemas in kubeconform's layout: <c>{kind}_{version}.json</c> or <c>{group}/{kind}_{version}.json</c>, lower-case kind.</summary>
    public IReadOnlyList<string> ExtraSchemaDirectories { get; init; } = [];

    /// <summary>Kinds not to validate, with the reason shown in the VX1013 note. Keys are a kind (<c>Secret</c>) or <c>apiVersion/kind</c>.</summary>
    public IReadOnlyDictionary<string, string> SkipKinds { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Tells whether a resource is applied with server-side apply (e.g. its ArgoCD Application has
    /// <c>ServerSideApply=true</c>). Such a manifest may be a partial object merged into the live one, so missing
    /// required fields are not reported for it. The resource annotation <c>argocd.argoproj.io/sync-options</c> with
    /// <c>ServerSideApply=true</c> is always honoured.
    /// </summary>
    public Func<KubeResource, bool>? IsServerSideApplied { get; init; }

    /// <summary>Whether to use the bundled CRD catalog (argo-cd, cert-manager, cilium, ...).</summary>
    public bool UseCrdCatalog { get; init; } = true;
}
