using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.Maturity;

/// <summary>VX4030 (Bronze, VX-B03): a Service in the pod's namespace selects it by its <c>app</c> label.</summary>
public sealed class ServiceTargetsPodRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4030", "PodMustBeTargetedByService", "No Service targets the pod",
        "No Service in the namespace selects app={0} ({1}); add one or set vixens.io/service-binding: \"false\" on the pod template", "reliability", Severity.Warning,
        "An app that no Service selects cannot be reached through cluster DNS, and an Ingress or ServiceMonitor cannot point at it. Vixens maturity Bronze (VX-B03, Kyverno check-service-binding) requires a Service in the pod's namespace whose spec.selector.app equals the pod's app label, unless the pod declares vixens.io/service-binding: \"false\".",
        ["reliability", "maturity", "services"], MaturityTier.Bronze);

    private static readonly HashSet<string> ExcludedNamespaces = new(StringComparer.Ordinal) { "kube-system", "kyverno", "monitoring", "velero" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var app in CrossResource.AppPods(context.Resources))
        {
            if ((app.Namespace is { } ns && ExcludedNamespaces.Contains(ns)) || app.HasMarker("vixens.io/service-binding", "false"))
            {
                continue;
            }

            var served = CrossResource.OfKind(context, app.Workload, "Service")
                .Any(s => CrossResource.MatchLabel(s, "spec", "selector") == app.App);
            if (!served)
            {
                context.Report(Descriptor, app.Workload, app.AppNode, app.App, app.Workload.Id.Display);
            }
        }
    }
}

/// <summary>VX4031 (Gold, VX-G02): a pod scraped by Prometheus has a ServiceMonitor.</summary>
public sealed class ServiceMonitorForScrapedPodRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4031", "ScrapedPodMustHaveServiceMonitor", "Scraped pod has no ServiceMonitor",
        "{0} is annotated prometheus.io/scrape: \"true\" but no ServiceMonitor in the namespace selects app={1}", "reliability", Severity.Warning,
        "The cluster's Prometheus-compatible stack discovers targets through ServiceMonitors, not pod annotations; an annotated pod without one is never scraped. Vixens maturity Gold (VX-G02, Kyverno check-servicemonitor) requires a ServiceMonitor in the namespace with spec.selector.matchLabels.app (or metadata.name) equal to the pod's app label, unless the pod declares vixens.io/nometrics: \"true\".",
        ["reliability", "maturity", "observability"], MaturityTier.Gold);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var app in CrossResource.AppPods(context.Resources))
        {
            if (!app.Pod.Annotations.TryGetValue("prometheus.io/scrape", out var scrape) || scrape != "true" || app.HasMarker("vixens.io/nometrics", "true"))
            {
                continue;
            }

            var monitored = CrossResource.OfKind(context, app.Workload, "ServiceMonitor", "VMServiceScrape")
                .Any(m => m.Name == app.App || CrossResource.MatchLabel(m, "spec", "selector", "matchLabels") == app.App);
            if (!monitored)
            {
                var anchor = app.Pod.Template.GetMapping("metadata")?.GetMapping("annotations")?.GetScalar("prometheus.io/scrape") ?? app.AppNode;
                context.Report(Descriptor, app.Workload, anchor, app.Workload.Id.Display, app.App);
            }
        }
    }
}

/// <summary>VX4032 (Platinum, VX-P05): a PodDisruptionBudget protects the app.</summary>
public sealed class PodDisruptionBudgetRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4032", "PodMustHaveDisruptionBudget", "No PodDisruptionBudget for the app",
        "No PodDisruptionBudget in the namespace selects app={0} ({1}); add one or label the pod vixens.io/single-replica: \"true\"", "reliability", Severity.Warning,
        "Without a PodDisruptionBudget a node drain (upgrade, reboot) may evict every replica at once. Vixens maturity Platinum (VX-P05, Kyverno check-pdb) requires a PDB in the namespace whose spec.selector.matchLabels.app equals the pod's app label, unless the pod is labelled vixens.io/single-replica: \"true\" (traefik and argocd-server are exempt).",
        ["reliability", "maturity", "availability"], MaturityTier.Platinum);

    private static readonly HashSet<string> ExemptApps = new(StringComparer.Ordinal) { "traefik", "argocd-server" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var app in CrossResource.AppPods(context.Resources))
        {
            if (ExemptApps.Contains(app.App) || app.Workload.Kind == "Pod"
                || (app.Pod.Labels.TryGetValue("vixens.io/single-replica", out var single) && single == "true"))
            {
                continue;
            }

            var protectedByPdb = CrossResource.OfKind(context, app.Workload, "PodDisruptionBudget")
                .Any(p => CrossResource.MatchLabel(p, "spec", "selector", "matchLabels") == app.App);
            if (!protectedByPdb)
            {
                context.Report(Descriptor, app.Workload, app.AppNode, app.App, app.Workload.Id.Display);
            }
        }
    }
}

