using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2006: a pod's <c>persistentVolumeClaim.claimName</c> names a PVC of its namespace.</summary>
public sealed class PvcReferenceRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2006", "PersistentVolumeClaimMustExist", "PersistentVolumeClaim does not exist",
        "Volume \"{0}\" of {1} mounts PersistentVolumeClaim \"{2}\", which is not defined in namespace {3}. Its pods stay Pending until the claim exists.",
        "references", Severity.Error,
        "A pod whose volume names a missing PersistentVolumeClaim is never scheduled: it stays Pending with \"persistentvolumeclaim not found\". Claims created by a StatefulSet's volumeClaimTemplates (<template>-<statefulset>-<ordinal>) count as defined.",
        ["references", "storage", "pvc"]);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var pod in context.Resources.Select(PodSpecView.Of).OfType<PodSpecView>())
        {
            var ns = pod.Owner.Namespace;
            foreach (var (volume, claim) in PodReferences.Claims(pod))
            {
                if (context.EnvironmentIndex.Find("PersistentVolumeClaim", ns, claim.Value) is not null || IsTemplateClaim(context.EnvironmentIndex, ns, claim.Value))
                {
                    continue;
                }

                if (ReferenceSupport.IsHelmNamed(context.EnvironmentIndex, ns, claim.Value))
                {
                    continue;
                }

                context.Report(Descriptor, pod.Owner, claim, volume, pod.Owner.Id.Display, claim.Value, ReferenceSupport.NamespaceText(ns));
            }
        }
    }

    /// <summary>True when a StatefulSet of the namespace creates this claim from a volumeClaimTemplate (or the name is the template's own).</summary>
    internal static bool IsTemplateClaim(ResourceIndex index, string? @namespace, string claim)
    {
        foreach (var statefulSet in index.OfKind("StatefulSet", @namespace))
        {
            foreach (var template in PodReferences.Mappings(statefulSet.Root.GetMapping("spec")?.GetSequence("volumeClaimTemplates")))
            {
                var templateName = template.GetMapping("metadata")?.GetString("name");
                if (templateName is null)
                {
                    continue;
                }

                var prefix = $"{templateName}-{statefulSet.Name}-";
                if (claim == templateName || (claim.StartsWith(prefix, StringComparison.Ordinal) && claim[prefix.Length..].All(char.IsAsciiDigit) && claim.Length > prefix.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
