using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Sanity;

/// <summary>VX4103: a liveness probe that kills a container after less than 30 s, with no startupProbe to cover the start.</summary>
public sealed class ShortLivenessWithoutStartupRule : ContainerRule
{
    /// <summary>Below this, a container that is merely slow to start is killed before it can answer.</summary>
    public const int MinimumSeconds = 30;

    /// <summary>Vixens' bypass for check-startup-probe: the app is known to start fast.</summary>
    public const string FastStartAnnotation = "vixens.io/fast-start";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4103", "LivenessProbeNeedsStartupGrace", "Liveness probe gives a slow start too little time",
        "Container \"{0}\" is killed if its liveness probe fails for {1} s (initialDelaySeconds {2} + failureThreshold {3} × periodSeconds {4}) and it has no startupProbe; a slow start ends in a restart loop", "reliability", Severity.Warning,
        "Until a startupProbe succeeds the kubelet does not run the liveness probe. Without one, liveness starts at initialDelaySeconds and kills the container after failureThreshold × periodSeconds more. When that adds up to less than 30 seconds, a start slowed by a cold cache, a database migration, an image with a JIT or a busy node is killed before it can answer, and the pod loops in CrashLoopBackOff. Add a startupProbe (failureThreshold × periodSeconds covering the slowest start), or relax the liveness timing; Vixens' vixens.io/fast-start annotation marks apps known to start fast.",
        ["reliability", "probes"], precision: "medium");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        if (container.Node.GetMapping("livenessProbe") is not { } liveness || container.Node.ContainsKey("startupProbe"))
        {
            return;
        }

        // Kyverno's mutate-pod-annotations mirrors the label to the annotation, so either counts.
        if ((container.Pod.Annotations.TryGetValue(FastStartAnnotation, out var fast) && fast == "true")
            || (container.Pod.Labels.TryGetValue(FastStartAnnotation, out var fastLabel) && fastLabel == "true"))
        {
            return;
        }

        var settings = ProbeSettings.Read(liveness);
        if (settings.SecondsBeforeFailure >= MinimumSeconds)
        {
            return;
        }

        var at = (YamlNode?)container.Node.GetEntry("livenessProbe")?.Key ?? liveness;
        context.Report(Descriptor, container.Pod.Owner, at, container.Name, settings.SecondsBeforeFailure, settings.InitialDelaySeconds, settings.FailureThreshold, settings.PeriodSeconds);
    }
}
