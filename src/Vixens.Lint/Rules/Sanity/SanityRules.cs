namespace Vixens.Lint.Rules.Sanity;

/// <summary>VX41xx: probe and resource settings that are valid YAML but make pods restart, throttle or fail to start.</summary>
public static class SanityRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new LivenessEqualsReadinessRule(),
        new ProbeTimeoutRule(),
        new ShortLivenessWithoutStartupRule(),
        new LimitBelowRequestRule(),
        new CpuLimitTooLowRule(),
        new HelmValuesSizingRule(),
    ];
}
