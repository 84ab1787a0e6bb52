using System.Globalization;
using System.Text;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2002: Ingress and Traefik IngressRoute backends name an existing Service and one of its ports.</summary>
public sealed class IngressBackendRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2002", "IngressBackendMustExist", "Ingress backend Service or port does not exist",
        "{0} routes to Service \"{1}\", which does not exist in namespace {2}. Requests on this route get 404 or 503 from Traefik.",
        "references", Severity.Error,
        "An Ingress or a Traefik IngressRoute forwards to a Service by name and port. If the Service is missing from the namespace, or does not declare the port (by number or by name), Traefik has no server for the route: clients get 404 or 503 and the ArgoCD Application stays Degraded or Progressing.",
        ["references", "ingress", "traefik", "service"]);

    private static readonly CompositeFormat PortMessage = CompositeFormat.Parse("{0} routes to port {1} of Service \"{2}\", which declares no such port ({3}). Requests on this route get 503 from Traefik.");

    private static readonly CompositeFormat OrphanHelmMessage = CompositeFormat.Parse("{0} routes to Service \"{1}\", which is not rendered in namespace {2}: Helm chart \"{3}\" of Application \"{4}\" ({5}) would create it, and charts are not rendered offline. No Application deploys this overlay; deploy it with the chart's Application, or point the route at a Service that exists.");

    private static readonly CompositeFormat DeployedHelmMessage = CompositeFormat.Parse("{0} routes to Service \"{1}\", which does not exist in namespace {2} of environment {3}: only Helm chart \"{4}\" of Application \"{5}\" ({6}) would create it. Deploy that chart in {3} or route elsewhere; until then Traefik answers 404 or 503.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var resource in context.Resources)
        {
            foreach (var (ns, name, port) in Backends(resource))
            {
                var service = context.EnvironmentIndex.Find("Service", ns, name.Value);
                if (service is null)
                {
                    if (!ReferenceSupport.IsHelmNamed(context.EnvironmentIndex, ns, name.Value))
                    {
                        ReportMissingService(context, resource, ns, name);
                    }

                    continue;
                }

                if (port is null || port.IsNull)
                {
                    continue;
                }

                var ports = PodReferences.Mappings(service.Root.GetMapping("spec")?.GetSequence("ports")).ToList();
                var number = ReferenceSupport.Int(port);
                var declared = number is { } n
                    ? ports.Any(p => ReferenceSupport.Int(p["port"]) == n)
                    : ports.Any(p => p.GetString("name") == port.Value);
                if (declared)
                {
                    continue;
                }

                var list = ports.Count == 0 ? "none declared" : "declared: " + string.Join(", ", ports.Select(Describe));
                context.Report(new Diagnostic(Descriptor, port.EditLocation, string.Format(CultureInfo.InvariantCulture, PortMessage, resource.Id.Display, number?.ToString(CultureInfo.InvariantCulture) ?? $"\"{port.Value}\"", name.Value, list), properties: RuleContext.PropertiesOf(resource)));
            }
        }
    }

    /// <summary>
    /// A Service no environment object defines. When a Helm chart of the repository would create it (same namespace,
    /// release- or chart-named) the finding says so: in an overlay no Application deploys, the chart belongs with the
    /// Application that would deploy it, so it drops to a note; in a deployed Application it stays an error (the chart is
    /// installed in another environment, or by an Application manifest the root does not list), naming where the chart is.
    /// </summary>
    private static void ReportMissingService(RuleContext context, KubeResource resource, string? ns, YamlScalar name)
    {
        var chart = context.RepositoryHelmCharts
            .Where(c => c.MayCreate(ns, name.Value))
            .OrderBy(c => c.Environment == context.Environment ? 0 : 1)
            .ThenBy(c => c.Listed ? 0 : 1)
            .FirstOrDefault();
        if (chart is null)
        {
            context.Report(Descriptor, resource, name, resource.Id.Display, name.Value, ReferenceSupport.NamespaceText(ns));
            return;
        }

        var where = chart.Listed
            ? $"environment {chart.Environment}"
            : $"an Application manifest that {chart.Environment}'s root does not list";
        var properties = new Dictionary<string, string>(RuleContext.PropertiesOf(resource), StringComparer.Ordinal) { ["helmChart"] = chart.Chart, ["helmApplication"] = chart.Application };
        if (resource.Application is null)
        {
            var message = string.Format(CultureInfo.InvariantCulture, OrphanHelmMessage, resource.Id.Display, name.Value, ReferenceSupport.NamespaceText(ns), chart.Chart, chart.Application, where);
            context.Report(new Diagnostic(Descriptor, name.EditLocation, message, Severity.Note, properties: properties));
            return;
        }

        var deployed = string.Format(CultureInfo.InvariantCulture, DeployedHelmMessage, resource.Id.Display, name.Value, ReferenceSupport.NamespaceText(ns), context.Environment ?? "this environment", chart.Chart, chart.Application, where);
        context.Report(new Diagnostic(Descriptor, name.EditLocation, deployed, properties: properties));
    }

    private static string Describe(YamlMapping port)
    {
        var number = port.GetString("port") ?? "?";
        return port.GetString("name") is { } portName ? $"{number}/{portName}" : number;
    }

    /// <summary>(namespace, Service name node, port node) of every backend of an Ingress or IngressRoute.</summary>
    internal static IEnumerable<(string? Namespace, YamlScalar Name, YamlScalar? Port)> Backends(KubeResource resource)
    {
        var spec = resource.Root.GetMapping("spec");
        if (spec is null)
        {
            yield break;
        }

        if (resource.Kind == "Ingress" && resource.Group == "networking.k8s.io")
        {
            var backends = new List<YamlMapping?> { spec.GetMapping("defaultBackend") };
            foreach (var rule in PodReferences.Mappings(spec.GetSequence("rules")))
            {
                backends.AddRange(PodReferences.Mappings(rule.GetMapping("http")?.GetSequence("paths")).Select(p => p.GetMapping("backend")));
            }

            foreach (var service in backends.Select(b => b?.GetMapping("service")).OfType<YamlMapping>())
            {
                if (service.GetScalar("name") is { IsNull: false } name)
                {
                    var port = service.GetMapping("port");
                    yield return (resource.Namespace, name, port?.GetScalar("number") ?? port?.GetScalar("name"));
                }
            }
        }
        else if (resource.Kind == "IngressRoute" && resource.Group is "traefik.io" or "traefik.containo.us")
        {
            foreach (var route in PodReferences.Mappings(spec.GetSequence("routes")))
            {
                foreach (var service in PodReferences.Mappings(route.GetSequence("services")))
                {
                    if (service.GetString("kind") is { } kind && kind != "Service")
                    {
                        continue;
                    }

                    if (service.GetScalar("name") is { IsNull: false } name)
                    {
                        yield return (service.GetString("namespace") ?? resource.Namespace, name, service.GetScalar("port"));
                    }
                }
            }
        }
    }
}
