using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2001: a Service's selector matches at least one pod template of its namespace.</summary>
public sealed class ServiceSelectorRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2001", "ServiceSelectorMustMatchPods", "Service selects no pod",
        "Service \"{0}\" selects no pod: no pod template in namespace {1} has the labels {2}. The Service has no endpoints and every connection to it fails.",
        "references", Severity.Warning,
        "A Service forwards traffic to the pods its selector matches. When no workload of the namespace carries those labels (a typo, a renamed app label, a workload moved to another namespace), the Service has no endpoints: clients get connection refused or 503 from the ingress, and Vixens' check-service-binding (VX-B03) fails for the app.",
        ["references", "service", "selector"]);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var service in context.Resources.Where(r => r.Kind == "Service" && r.Group.Length == 0))
        {
            var spec = service.Root.GetMapping("spec");
            if (spec is null || spec.GetString("type") == "ExternalName" || spec.GetMapping("selector") is not { Count: > 0 } selectorNode)
            {
                continue;
            }

            var selector = LabelSelector.FromMap(selectorNode);
            if (ReferenceSupport.SelectedPods(context.EnvironmentIndex, service.Namespace, selector).Count > 0)
            {
                continue;
            }

            if (ReferenceSupport.MayTargetHelmObjects(context, service, service.Namespace, selectorNode))
            {
                continue;
            }

            context.Report(Descriptor, service, selectorNode, service.Name, ReferenceSupport.NamespaceText(service.Namespace), ReferenceSupport.Describe(selector));
        }
    }
}
