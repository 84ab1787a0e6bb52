using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.Maturity;

/// <summary>Shared shape of the probe rules: long-running containers must declare a given probe.</summary>
public abstract class ProbeRule : ContainerRule
{
    /// <summary>Kyverno's mutate-sidecar-probes injects exec probes into containers with this name, so they pass in the cluster.</summary>
    private const string InjectedProbeContainer = "config-syncer";

    /// <summary>The Kyverno policy these checks mirror; a PolicyException for it exempts the matched pods.</summary>
    private const string RequireProbesPolicy = "require-probes";

    protected abstract DiagnosticDescriptor Descriptor { get; }

    protected abstract string ProbeField { get; }

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        // Run-to-completion pods and native sidecars are not probed by the kubelet the way services are.
        if (container.Pod.Owner.Kind is "Job" or "CronJob" || container.Kind != ContainerKind.Container)
        {
            return;
        }

        if (container.Name == InjectedProbeContainer || container.Node.ContainsKey(ProbeField))
        {
            return;
        }

        if (KyvernoPolicyExceptions.Exempts(context, RequireProbesPolicy, container.Pod.Owner))
        {
            return;
        }

        context.Report(Descriptor, container.Pod.Owner, container.Node.GetScalar("name") ?? (Yaml.YamlNode)container.Node, container.Name, container.Pod.Owner.Id.Display);
    }
}

/// <summary>VX4004 (Silver, VX-S02): long-running containers declare a readiness probe.</summary>
public sealed class ReadinessProbeRule : ProbeRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "VX4004", "ContainerMustHaveReadinessProbe", "Container has no readiness probe",
        "Container \"{0}\" of {1} has no readinessProbe; traffic reaches it before it is ready", "reliability", Severity.Warning,
        "Without a readiness probe a pod receives Service traffic as soon as its process starts, and keeps receiving it when it can no longer serve. Rolling updates then drop requests. Vixens maturity Silver (VX-S02) requires readinessProbe on every container.",
        ["reliability", "maturity", "probes"], MaturityTier.Silver);

    protected override DiagnosticDescriptor Descriptor => Rule;

    protected override string ProbeField => "readinessProbe";
}

/// <summary>VX4005 (Silver, VX-S03): long-running containers declare a liveness probe.</summary>
public sealed class LivenessProbeRule : ProbeRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "VX4005", "ContainerMustHaveLivenessProbe", "Container has no liveness probe",
        "Container \"{0}\" of {1} has no livenessProbe; a hung process is never restarted", "reliability", Severity.Warning,
        "Without a liveness probe the kubelet only restarts a container whose process exits; a deadlocked or hung process stays up forever. Vixens maturity Silver (VX-S03) requires livenessProbe on every container.",
        ["reliability", "maturity", "probes"], MaturityTier.Silver);

    protected override DiagnosticDescriptor Descriptor => Rule;

    protected override string ProbeField => "livenessProbe";
}
