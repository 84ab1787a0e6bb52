using Vixens.Lint.Rules.Maturity;

namespace Vixens.Lint.Rules;

/// <summary>Registration of the built-in C# rules, in one place (kube-linter's registry idea); the descriptors of the pipeline stages are in <see cref="PipelineDescriptors"/>.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new ImageTagPinnedRule(),
        new ResourceRequestsRule(),
        new ResourceLimitsRule(),
        new ReadinessProbeRule(),
        new LivenessProbeRule(),
        new Security.PlainTextSecretRule(),
        new Security.LiteralSecretEnvRule(),
        .. References.ReferenceRules.All,
        .. Storage.StorageRules.All,
        .. Drift.DriftRules.All,
        .. Sanity.SanityRules.All,
        .. Conventions.ConventionRules.All,
    ];

    /// <summary>
    /// The C# half of the built-in <c>vixens-maturity</c> pack: checks that join several resources. They load with the
    /// pack (settings <c>packs: [vixens-maturity]</c>); the single-target checks are in RulePacks/vixens-maturity.rulepack.yaml.
    /// </summary>
    public static IReadOnlyList<Rule> MaturityPackRules { get; } =
    [
        new ServiceTargetsPodRule(),
        new ServiceMonitorForScrapedPodRule(),
        new PodDisruptionBudgetRule(),
        new AutoscalerForOptInRule(),
        new StorageClassMatchesEnvironmentRule(),
        new InitContainerResourcesRule(),
        new NetworkPolicyForPodRule(),
        new SecretsFromInfisicalRule(),
    ];
}
