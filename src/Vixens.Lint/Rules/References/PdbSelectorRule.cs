using System.Globalization;
using System.Text;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2003: a PodDisruptionBudget selects pods, and leaves room for at least one voluntary eviction.</summary>
public sealed class PdbSelectorRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2003", "PodDisruptionBudgetMustSelectAndAllowEviction", "PodDisruptionBudget selects no pod or blocks every eviction",
        "PodDisruptionBudget \"{0}\" selects no pod: no pod template in namespace {1} has the labels {2}. It protects nothing.",
        "references", Severity.Warning,
        "A PodDisruptionBudget only protects the pods its selector matches; a selector that matches no workload of its namespace protects nothing (Vixens CI validate-pdb-selectors.py). The opposite mistake is as bad: maxUnavailable 0, or a minAvailable equal to the number of replicas (minAvailable 1 on a single replica, 100%), forbids every voluntary eviction, so node drains during Talos upgrades hang until someone deletes the PDB.",
        ["references", "pdb", "availability"]);

    private static readonly CompositeFormat BlocksMessage = CompositeFormat.Parse("PodDisruptionBudget \"{0}\" allows no voluntary eviction: {1}. Node drains (Talos upgrades, maintenance) hang on its pods until the budget is relaxed.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var pdb in context.Resources.Where(r => r.Kind == "PodDisruptionBudget" && r.Group == "policy"))
        {
            var spec = pdb.Root.GetMapping("spec");
            if (spec?.GetMapping("selector") is not { } selectorNode)
            {
                continue;
            }

            var selector = LabelSelector.FromStructured(selectorNode);
            var pods = ReferenceSupport.SelectedPods(context.EnvironmentIndex, pdb.Namespace, selector);
            if (pods.Count == 0)
            {
                if (ReferenceSupport.SelectsOperatorPods(selectorNode))
                {
                    continue;
                }

                if (!ReferenceSupport.MayTargetHelmObjects(context, pdb, pdb.Namespace, selectorNode))
                {
                    context.Report(Descriptor, pdb, selectorNode, pdb.Name, ReferenceSupport.NamespaceText(pdb.Namespace), ReferenceSupport.Describe(selector));
                }

                continue;
            }

            if (Blocking(spec, pods, context.EnvironmentIndex) is { } blocking)
            {
                var location = blocking.Node.EditLocation;
                var reason = blocking.Reason;
                if (SharedComponentEntry(context, pdb, location) is { } entry)
                {
                    // One finding per application at the line its owner edits, instead of all of them at the shared component.
                    location = entry.Span;
                    reason = reason.Insert(blocking.SettingLength, $" (set by the component \"{entry.Value}\" included here)");
                }

                context.Report(new Diagnostic(Descriptor, location, string.Format(CultureInfo.InvariantCulture, BlocksMessage, pdb.Name, reason), properties: RuleContext.PropertiesOf(pdb)));
            }
        }
    }

    /// <summary>
    /// When the blocking value comes from a patch inside a Kustomize Component that lives outside the PDB's overlay
    /// (a shared <c>poddisruptionbudget/1</c>), the overlay's entry that includes the component.
    /// </summary>
    private static YamlScalar? SharedComponentEntry(RuleContext context, KubeResource pdb, SourceSpan location)
    {
        if (context.RepositoryRoot is null || pdb.Origin is null || !KustomizationIndex.FileNames.Contains(Path.GetFileName(location.File)))
        {
            return null;
        }

        var overlay = Path.GetFullPath(Path.Combine(context.RepositoryRoot, pdb.Origin));
        var component = Path.GetDirectoryName(location.File)!;
        return Path.GetRelativePath(overlay, component).StartsWith("..", StringComparison.Ordinal)
            ? ComponentInclusion.FindEntry(overlay, component)
            : null;
    }

    private static (YamlScalar Node, string Reason, int SettingLength)? Blocking(YamlMapping spec, List<PodSpecView> pods, ResourceIndex index)
    {
        if (spec.GetScalar("maxUnavailable") is { IsNull: false } maxUnavailable)
        {
            var setting = $"maxUnavailable is {maxUnavailable.Value}";
            return maxUnavailable.Value is "0" or "0%" ? (maxUnavailable, setting, setting.Length) : null;
        }

        if (spec.GetScalar("minAvailable") is not { IsNull: false } minAvailable)
        {
            return null;
        }

        // The number of pods the budget covers; unknown when a matched workload has no fixed replica count (DaemonSet, Job…).
        long total = 0;
        foreach (var pod in pods)
        {
            if ((MaxScaledReplicas(index, pod.Owner) ?? ReferenceSupport.Replicas(pod.Owner)) is not { } replicas)
            {
                return null;
            }

            total += replicas;
        }

        if (total == 0)
        {
            return null;
        }

        long required;
        if (minAvailable.Value.EndsWith('%') && int.TryParse(minAvailable.Value.AsSpan(0, minAvailable.Value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            required = ((total * percent) + 99) / 100;
        }
        else if (ReferenceSupport.Int(minAvailable) is { } absolute)
        {
            required = absolute;
        }
        else
        {
            return null;
        }

        var workloads = string.Join(", ", pods.Select(p => p.Owner.Id.Display));
        var minimum = $"minAvailable {minAvailable.Value}";
        return required >= total
            ? (minAvailable, $"{minimum} needs {required} pod(s) up while {workloads} run(s) {total} replica(s) in total", minimum.Length)
            : null;
    }

    /// <summary>
    /// The most replicas an autoscaler (HorizontalPodAutoscaler, KEDA ScaledObject or HTTPScaledObject) may give the workload:
    /// the budget blocks every eviction only if it does so even then.
    /// </summary>
    private static long? MaxScaledReplicas(ResourceIndex index, KubeResource workload)
    {
        long? max = null;
        var ns = workload.Namespace;
        foreach (var scaler in index.OfKind("HorizontalPodAutoscaler", ns).Concat(index.OfKind("ScaledObject", ns)).Concat(index.OfKind("HTTPScaledObject", ns)))
        {
            var spec = scaler.Root.GetMapping("spec");
            var target = spec?.GetMapping("scaleTargetRef");
            if (spec is null || target is null || target.GetString("name") != workload.Name || (target.GetString("kind") is { } kind && kind != workload.Kind))
            {
                continue;
            }

            var value = scaler.Kind switch
            {
                "HorizontalPodAutoscaler" => ReferenceSupport.Int(spec["maxReplicas"]),
                "ScaledObject" => ReferenceSupport.Int(spec["maxReplicaCount"]) ?? 100,
                _ => ReferenceSupport.Int(spec.GetMapping("replicas")?["max"]) ?? 100,
            };
            max = Math.Max(max ?? 0, value ?? 0);
        }

        return max;
    }
}
