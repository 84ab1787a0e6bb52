using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.GitOps;

/// <summary>VX30xx: what the workspace finds while following ArgoCD Applications (causes of Unknown and OutOfSync).</summary>
public static class GitOpsDescriptors
{
    private const string Category = "gitops";

    public static readonly DiagnosticDescriptor ApplicationPathMissing = new(
        "VX3001", "ApplicationPathMustExist", "Application source path does not exist",
        "Application \"{0}\" points at path \"{1}\", which {2}; ArgoCD shows the Application as Unknown (ComparisonError)", Category, Severity.Error,
        "An Application whose source path is missing from the repository (a renamed or deleted overlay, a typo) cannot be rendered: ArgoCD reports a ComparisonError and the Application stays Unknown. Vixens.Lint resolves every Application whose repoURL is this repository to its local path.",
        ["gitops", "argocd"], precision: "very-high");

    public static readonly DiagnosticDescriptor DuplicateResource = new(
        "VX3002", "ResourceOwnedByOneApplication", "Same resource deployed by two Applications",
        "{0} is deployed by Applications \"{1}\" and \"{2}\" in {3}; they fight over it and both stay OutOfSync", Category, Severity.Error,
        "When two Applications render the same object (group, kind, namespace, name), each sync overwrites the other's version and ArgoCD shows both OutOfSync forever (or flags a SharedResourceWarning). Keep each object in exactly one Application.",
        ["gitops", "argocd", "drift"], precision: "very-high");

    public static readonly DiagnosticDescriptor OrphanedOverlay = new(
        "VX3003", "OverlayReferencedByApplication", "Overlay is not deployed by any Application",
        "Overlay \"{0}\" is not the source path of any Application{1}; it is checked but never deployed", Category, Severity.Note,
        "A top-level overlay that no Application references is dead code: changes to it are reviewed and merged but never reach the cluster. It is still rendered and checked so that it does not rot.",
        ["gitops", "argocd", "conventions"], precision: "high");

    public static readonly DiagnosticDescriptor InvalidApplicationSpec = new(
        "VX3004", "ApplicationSpecMustBeComplete", "Application spec is incomplete",
        "Application \"{0}\" {1}; ArgoCD rejects it (InvalidSpecError)", Category, Severity.Error,
        "An Application needs spec.project, a destination (server or name, and a namespace for namespaced resources) and at least one source with a repoURL. Without them ArgoCD reports InvalidSpecError and the Application stays Unknown.",
        ["gitops", "argocd"], precision: "very-high");

    public static readonly DiagnosticDescriptor HelmSourceNotRendered = new(
        "VX3005", "HelmSourceNotRenderedOffline", "Helm chart source not rendered offline",
        "Application \"{0}\" installs Helm chart \"{1}\" from {2}; charts are not rendered offline, so only its values files are checked", Category, Severity.Note,
        "Rendering a Helm chart needs the chart archive from its registry, which an offline check cannot fetch. The Application's values files are checked to exist and parse, and what the chart creates is not analysed. This note keeps that gap visible.",
        ["gitops", "argocd", "helm"], precision: "very-high");

    public static readonly DiagnosticDescriptor HelmValuesMissing = new(
        "VX3006", "HelmValuesFileMustExist", "Helm values file missing or invalid",
        "Application \"{0}\" uses Helm values file \"{1}\", which {2}; ArgoCD shows a ComparisonError", Category, Severity.Error,
        "A values file listed in spec.source(s).helm.valueFiles that does not exist (or does not parse) makes ArgoCD's manifest generation fail: the Application shows Unknown with a ComparisonError.",
        ["gitops", "argocd", "helm"], precision: "very-high");

    public static readonly DiagnosticDescriptor OverlayBuildFailed = new(
        "VX3007", "ApplicationSourceMustBuild", "Application source does not build",
        "Application \"{0}\" cannot be rendered: the overlay \"{1}\" fails to build; ArgoCD shows the Application as Unknown (ComparisonError)", Category, Severity.Error,
        "When the kustomization an Application points at fails to build (a missing file, a patch whose target does not exist, an id conflict), ArgoCD cannot compute the desired state. The build error itself is reported at its own line; this finding ties it to the Application it breaks.",
        ["gitops", "argocd"], precision: "very-high");

    public static readonly DiagnosticDescriptor NamespaceNotCreated = new(
        "VX3008", "DestinationNamespaceMustExist", "Destination namespace is never created",
        "Application \"{0}\" deploys into namespace \"{1}\", but no Namespace \"{1}\" exists in {2} and CreateNamespace is not enabled; the sync fails with namespace not found", Category, Severity.Error,
        "ArgoCD does not create the destination namespace unless the sync option CreateNamespace=true is set. If no Application of the environment defines the Namespace object either, the first sync fails.",
        ["gitops", "argocd"], precision: "high");

    public static readonly DiagnosticDescriptor NamespacedWithoutNamespace = new(
        "VX3009", "NamespacedResourceNeedsNamespace", "Namespaced resource has no namespace and the destination has none",
        "{0} has no namespace and Application \"{1}\" has no destination namespace; ArgoCD cannot place it", Category, Severity.Error,
        "ArgoCD gives the destination namespace to namespaced resources that have none. When the Application has no destination namespace either, the sync fails (or the object lands in an unexpected namespace).",
        ["gitops", "argocd"], precision: "high");

    public static readonly DiagnosticDescriptor NamespaceCreatedLater = new(
        "VX3010", "DestinationNamespaceCreatedNoLater", "Destination namespace is created in a later sync wave",
        "Application \"{0}\" (sync wave {1}) deploys into namespace \"{2}\" without CreateNamespace, but that namespace is first created by Application \"{3}\" in sync wave {4}; whenever the namespace does not exist yet (a new cluster, a recreated namespace) its sync fails with namespace not found until wave {4} has run", Category, Severity.Warning,
        "The app-of-apps creates its child Applications wave by wave. An Application that relies on another one to create its destination namespace (a Namespace object, or that Application's CreateNamespace=true) but sits in an earlier wave syncs first: its resources are rejected because the namespace does not exist, and it stays OutOfSync with a failed sync (or burns its retries) until the later wave has created the namespace. On a cluster where the namespace already exists nothing shows, which is why it surfaces only on rebuilds.",
        ["gitops", "argocd", "sync-waves"], precision: "high");

    public static readonly DiagnosticDescriptor ApplicationNotListed = new(
        "VX3011", "ApplicationManifestListedByRoot", "Application manifest is not listed by its environment root",
        "Application \"{0}\" is defined in {1} but {2}'s root does not list it, so nothing deploys it; if the root synced it before, the app-of-apps shows it as requiring pruning (OutOfSync) until it is pruned, and pruning it deletes what it deployed", Category, Severity.Note,
        "An Application manifest kept in the environment's folder but left out of (or commented out of) the root kustomization is dead code, like an orphaned overlay: it is reviewed but never applied. When it was deployed before, the live Application still carries the app-of-apps' tracking label, so the root Application is OutOfSync (requires pruning) until someone prunes it — and with the resources finalizer, pruning deletes the workloads it deployed. Either list it again or delete the file.",
        ["gitops", "argocd", "conventions"], precision: "high");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        ApplicationPathMissing, DuplicateResource, OrphanedOverlay, InvalidApplicationSpec, HelmSourceNotRendered,
        HelmValuesMissing, OverlayBuildFailed, NamespaceNotCreated, NamespacedWithoutNamespace, NamespaceCreatedLater,
        ApplicationNotListed,
    ];
}
