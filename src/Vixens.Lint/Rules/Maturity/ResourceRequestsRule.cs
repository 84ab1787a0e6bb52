using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.Maturity;

/// <summary>VX4002 (Bronze, VX-B02): every container declares CPU and memory requests, or carries a sizing label.</summary>
public sealed class ResourceRequestsRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4002", "ContainerMustRequestResources", "Container has no CPU/memory requests",
        "Container \"{0}\" has no {1} request; set resources.requests or the pod label vixens.io/sizing.{0}", "reliability", Severity.Warning,
        "Without requests the scheduler places the pod blind and the kubelet evicts it first under pressure (BestEffort QoS). Vixens maturity Bronze (VX-B02) requires resources.requests.cpu and .memory on every container, or the vixens.io/sizing.<container> pod label from which Kyverno's sizing-v2 policy derives them.",
        ["reliability", "maturity", "resources"], MaturityTier.Bronze);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        if (ResourceFields.HasSizingLabel(container))
        {
            return;
        }

        var missing = ResourceFields.Missing(container, "requests");
        if (missing.Count > 0)
        {
            context.Report(Descriptor, container.Pod.Owner, ResourceFields.Anchor(container, "requests"), container.Name, string.Join(" and ", missing));
        }
    }
}
