using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Rules.Conventions;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Sanity;

/// <summary>
/// VX4106, VX4105 for Helm charts, which are not rendered offline: a values file that gives pods a
/// <c>vixens.io/sizing.&lt;container&gt;</c> label under <c>podLabels</c> (the usual chart key, at any depth) hands their
/// CPU limit to Kyverno's sizing-v2-mutate policy; when the environment deploys that policy and the size's limit is below
/// 50m the container is throttled, whatever <c>resources</c> the values set (the external-dns restarts of the Vixens PRD).
/// </summary>
public sealed class HelmValuesSizingRule : RepositoryRule
{
    private const int MaxDepth = 8;

    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4106", "HelmSizingLabelMustNotThrottle", "Helm values give pods a sizing label with a very low CPU limit",
        "Helm values of Application \"{0}\" label its pods {1}: {2}; Kyverno's " + SizingPolicy.PolicyName + " policy then gives container \"{3}\" a CPU limit of {4} (below {5}m) at admission, whatever resources the values set; it is throttled on every burst, which slows starts and fails probes", "reliability", Severity.Warning,
        "Helm charts are not rendered offline, but their values files are read. A vixens.io/sizing.<container> label given to the pods through podLabels hands the container's resources to Kyverno's sizing-v2-mutate policy, which replaces them at pod admission with the values of its table. When the environment deploys that policy and the size's CPU limit is below 50m (G-nano 5m, G-small 25m...), the container is throttled by the CFS quota: slow starts, probe timeouts and restarts, whatever resources the values file sets (VX4105 for rendered pods).",
        ["reliability", "resources", "helm"], precision: "medium");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void AnalyzeRepository(RepositoryContext context)
    {
        var policies = new Dictionary<string, SizingPolicy?>(StringComparer.Ordinal);
        foreach (var deployment in context.Deployments.Where(d => d.IsValuesFile && context.FileExists(d.Path)))
        {
            if (!policies.TryGetValue(deployment.Environment, out var policy))
            {
                var resources = context.Units.Where(u => u.Environment == deployment.Environment).SelectMany(u => u.Resources).ToList();
                policies[deployment.Environment] = policy = SizingPolicy.Of(new ResourceIndex(resources));
            }

            if (policy is null)
            {
                continue;
            }

            var values = YamlLoader.LoadFile(context.FullPath(deployment.Path));
            if (values.HasErrors || values.Documents.Count == 0 || values.Documents[0].Root is not YamlMapping root)
            {
                continue;
            }

            foreach (var labels in PodLabels(root))
            {
                foreach (var entry in labels.Entries)
                {
                    if (!entry.Key.Value.StartsWith(SizingPolicy.LabelPrefix, StringComparison.Ordinal) || entry.Value is not YamlScalar { IsNull: false } size
                        || SizingPolicy.IsVpaManaged(size.Value) || policy.CpuLimit(size.Value) is not { } limit
                        || limit.Nanos.Sign <= 0 || limit.MilliValue >= CpuLimitTooLowRule.MinimumMilliCpu)
                    {
                        continue;
                    }

                    var container = entry.Key.Value[SizingPolicy.LabelPrefix.Length..];
                    context.Report(new Diagnostic(
                        Descriptor,
                        size.Span,
                        Descriptor.FormatMessage(deployment.Application.Name, entry.Key.Value, size.Value, container, limit.ToString(), CpuLimitTooLowRule.MinimumMilliCpu),
                        properties: new Dictionary<string, string>(StringComparer.Ordinal) { ["application"] = deployment.Application.Name, ["environment"] = deployment.Environment }));
                }
            }
        }
    }

    /// <summary>Every <c>podLabels</c> mapping of the values, breadth-first to a bounded depth (charts nest per component).</summary>
    private static IEnumerable<YamlMapping> PodLabels(YamlMapping root)
    {
        var level = new List<YamlMapping> { root };
        for (var depth = 0; depth < MaxDepth && level.Count > 0; depth++)
        {
            var next = new List<YamlMapping>();
            foreach (var mapping in level)
            {
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value is not YamlMapping child)
                    {
                        continue;
                    }

                    if (entry.Key.Value == "podLabels")
                    {
                        yield return child;
                    }
                    else
                    {
                        next.Add(child);
                    }
                }
            }

            level = next;
        }
    }
}
