namespace Vixens.Lint.SchemaGen;

/// <summary>One API group taken from the datree catalog: the project that owns its CRDs and that project's licence.</summary>
internal sealed record CatalogGroup(string Group, string Project, string Licence);

/// <summary>One upstream CRD file read directly from a project's repository, because datree lacks it or lags it.</summary>
internal sealed record UpstreamCrdFile(string Repository, string Tag, string Commit, string Path, string Licence)
{
    /// <summary>Where the file sits under the <c>--upstream</c> folder: <c>owner+name/path</c>.</summary>
    public string LocalPath => Repository.Replace('/', '+') + "/" + Path;

    public string SourceLabel => Repository + " " + Tag;
}

/// <summary>
/// What the CRD catalog covers beyond <c>shared/data/crds</c>. The groups are the operators GitOps repositories run most
/// (issue 14 lists them); each is read from the datree catalog whole, every kind and version it has. Licences are those
/// the projects declare for their repositories (the CRDs are generated from their Go types).
/// </summary>
internal static class CatalogSources
{
    public static IReadOnlyList<CatalogGroup> DatreeGroups { get; } =
    [
        new("gateway.networking.k8s.io", "Gateway API", "Apache-2.0"),
        new("cert-manager.io", "cert-manager", "Apache-2.0"),
        new("acme.cert-manager.io", "cert-manager", "Apache-2.0"),
        new("external-secrets.io", "External Secrets Operator", "Apache-2.0"),
        new("generators.external-secrets.io", "External Secrets Operator", "Apache-2.0"),
        new("bitnami.com", "Sealed Secrets", "Apache-2.0"),
        new("monitoring.coreos.com", "Prometheus Operator", "Apache-2.0"),
        new("operator.victoriametrics.com", "VictoriaMetrics Operator", "Apache-2.0"),
        new("traefik.io", "Traefik", "MIT"),
        new("traefik.containo.us", "Traefik (v2 API group)", "MIT"),
        new("cilium.io", "Cilium", "Apache-2.0"),
        new("networking.istio.io", "Istio", "Apache-2.0"),
        new("security.istio.io", "Istio", "Apache-2.0"),
        new("telemetry.istio.io", "Istio", "Apache-2.0"),
        new("extensions.istio.io", "Istio", "Apache-2.0"),
        new("kyverno.io", "Kyverno", "Apache-2.0"),
        new("policies.kyverno.io", "Kyverno", "Apache-2.0"),
        new("reports.kyverno.io", "Kyverno", "Apache-2.0"),
        new("wgpolicyk8s.io", "Kubernetes Policy WG (Kyverno reports)", "Apache-2.0"),
        new("argoproj.io", "Argo CD, Argo Rollouts, Argo Workflows, Argo Events", "Apache-2.0"),
        new("postgresql.cnpg.io", "CloudNativePG", "Apache-2.0"),
        new("operators.coreos.com", "Operator Lifecycle Manager", "Apache-2.0"),
        new("keda.sh", "KEDA", "Apache-2.0"),
        new("eventing.keda.sh", "KEDA", "Apache-2.0"),
        new("http.keda.sh", "KEDA HTTP add-on", "Apache-2.0"),
        new("velero.io", "Velero", "Apache-2.0"),
        new("longhorn.io", "Longhorn", "Apache-2.0"),
        new("source.toolkit.fluxcd.io", "Flux", "Apache-2.0"),
        new("kustomize.toolkit.fluxcd.io", "Flux", "Apache-2.0"),
        new("helm.toolkit.fluxcd.io", "Flux", "Apache-2.0"),
        new("notification.toolkit.fluxcd.io", "Flux", "Apache-2.0"),
        new("image.toolkit.fluxcd.io", "Flux", "Apache-2.0"),
        new("apiextensions.crossplane.io", "Crossplane", "Apache-2.0"),
        new("pkg.crossplane.io", "Crossplane", "Apache-2.0"),
        new("metallb.io", "MetalLB", "Apache-2.0"),
        new("externaldns.k8s.io", "ExternalDNS", "Apache-2.0"),
        new("aquasecurity.github.io", "Trivy Operator", "Apache-2.0"),
        new("autoscaling.k8s.io", "Vertical Pod Autoscaler", "Apache-2.0"),
        new("snapshot.storage.k8s.io", "external-snapshotter", "Apache-2.0"),
        new("secrets.infisical.com", "Infisical", "MIT"),
    ];

