using System.Globalization;
using System.Text;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>
/// VX2010: ServiceMonitor/PodMonitor (Prometheus operator) and VMServiceScrape/VMPodScrape (VictoriaMetrics operator) select
/// Services or pods in the namespaces they watch, and their endpoint ports exist there.
/// </summary>
public sealed class MonitorSelectorRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2010", "MonitorMustSelectTargets", "ServiceMonitor or PodMonitor scrapes nothing",
        "{0} selects no {1} in {2}: none has the labels {3}. Nothing is scraped, so the app's metrics and alerts are silently missing.",
        "references", Severity.Warning,
        "A ServiceMonitor selects Services by their metadata.labels (not the pods' labels) in its own namespace, or in namespaceSelector.matchNames, or everywhere with namespaceSelector.any; a PodMonitor selects pod templates. Each endpoint's port is a port name of the selected Service (or a container port name of the selected pods). When the selector or the port name is wrong, the operator creates an empty scrape job: no target, no error, no metrics, and the alerts built on them never fire (Vixens Gold VX-G02 only checks that the monitor exists).",
        ["references", "monitoring", "prometheus", "victoriametrics"]);

    private static readonly CompositeFormat PortMessage = CompositeFormat.Parse("{0} scrapes port \"{1}\", which no selected {2} declares ({3}). This endpoint has no target, so its metrics are missing.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var monitor in context.Resources)
        {
            var (pods, endpointsField) = monitor.Kind switch
            {
                "ServiceMonitor" when monitor.Group == "monitoring.coreos.com" => (false, "endpoints"),
                "VMServiceScrape" when monitor.Group == "operator.victoriametrics.com" => (false, "endpoints"),
                "PodMonitor" when monitor.Group == "monitoring.coreos.com" => (true, "podMetricsEndpoints"),
                "VMPodScrape" when monitor.Group == "operator.victoriametrics.com" => (true, "podMetricsEndpoints"),
                _ => (false, (string?)null),
            };
            var spec = monitor.Root.GetMapping("spec");
            if (endpointsField is null || spec?.GetMapping("selector") is not { } selectorNode)
            {
                continue;
            }

            var selector = LabelSelector.FromStructured(selectorNode);
            var (namespaces, any, scope) = Namespaces(monitor, spec);
            var mutates = ReferenceSupport.MutatesAppName(context.EnvironmentIndex);
            var candidates = pods
                ? (any ? context.EnvironmentIndex.AllPodTemplates : namespaces.SelectMany(context.EnvironmentIndex.PodTemplates))
                    .Where(p => selector.Matches(ReferenceSupport.EffectiveLabels(p, mutates))).Select(PodPorts).ToList()
                : (any ? context.EnvironmentIndex.OfKind("Service") : namespaces.SelectMany(ns => context.EnvironmentIndex.OfKind("Service", ns)))
                    .Where(s => s.Group.Length == 0 && selector.Matches(s.Labels)).Select(ServicePorts).ToList();
            var targetKind = pods ? "pod" : "Service";
            if (candidates.Count == 0)
            {
                if (pods && ReferenceSupport.SelectsOperatorPods(selectorNode))
                {
                    continue;
                }

                var helmTargets = any
                    ? ReferenceSupport.HelmNamespaces(context.EnvironmentIndex).Count > 0
                    : namespaces.Any(ns => ReferenceSupport.MayTargetHelmObjects(context, monitor, ns, selectorNode));
                if (!helmTargets)
                {
                    context.Report(Descriptor, monitor, selectorNode, monitor.Id.Display, targetKind, scope, ReferenceSupport.Describe(selector));
                }

                continue;
            }

            var declared = candidates.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
            foreach (var endpoint in PodReferences.Mappings(spec.GetSequence(endpointsField)))
            {
                if (endpoint.GetScalar("port") is not { IsNull: false } port || port.Value.Length == 0 || declared.Contains(port.Value))
                {
                    continue;
                }

                var list = declared.Count == 0 ? "no named port" : "named ports: " + string.Join(", ", declared.Order(StringComparer.Ordinal));
                context.Report(new Diagnostic(Descriptor, port.EditLocation, string.Format(CultureInfo.InvariantCulture, PortMessage, monitor.Id.Display, port.Value, targetKind, list), properties: RuleContext.PropertiesOf(monitor)));
            }
        }
    }

    private static (List<string?> Namespaces, bool Any, string Scope) Namespaces(KubeResource monitor, YamlMapping spec)
    {
        var namespaceSelector = spec.GetMapping("namespaceSelector");
        if (namespaceSelector?.GetScalar("any") is { } any && any.AsBool())
        {
            return ([], true, "any namespace");
        }

        var names = namespaceSelector?.GetSequence("matchNames")?.Items.OfType<YamlScalar>().Select(s => (string?)s.Value).ToList();
        return names is { Count: > 0 }
            ? (names, false, "namespace(s) " + string.Join(", ", names.Select(n => $"\"{n}\"")))
            : ([monitor.Namespace], false, "namespace " + ReferenceSupport.NamespaceText(monitor.Namespace));
    }

    private static IEnumerable<string> ServicePorts(KubeResource service) =>
        PodReferences.Mappings(service.Root.GetMapping("spec")?.GetSequence("ports")).Select(p => p.GetString("name")).OfType<string>();

    private static IEnumerable<string> PodPorts(PodSpecView pod) =>
        pod.Containers(includeInit: true).SelectMany(c => PodReferences.Mappings(c.Node.GetSequence("ports"))).Select(p => p.GetString("name")).OfType<string>();
}
