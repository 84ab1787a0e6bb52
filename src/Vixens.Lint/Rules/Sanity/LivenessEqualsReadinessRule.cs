using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.Sanity;

/// <summary>VX4101: the liveness probe runs the same check as the readiness probe.</summary>
public sealed class LivenessEqualsReadinessRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4101", "LivenessProbeMustDifferFromReadiness", "Liveness probe runs the same check as the readiness probe",
        "Container \"{0}\" uses the same check ({1}) for liveness and readiness, and liveness gives up as fast ({2} s vs {3} s); when a dependency fails the pod is restarted instead of only leaving the Service endpoints", "reliability", Severity.Warning,
        "Readiness answers \"can this pod serve now?\" and may depend on databases or upstream APIs; liveness answers \"is this process stuck?\" and must not. With the same check for both, an outage of a dependency makes the kubelet restart every replica in a loop (CrashLoopBackOff) instead of just taking them out of the Service until the dependency is back. Vixens saw this with external-dns-gandi (frequent restarts while the Gandi API was failing). Give liveness a cheap, local check (a /livez endpoint, a TCP socket) or a much larger failureThreshold. Sharing the check is accepted when liveness tolerates failures longer than readiness (failureThreshold × periodSeconds), so that readiness acts first.",
        ["reliability", "probes"], precision: "medium");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        if (container.Node.GetMapping("livenessProbe") is not { } liveness || container.Node.GetMapping("readinessProbe") is not { } readiness)
        {
            return;
        }

        var livenessSettings = ProbeSettings.Read(liveness);
        var readinessSettings = ProbeSettings.Read(readiness);
        var livenessHandler = livenessSettings.Handler;
        var readinessHandler = readinessSettings.Handler;

        // A TCP connect only proves the process listens: it never depends on anything else, so sharing it is harmless.
        if (livenessHandler is null || readinessHandler is null || livenessHandler.Key.Value == "tcpSocket"
            || livenessHandler.Key.Value != readinessHandler.Key.Value || !YamlEquality.AreEqual(livenessHandler.Value, readinessHandler.Value))
        {
            return;
        }

        // With a more tolerant liveness probe, readiness takes the pod out of the endpoints first: the usual, safe pattern.
        var livenessWindow = livenessSettings.FailureThreshold * livenessSettings.PeriodSeconds;
        var readinessWindow = readinessSettings.FailureThreshold * readinessSettings.PeriodSeconds;
        if (livenessWindow > readinessWindow)
        {
            return;
        }

        context.Report(Descriptor, container.Pod.Owner, livenessHandler.Key, container.Name, YamlEquality.Describe(livenessHandler), livenessWindow, readinessWindow);
    }
}
