using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Sanity;

/// <summary>VX4104: a container limit below its request (the API server rejects the pod).</summary>
public sealed class LimitBelowRequestRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4104", "LimitMustNotBeBelowRequest", "Resource limit is below the request",
        "Container \"{0}\" limits {1} to {2}, below its request of {3}; the API server rejects the pod (must be less than or equal to the limit)", "reliability", Severity.Error,
        "A request is what the scheduler reserves, a limit is the most the container may use; a request above its limit is contradictory and the API server rejects the object (\"must be less than or equal to … limit\"). For a Deployment the ReplicaSet cannot create pods at all, and ArgoCD shows the Application Degraded or the sync failing.",
        ["reliability", "resources"], precision: "very-high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override bool IncludeInitContainers => true;

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        var resources = container.Node.GetMapping("resources");
        var requests = resources?.GetMapping("requests");
        var limits = resources?.GetMapping("limits");
        if (requests is null || limits is null)
        {
            return;
        }

        foreach (var entry in limits.Entries)
        {
            if (entry.Value is not YamlScalar limitNode || requests.GetScalar(entry.Key.Value) is not { } requestNode
                || !Quantity.TryParse(limitNode.Value, out var limit) || !Quantity.TryParse(requestNode.Value, out var request))
            {
                continue;
            }

            if (limit < request)
            {
                context.Report(Descriptor, container.Pod.Owner, limitNode, container.Name, entry.Key.Value, limitNode.Value, requestNode.Value);
            }
        }
    }
}
