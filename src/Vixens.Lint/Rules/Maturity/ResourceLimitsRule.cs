using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.Maturity;

/// <summary>VX4003 (Silver, VX-S01): every container declares CPU and memory limits, or carries a sizing label.</summary>
public sealed class ResourceLimitsRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4003", "ContainerMustLimitResources", "Container has no CPU/memory limits",
        "Container \"{0}\" has no {1} limit; set resources.limits or the pod label vixens.io/sizing.{0}", "reliability", Severity.Warning,
        "A container without limits can take a whole node's memory or CPU and starve its neighbours; a memory leak then kills other workloads instead of itself. Vixens maturity Silver (VX-S01) requires resources.limits.cpu and .memory, or the vixens.io/sizing.<container> pod label.",
        ["reliability", "maturity", "resources"], MaturityTier.Silver);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        if (ResourceFields.HasSizingLabel(container))
        {
            return;
        }

        var missing = ResourceFields.Missing(container, "limits");
        if (missing.Count > 0)
        {
            context.Report(Descriptor, container.Pod.Owner, ResourceFields.Anchor(container, "limits"), container.Name, string.Join(" and ", missing));
        }
    }
}
