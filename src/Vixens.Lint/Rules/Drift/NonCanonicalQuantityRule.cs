using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Drift;

/// <summary>VX3101: a quantity not written in the canonical form the API server stores (<c>1000m</c> → <c>1</c>).</summary>
public sealed class NonCanonicalQuantityRule : ResourceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX3101", "QuantityMustBeCanonical", "Quantity is not in the canonical form the API server stores",
        "{0} is \"{1}\", which the API server stores as \"{2}\"; write \"{2}\" so ArgoCD does not see a difference", "gitops", Severity.Warning,
        "The API server parses every resource quantity and stores it in canonical form (1000m becomes 1, 0.5 becomes 500m, 1024Mi becomes 1Gi). ArgoCD compares the manifest in Git with the live object; where it does not normalise quantities itself (custom resources, StatefulSet volume claim templates, some diff modes) the Application stays OutOfSync forever and self-heal re-applies in a loop. Writing the canonical value removes the difference at its source.",
        ["gitops", "argocd", "drift", "resources"], precision: "high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeResource(KubeResource resource, RuleContext context)
    {
        foreach (var field in QuantityFields(resource))
        {
            if (field.Node is not YamlScalar scalar || !Quantity.TryParse(scalar.Value, out var quantity) || quantity.IsCanonical)
            {
                continue;
            }

            if (context.IsDiffIgnored(resource, field.Path))
            {
                continue;
            }

            context.Report(Descriptor, resource, scalar, field.Display, scalar.Value, quantity.ToCanonicalString());
        }
    }

    /// <summary>Every field of the object that holds a <c>resource.Quantity</c>.</summary>
    public static IEnumerable<FieldRef> QuantityFields(KubeResource resource)
    {
        var root = resource.Root;
        if (PodSpecView.Of(resource) is { } pod)
        {
            var specPath = FieldPaths.PathOf(pod);
            foreach (var (container, path) in FieldPaths.Containers(pod))
            {
                foreach (var field in ResourceRequirements(container.Node.GetMapping("resources"), FieldPaths.Append(path, "resources")))
                {
                    yield return field;
                }
            }

            // Pod-level resources (Kubernetes 1.34) and emptyDir size limits.
            foreach (var field in ResourceRequirements(pod.Spec.GetMapping("resources"), FieldPaths.Append(specPath, "resources")))
            {
                yield return field;
            }

            foreach (var (volume, path) in FieldPaths.Items(pod.Spec.GetSequence("volumes"), FieldPaths.Append(specPath, "volumes")))
            {
                if (volume.GetMapping("emptyDir")?.GetScalar("sizeLimit") is { IsNull: false } sizeLimit)
                {
                    yield return new FieldRef(sizeLimit, FieldPaths.Append(path, "emptyDir", "sizeLimit"));
                }
            }
        }

        var spec = root.GetMapping("spec");
        switch (resource.Kind)
        {
            case "PersistentVolumeClaim" when resource.Group.Length == 0:
                foreach (var field in ResourceRequirements(spec?.GetMapping("resources"), ["spec", "resources"]))
                {
                    yield return field;
                }

                break;
            case "PersistentVolume" when resource.Group.Length == 0:
                foreach (var field in FieldPaths.ScalarEntries(spec?.GetMapping("capacity"), ["spec", "capacity"]))
                {
                    yield return field;
                }

                break;
            case "StatefulSet":
                foreach (var (template, path) in FieldPaths.Items(spec?.GetSequence("volumeClaimTemplates"), ["spec", "volumeClaimTemplates"]))
                {
                    foreach (var field in ResourceRequirements(template.GetMapping("spec")?.GetMapping("resources"), FieldPaths.Append(path, "spec", "resources")))
                    {
                        yield return field;
                    }
                }

                break;
            case "ResourceQuota" when resource.Group.Length == 0:
                foreach (var field in FieldPaths.ScalarEntries(spec?.GetMapping("hard"), ["spec", "hard"]))
                {
                    yield return field;
                }

                break;
            case "LimitRange" when resource.Group.Length == 0:
                foreach (var (limit, path) in FieldPaths.Items(spec?.GetSequence("limits"), ["spec", "limits"]))
                {
                    foreach (var section in new[] { "max", "min", "default", "defaultRequest", "maxLimitRequestRatio" })
                    {
                        foreach (var field in FieldPaths.ScalarEntries(limit.GetMapping(section), FieldPaths.Append(path, section)))
                        {
                            yield return field;
                        }
                    }
                }

                break;
        }
    }

    private static IEnumerable<FieldRef> ResourceRequirements(YamlMapping? resources, IReadOnlyList<string> path)
    {
        foreach (var section in new[] { "requests", "limits" })
        {
            foreach (var field in FieldPaths.ScalarEntries(resources?.GetMapping(section), FieldPaths.Append(path, section)))
            {
                yield return field;
            }
        }
    }
}
