using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2008: a pod's <c>priorityClassName</c> names a PriorityClass of the environment.</summary>
public sealed class PriorityClassReferenceRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2008", "PriorityClassMustExist", "PriorityClass does not exist",
        "{0} uses priorityClassName \"{1}\", which is not a PriorityClass of the environment. The API server rejects its pods, so the workload never starts.",
        "references", Severity.Error,
        "Pods naming a PriorityClass that does not exist are refused at admission (\"no PriorityClass with name … was found\"): the ReplicaSet or StatefulSet stays at zero pods. Vixens defines vixens-critical, vixens-high, vixens-medium and vixens-low in apps/_shared/priority-classes; the built-in system-cluster-critical and system-node-critical always exist.",
        ["references", "scheduling", "priority"]);

    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal) { "system-cluster-critical", "system-node-critical" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        var defined = context.EnvironmentIndex.OfKind("PriorityClass").Select(r => r.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // No PriorityClass at all in the environment: they are managed outside this repository; nothing can be judged.
        if (defined.Count == 0)
        {
            return;
        }

        foreach (var pod in context.Resources.Select(PodSpecView.Of).OfType<PodSpecView>())
        {
            if (pod.Spec.GetScalar("priorityClassName") is not { IsNull: false } name || name.Value.Length == 0
                || BuiltIn.Contains(name.Value) || defined.Contains(name.Value))
            {
                continue;
            }

            context.Report(Descriptor, pod.Owner, name, pod.Owner.Id.Display, name.Value);
        }
    }
}
