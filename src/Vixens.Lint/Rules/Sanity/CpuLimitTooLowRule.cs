using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Sanity;

/// <summary>VX4105: a CPU limit so low the container is throttled all the time.</summary>
public sealed class CpuLimitTooLowRule : ContainerRule
{
    /// <summary>50m: five milliseconds of CPU per 100 ms CFS period.</summary>
    public const int MinimumMilliCpu = 50;

    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4105", "CpuLimitMustNotThrottle", "CPU limit is very low",
        "Container \"{0}\" has a CPU limit of {1} (below {2}m); it is throttled on every burst, which slows starts and fails probes", "reliability", Severity.Warning,
        "The CPU limit is enforced by CFS quota: with limits.cpu 20m a container gets 2 ms of CPU per 100 ms period and is paused for the rest. Starting, TLS handshakes, garbage collection and probe handlers then take many times longer, probes time out and the kubelet restarts the container. Limits below 50m are almost always a sizing mistake (millicores confused with cores, a copied request); raise the limit or remove it and keep the request.",
        ["reliability", "resources"], precision: "medium");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override bool IncludeInitContainers => true;

    private static readonly System.Text.CompositeFormat SizingMessage = System.Text.CompositeFormat.Parse(
        "Container \"{0}\" gets a CPU limit of {1} (below {2}m) from its pod label {3}: {4}, which Kyverno's " + SizingPolicy.PolicyName + " policy applies at admission over what the manifest says; it is throttled on every burst, which slows starts and fails probes");

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        // With Vixens' sizing policy in the environment, a sizing label decides the limit the container really runs with.
        if (SizingPolicy.Of(context.EnvironmentIndex) is { } policy
            && container.Pod.Template.GetMapping("metadata")?.GetMapping("labels")?.GetScalar(SizingPolicy.LabelPrefix + container.Name) is { IsNull: false } label
            && policy.CpuLimit(label.Value) is { } sized)
        {
            if (!SizingPolicy.IsVpaManaged(label.Value) && sized.Nanos.Sign > 0 && sized.MilliValue < MinimumMilliCpu)
            {
                var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, SizingMessage, container.Name, sized.ToString(), MinimumMilliCpu, SizingPolicy.LabelPrefix + container.Name, label.Value);
                context.Report(new Diagnostic(Descriptor, label.EditLocation, message, properties: RuleContext.PropertiesOf(container.Pod.Owner)));
            }

            return;
        }

        if (container.Node.GetMapping("resources")?.GetMapping("limits")?.GetScalar("cpu") is not { IsNull: false } cpu
            || !Quantity.TryParse(cpu.Value, out var limit))
        {
            return;
        }

        if (limit.Nanos.Sign > 0 && limit.MilliValue < MinimumMilliCpu)
        {
            context.Report(Descriptor, container.Pod.Owner, cpu, container.Name, cpu.Value, MinimumMilliCpu);
        }
    }
}
