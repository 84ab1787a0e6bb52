using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules.Maturity;

namespace Vixens.Lint.Rules;

/// <summary>Registration of everything built in, in one place (kube-linter's registry idea).</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new ImageTagPinnedRule(),
        new ResourceRequestsRule(),
        new ResourceLimitsRule(),
        new ReadinessProbeRule(),
        new LivenessProbeRule(),

        // Vixens maturity: cross-resource checks (the single-target ones are in RulePacks/vixens-maturity.rulepack.yaml).
        new ServiceTargetsPodRule(),
        new ServiceMonitorForScrapedPodRule(),
        new PodDisruptionBudgetRule(),
        new AutoscalerForOptInRule(),
        new StorageClassMatchesEnvironmentRule(),
        new InitContainerResourcesRule(),
        new NetworkPolicyForPodRule(),
        new SecretsFromInfisicalRule(),
    ];

    /// <summary>Descriptors reported by pipeline stages rather than by rules.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> PipelineDescriptors { get; } = [.. InputDescriptors.All, .. Suppressions.ConfigurationDescriptors.All];
}
