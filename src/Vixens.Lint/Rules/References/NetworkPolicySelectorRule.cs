using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2009: a NetworkPolicy or CiliumNetworkPolicy with a non-empty pod selector applies to some pod template.</summary>
public sealed class NetworkPolicySelectorRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2009", "NetworkPolicyMustSelectPods", "NetworkPolicy selects no pod",
        "{0} applies to no pod: no pod template in namespace {1} has the labels {2}. The pods it was written for are not isolated by it.",
        "references", Severity.Warning,
        "A NetworkPolicy (spec.podSelector) or a CiliumNetworkPolicy (spec.endpointSelector) only acts on the pods it selects. When no workload of its namespace carries the selected labels — a typo, a renamed app label, a chart that labels pods differently — the policy silently protects nothing and the intended isolation does not exist. An empty selector (all pods of the namespace) is not checked.",
        ["references", "networkpolicy", "security"]);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var policy in context.Resources)
        {
            foreach (var selectorNode in Selectors(policy))
            {
                var normalized = Normalize(selectorNode);
                var selector = LabelSelector.FromStructured(normalized);
                if (selector.IsEmpty || ReferenceSupport.SelectsOperatorPods(normalized) || ReferenceSupport.SelectedPods(context.EnvironmentIndex, policy.Namespace, selector).Count > 0)
                {
                    continue;
                }

                if (ReferenceSupport.MayTargetHelmObjects(context, policy, policy.Namespace, normalized))
                {
                    continue;
                }

                context.Report(Descriptor, policy, selectorNode, policy.Id.Display, ReferenceSupport.NamespaceText(policy.Namespace), ReferenceSupport.Describe(selector));
            }
        }
    }

    private static IEnumerable<YamlMapping> Selectors(KubeResource resource)
    {
        var spec = resource.Root.GetMapping("spec");
        if (resource.Kind == "NetworkPolicy" && resource.Group == "networking.k8s.io")
        {
            if (spec?.GetMapping("podSelector") is { } podSelector)
            {
                yield return podSelector;
            }
        }
        else if (resource.Kind == "CiliumNetworkPolicy" && resource.Group == "cilium.io")
        {
            var specs = new List<YamlMapping>();
            if (spec is not null)
            {
                specs.Add(spec);
            }

            specs.AddRange(PodReferences.Mappings(resource.Root.GetSequence("specs")));
            foreach (var endpointSelector in specs.Select(s => s.GetMapping("endpointSelector")).OfType<YamlMapping>())
            {
                // Selectors on Cilium's own identity labels (namespace, reserved:*) are not pod-template labels: not judged.
                var keys = (endpointSelector.GetMapping("matchLabels")?.Keys ?? [])
                    .Concat(PodReferences.Mappings(endpointSelector.GetSequence("matchExpressions")).Select(e => e.GetString("key") ?? string.Empty));
                if (keys.Any(IsCiliumIdentityKey))
                {
                    continue;
                }

                yield return endpointSelector;
            }
        }
    }

    private static bool IsCiliumIdentityKey(string key)
    {
        var bare = StripSource(key);
        return key.StartsWith("reserved:", StringComparison.Ordinal) || key.StartsWith("cidr:", StringComparison.Ordinal)
            || bare.StartsWith("io.kubernetes.", StringComparison.Ordinal) || bare.StartsWith("io.cilium.", StringComparison.Ordinal);
    }

    /// <summary>Cilium accepts <c>k8s:app</c> for <c>app</c>; drop the source prefix so the selector compares with pod labels.</summary>
    private static YamlMapping Normalize(YamlMapping selector)
    {
        if (!selector.Keys.Any() || selector.GetMapping("matchLabels") is not { } labels || !labels.Keys.Any(k => k.StartsWith("k8s:", StringComparison.Ordinal) || k.StartsWith("any:", StringComparison.Ordinal)))
        {
            return selector;
        }

        var copy = (YamlMapping)selector.DeepClone();
        foreach (var entry in copy.GetMapping("matchLabels")!.Entries)
        {
            entry.Key.Value = StripSource(entry.Key.Value);
        }

        return copy;
    }

    private static string StripSource(string key) =>
        key.StartsWith("k8s:", StringComparison.Ordinal) ? key[4..] : key.StartsWith("any:", StringComparison.Ordinal) ? key[4..] : key;
}
