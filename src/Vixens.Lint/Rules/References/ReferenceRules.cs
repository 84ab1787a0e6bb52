namespace Vixens.Lint.Rules.References;

/// <summary>The cross-resource reference rules (VX2xxx).</summary>
public static class ReferenceRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new ServiceSelectorRule(),
        new IngressBackendRule(),
        new PdbSelectorRule(),
        new SecretReferenceRule(),
        new ConfigMapReferenceRule(),
        new PvcReferenceRule(),
        new ServiceAccountReferenceRule(),
        new PriorityClassReferenceRule(),
        new NetworkPolicySelectorRule(),
        new MonitorSelectorRule(),
        new UnconsumedManagedSecretRule(),
    ];
}
