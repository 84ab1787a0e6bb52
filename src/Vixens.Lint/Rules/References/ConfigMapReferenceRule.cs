using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2005: every ConfigMap a pod uses is produced somewhere in the environment.</summary>
public sealed class ConfigMapReferenceRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2005", "ConsumedConfigMapMustBeProduced", "ConfigMap is used but produced nowhere",
        "{0} of {1} uses ConfigMap \"{2}\", which is not defined in namespace {3}. Pods fail with CreateContainerConfigError or stay ContainerCreating; if a Helm chart or an operator creates it, suppress with lint.vixens.io/suppress: \"VX2005\".",
        "references", Severity.Warning,
        "A ConfigMap referenced by env, envFrom, a configMap or projected volume must exist before the pod starts, in the pod's namespace. The ConfigMap kube-root-ca.crt, published in every namespace by Kubernetes, and references marked optional: true are not checked.",
        ["references", "configmap"]);

    private const string RootCa = "kube-root-ca.crt";

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        Func<string?, string, bool>? produced = null;
        foreach (var pod in context.Resources.Select(PodSpecView.Of).OfType<PodSpecView>())
        {
            foreach (var reference in PodReferences.ConfigMaps(pod))
            {
                if (reference.Optional || reference.Name == RootCa)
                {
                    continue;
                }

                produced ??= EnvironmentCache.Get(context.EnvironmentIndex, "configmaps", index => Producers.Lookup(Producers.ConfigMaps(index)));
                if (produced(pod.Owner.Namespace, reference.Name))
                {
                    continue;
                }

                context.Report(Descriptor, pod.Owner, reference.Node, SecretReferenceRule.Capitalize(reference.Via), pod.Owner.Id.Display, reference.Name, ReferenceSupport.NamespaceText(pod.Owner.Namespace));
            }
        }
    }
}