    /// <summary>
    /// Argo Workflows' full CRDs: datree's Workflow schema is too large for the snapshot, and the project's own files
    /// are newer. Read from <c>manifests/base/crds/full</c> (the "minimal" ones leave the spec open).
    /// </summary>
    public static IReadOnlyList<UpstreamCrdFile> UpstreamFiles { get; } =
    [
        .. new[]
        {
            "argoproj.io_clusterworkflowtemplates.yaml", "argoproj.io_cronworkflows.yaml", "argoproj.io_workflowartifactgctasks.yaml",
            "argoproj.io_workfloweventbindings.yaml", "argoproj.io_workflows.yaml", "argoproj.io_workflowtaskresults.yaml",
            "argoproj.io_workflowtasksets.yaml", "argoproj.io_workflowtemplates.yaml",
        }.Select(file => new UpstreamCrdFile("argoproj/argo-workflows", "v4.1.2", "16a52d67daf2f4a8a76fa8bec02a76a46aa46257",
            "manifests/base/crds/full/" + file, "Apache-2.0")),
    ];

    /// <summary>
    /// datree files left out, with the reason: they would give a schema to an apiVersion the project does not serve.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExcludedDatreeFiles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["postgresql.cnpg.io/cluster_v3.json"] = "an open stub for postgresql.cnpg.io/v3, a version CloudNativePG has never served",
    };

    /// <summary>
    /// The datree index spells some kinds in lower case (its extractor lost the CRD's <c>names.kind</c>) or names another
    /// kind than its file holds; these are the
    /// spellings of the projects' CRDs. A lower-case kind missing here stops the generator, so nothing is guessed.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KindSpellings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["authorizationpolicy"] = "AuthorizationPolicy",
        ["backuprepository"] = "BackupRepository",
        ["ciliumbgppeerconfig"] = "CiliumBGPPeerConfig",
        ["ciliumclusterwideenvoyconfig"] = "CiliumClusterwideEnvoyConfig",
        ["ciliumegressgatewaypolicy"] = "CiliumEgressGatewayPolicy",
        ["ciliumenvoyconfig"] = "CiliumEnvoyConfig",
        ["cluster"] = "Cluster",
        ["clustercloudeventsource"] = "ClusterCloudEventSource",
        ["clusterpushsecret"] = "ClusterPushSecret",
        ["databaserole"] = "DatabaseRole",
        ["deletingpolicy"] = "DeletingPolicy",
        ["destinationrule"] = "DestinationRule",
        ["dnsendpoint"] = "DNSEndpoint",
        ["envoyfilter"] = "EnvoyFilter",
        ["eventbus"] = "EventBus",
        ["eventsource"] = "EventSource",
        ["gateway"] = "Gateway",
        ["generatingpolicy"] = "GeneratingPolicy",
        ["generatorstate"] = "GeneratorState",
        ["gitrepository"] = "GitRepository",
        ["grafana"] = "Grafana",
        ["imagevalidatingpolicy"] = "ImageValidatingPolicy",
        ["middleware"] = "Middleware",
        ["mutatingpolicy"] = "MutatingPolicy",
        ["namespaceddeletingpolicy"] = "NamespacedDeletingPolicy",
        ["namespacedimagevalidatingpolicy"] = "NamespacedImageValidatingPolicy",
        ["namespacedmutatingpolicy"] = "NamespacedMutatingPolicy",
        ["namespacedvalidatingpolicy"] = "NamespacedValidatingPolicy",
        ["peerauthentication"] = "PeerAuthentication",
        ["podvolumebackup"] = "PodVolumeBackup",
        ["podvolumerestore"] = "PodVolumeRestore",
        ["proxyconfig"] = "ProxyConfig",
        ["pushsecret"] = "PushSecret",
        ["requestauthentication"] = "RequestAuthentication",
        ["sensor"] = "Sensor",
        ["serviceentry"] = "ServiceEntry",
        ["sidecar"] = "Sidecar",
        ["tcproute"] = "TCPRoute",
        ["telemetry"] = "Telemetry",
        ["udproute"] = "UDPRoute",
        ["validatingpolicy"] = "ValidatingPolicy",
        ["vaultdynamicsecret"] = "VaultDynamicSecret",
        ["virtualservice"] = "VirtualService",
        ["vlcluster"] = "VLCluster",
        ["vlsingle"] = "VLSingle",
        ["vtsingle"] = "VTSingle",
        ["wasmplugin"] = "WasmPlugin",
        ["workflow"] = "Workflow",
        ["workflowartifactgctask"] = "WorkflowArtifactGCTask",
        ["workfloweventbinding"] = "WorkflowEventBinding",
        ["workflowtaskresult"] = "WorkflowTaskResult",
        ["workflowtaskset"] = "WorkflowTaskSet",
        ["workloadentry"] = "WorkloadEntry",
        ["workloadgroup"] = "WorkloadGroup",
    };
}