/// <summary>VX4033 (Platinum, VX-P08, opt-in): a workload that asks for autoscaling has an HPA or KEDA ScaledObject.</summary>
public sealed class AutoscalerForOptInRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4033", "AutoscalingMustBeConfigured", "Autoscaling requested but not configured",
        "{0} is annotated vixens.io/needs-autoscaling: \"true\" but no HorizontalPodAutoscaler or ScaledObject targets it", "reliability", Severity.Warning,
        "A workload that declares it needs autoscaling but has no autoscaler stays at its fixed replica count under load. Vixens maturity Platinum (VX-P08, opt-in) requires a HorizontalPodAutoscaler or KEDA ScaledObject for it when the workload carries vixens.io/needs-autoscaling: \"true\".",
        ["reliability", "maturity", "scaling"], MaturityTier.Platinum);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var workload in context.Resources)
        {
            if (!CrossResource.IsLongRunning(workload.Kind) || workload.GetAnnotation("vixens.io/needs-autoscaling") != "true")
            {
                continue;
            }

            var app = PodSpecView.Of(workload)?.Labels.GetValueOrDefault("app") ?? workload.Name;
            var scaled = CrossResource.OfKind(context, workload, "HorizontalPodAutoscaler", "ScaledObject")
                .Any(s => s.Labels.GetValueOrDefault("app") == app
                    || (s.Root.GetPath("spec", "scaleTargetRef") as Yaml.YamlMapping)?.GetString("name") == workload.Name);
            if (!scaled)
            {
                var anchor = workload.Metadata?.GetMapping("annotations")?.GetScalar("vixens.io/needs-autoscaling") ?? (Yaml.YamlNode)workload.Root;
                context.Report(Descriptor, workload, anchor, workload.Id.Display);
            }
        }
    }
}

/// <summary>VX5010 (Diamond, VX-D03): a NetworkPolicy selects the app's pods.</summary>
public sealed class NetworkPolicyForPodRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX5010", "PodMustHaveNetworkPolicy", "No NetworkPolicy selects the app",
        "No NetworkPolicy in the namespace selects app={0} ({1}); its pods accept traffic from anywhere in the cluster", "security", Severity.Warning,
        "Without a NetworkPolicy every pod in the cluster can reach the app, so one compromised pod can probe all others. Vixens maturity Diamond (VX-D03, Kyverno check-networkpolicy) requires a networking.k8s.io/v1 NetworkPolicy in the namespace whose spec.podSelector.matchLabels.app equals the pod's app label (a CiliumNetworkPolicy is not counted by the policy).",
        ["security", "maturity", "network"], MaturityTier.Diamond, securitySeverity: 5.0);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var app in CrossResource.AppPods(context.Resources))
        {
            var covered = CrossResource.OfKind(context, app.Workload, "NetworkPolicy")
                .Any(p => p.Group == "networking.k8s.io" && CrossResource.MatchLabel(p, "spec", "podSelector", "matchLabels") == app.App);
            if (!covered)
            {
                context.Report(Descriptor, app.Workload, app.AppNode, app.App, app.Workload.Id.Display);
            }
        }
    }
}

/// <summary>VX4034 (Silver, VX-S07): a PVC's storage class matches its environment's reclaim policy.</summary>
public sealed class StorageClassMatchesEnvironmentRule : ResourceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4034", "StorageClassMustMatchEnvironment", "PVC storage class does not match the environment",
        "{0} uses storage class \"{1}\" in {2}; use a *-{3} class there", "reliability", Severity.Warning,
        "Production data must survive the deletion of its claim (a Retain class), while dev volumes should be cleaned up (a Delete class). Vixens maturity Silver (VX-S07, Kyverno require-storage-strategy) requires storageClassName matching *-retain in prod and *-delete in dev. The environment comes from the ArgoCD Application or the overlay directory (overlays/prod, overlays/dev).",
        ["reliability", "maturity", "storage"], MaturityTier.Silver);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeResource(KubeResource resource, RuleContext context)
    {
        if (resource.Kind != "PersistentVolumeClaim" || EnvironmentOf(resource) is not { } environment)
        {
            return;
        }

        var suffix = environment switch { "prod" => "retain", "dev" => "delete", _ => null };
        if (suffix is null)
        {
            return;
        }

        var node = resource.Root.GetPath("spec", "storageClassName") as Yaml.YamlScalar;
        var storageClass = node is { IsNull: false } ? node.Value : null;
        if (storageClass is null || !storageClass.EndsWith("-" + suffix, StringComparison.Ordinal))
        {
            context.Report(Descriptor, resource, (Yaml.YamlNode?)node ?? (Yaml.YamlNode?)resource.Metadata?.GetScalar("name") ?? resource.Root, resource.Id.Display, storageClass ?? "(default)", environment, suffix);
        }
    }

    internal static string? EnvironmentOf(KubeResource resource)
    {
        if (resource.Environment is { } environment)
        {
            return environment;
        }

        var parts = (resource.Origin ?? string.Empty).Split('/');
        var overlays = Array.IndexOf(parts, "overlays");
        return overlays >= 0 && overlays + 1 < parts.Length ? parts[overlays + 1] : null;
    }
}

