using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Rules.References;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Storage;

/// <summary>VX6001: a claim's <c>storageClassName</c> names a StorageClass of the environment.</summary>
public sealed class StorageClassExistsRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX6001", "StorageClassMustExist", "StorageClass does not exist",
        "{0} asks for StorageClass \"{1}\", which no StorageClass of the environment defines (known: {2}). The claim stays Pending and its pods are never scheduled.",
        "storage", Severity.Error,
        "A PersistentVolumeClaim (or a StatefulSet volumeClaimTemplate) naming a StorageClass that does not exist is never provisioned: it stays Pending, and so do the pods that mount it. In Vixens the classes come from apps/01-storage (synelia-iscsi-retain/-delete, synelia-iscsi-xfs-retain/-delete, local-path-retain/-delete). A claim without storageClassName uses the default class and is not checked; an environment that defines no StorageClass at all is not judged.",
        ["storage", "references", "storageclass"]);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        var defined = context.EnvironmentIndex.OfKind("StorageClass").Where(r => r.Group == "storage.k8s.io").Select(r => r.Name).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (defined.Count == 0)
        {
            return;
        }

        var known = string.Join(", ", defined.Order(StringComparer.Ordinal));
        foreach (var resource in context.Resources)
        {
            foreach (var (owner, className) in Requests(resource))
            {
                // An empty storageClassName asks for a pre-provisioned volume without a class: legitimate.
                if (className.Value.Length > 0 && !defined.Contains(className.Value))
                {
                    context.Report(Descriptor, resource, className, owner, className.Value, known);
                }
            }
        }
    }

    private static IEnumerable<(string Owner, YamlScalar ClassName)> Requests(KubeResource resource)
    {
        if (resource.Kind == "PersistentVolumeClaim" && resource.Group.Length == 0)
        {
            if (resource.Root.GetMapping("spec")?.GetScalar("storageClassName") is { IsNull: false } name)
            {
                yield return (resource.Id.Display, name);
            }
        }
        else if (resource.Kind == "StatefulSet")
        {
            foreach (var template in PodReferences.Mappings(resource.Root.GetMapping("spec")?.GetSequence("volumeClaimTemplates")))
            {
                if (template.GetMapping("spec")?.GetScalar("storageClassName") is { IsNull: false } name)
                {
                    yield return ($"volumeClaimTemplate \"{template.GetMapping("metadata")?.GetString("name")}\" of {resource.Id.Display}", name);
                }
            }
        }
    }
}
