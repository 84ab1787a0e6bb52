using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Sanity;

/// <summary>VX4102: a probe's timeoutSeconds is not shorter than its periodSeconds.</summary>
public sealed class ProbeTimeoutRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4102", "ProbeTimeoutMustBeShorterThanPeriod", "Probe timeout is not shorter than its period",
        "{0} of container \"{1}\" has timeoutSeconds {2} and periodSeconds {3}; a slow answer overlaps the next probe, make the timeout shorter than the period", "reliability", Severity.Warning,
        "The kubelet starts a probe every periodSeconds and waits up to timeoutSeconds for it. A timeout equal to or longer than the period means a slow check is still running when the next one is due: failures are detected later than the settings suggest, and exec probes pile up processes in the container. Keep timeoutSeconds well below periodSeconds (defaults: 1 s and 10 s).",
        ["reliability", "probes"], precision: "high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override bool IncludeInitContainers => false;

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        foreach (var name in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            if (container.Node.GetMapping(name) is not { } probe)
            {
                continue;
            }

            var settings = ProbeSettings.Read(probe);
            if (settings.TimeoutSeconds >= settings.PeriodSeconds)
            {
                var at = (YamlNode?)probe.GetEntry("timeoutSeconds")?.Value ?? probe.GetEntry("periodSeconds")?.Value ?? probe;
                context.Report(Descriptor, container.Pod.Owner, at, name, container.Name, settings.TimeoutSeconds, settings.PeriodSeconds);
            }
        }
    }
}