/// <summary>VX4023 (Emerald, VX-E02): init containers declare requests and limits too.</summary>
public sealed class InitContainerResourcesRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4023", "InitContainerMustBoundResources", "Init container has no CPU/memory requests and limits",
        "Init container \"{0}\" has no {1}; set resources.requests and resources.limits or the pod label vixens.io/sizing.{0}", "reliability", Severity.Warning,
        "Init containers count in the pod's effective requests, and an unbounded restore job can take a node's memory. Vixens maturity Emerald (VX-E02) extends the Bronze and Silver resource checks (VX4002, VX4003) to every sidecar and init container.",
        ["reliability", "maturity", "resources"], MaturityTier.Emerald);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override bool IncludeInitContainers => true;

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        // Native sidecars are already held to VX4002/VX4003.
        if (container.Kind != ContainerKind.Init || container.IsNativeSidecar || ResourceFields.HasSizingLabel(container))
        {
            return;
        }

        var missing = ResourceFields.Missing(container, "requests").Select(r => r + " request")
            .Concat(ResourceFields.Missing(container, "limits").Select(r => r + " limit"))
            .ToList();
        if (missing.Count > 0)
        {
            context.Report(Descriptor, container.Pod.Owner, ResourceFields.Anchor(container, missing[0].EndsWith("request", StringComparison.Ordinal) ? "requests" : "limits"), container.Name, string.Join(", ", missing));
        }
    }
}

/// <summary>VX4035 (Silver, VX-S06): Secrets read through <c>envFrom</c> are produced by Infisical.</summary>
public sealed class SecretsFromInfisicalRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4035", "SecretMustComeFromInfisical", "Secret is not managed by Infisical",
        "Container \"{0}\" reads Secret \"{1}\" through envFrom, but no InfisicalSecret in the environment produces it", "security", Severity.Warning,
        "Secrets created by hand (kubectl create secret) are not in git, not rotated, and lost when the cluster is rebuilt. Vixens maturity Silver (VX-S06, Kyverno check-infisical-secrets) requires every Secret a container reads through envFrom to be managed by the Infisical operator: an InfisicalSecret whose spec.managedSecretReference.secretName is that Secret (in the pod's namespace), or a Secret carrying the Infisical markers. Secrets created at runtime by other operators need a suppression.",
        ["security", "maturity", "secrets"], MaturityTier.Silver, securitySeverity: 4.0);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        if (container.Kind != ContainerKind.Container || container.Node.GetSequence("envFrom") is not { } envFrom)
        {
            return;
        }

        var owner = container.Pod.Owner;
        foreach (var source in envFrom.Items.OfType<Yaml.YamlMapping>())
        {
            if (source.GetMapping("secretRef")?.GetScalar("name") is not { IsNull: false } nameNode)
            {
                continue;
            }

            var name = nameNode.Value;
            var produced = context.EnvironmentIndex.OfKind("InfisicalSecret").Any(i =>
                    CrossResource.SameEnvironment(i, owner)
                    && (i.Root.GetPath("spec", "managedSecretReference") as Yaml.YamlMapping) is { } reference
                    && reference.GetString("secretName") == name
                    && (reference.GetString("secretNamespace") is not { } ns || owner.Namespace is null || ns == owner.Namespace))
                || CrossResource.OfKind(context, owner, "Secret").Any(s => s.Name == name
                    && (s.Annotations.ContainsKey("infisical.com/managed") || s.Annotations.ContainsKey("secrets.infisical.com/version")
                        || s.Labels.GetValueOrDefault("app.kubernetes.io/managed-by") == "infisical-operator"));
            if (!produced)
            {
                context.Report(Descriptor, owner, nameNode, container.Name, name);
            }
        }
    }
}
