using System.Text.RegularExpressions;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Maturity;

/// <summary>
/// Kyverno <c>PolicyException</c> objects deployed in the same environment: the cluster skips the named policy for the
/// matched resources, so the check that mirrors that policy must pass for them too (e.g. the repository's
/// <c>synology-csi-probe-exception</c> lifts <c>require-probes</c> for the CSI pods, whose distroless sidecars have no
/// health endpoint). Rule names inside the policy are not compared: one rule mirrors one policy.
/// </summary>
internal static class KyvernoPolicyExceptions
{
    /// <summary>True when an exception for <paramref name="policyName"/> matches <paramref name="workload"/> or its pods.</summary>
    public static bool Exempts(RuleContext context, string policyName, KubeResource workload)
    {
        foreach (var exception in context.EnvironmentIndex.OfKind("PolicyException"))
        {
            if (!exception.Group.StartsWith("kyverno.io", StringComparison.Ordinal) || !NamesPolicy(exception, policyName))
            {
                continue;
            }

            var match = exception.Root.GetMapping("spec")?.GetMapping("match");
            var any = Blocks(match?.GetSequence("any"));
            var all = Blocks(match?.GetSequence("all"));
            if ((any.Count > 0 && any.Any(b => Matches(b, workload))) || (all.Count > 0 && all.All(b => Matches(b, workload))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesPolicy(KubeResource exception, string policyName) =>
        exception.Root.GetMapping("spec")?.GetSequence("exceptions")?.Items.OfType<YamlMapping>()
            .Any(e => e.GetString("policyName") == policyName) == true;

    private static List<YamlMapping> Blocks(YamlSequence? sequence) =>
        sequence?.Items.OfType<YamlMapping>().Select(b => b.GetMapping("resources")).OfType<YamlMapping>().ToList() ?? [];

    /// <summary>
    /// A resource filter matches the workload itself (its kind listed) or the pods it creates (<c>Pod</c> listed; a
    /// pod's name starts with its controller's name followed by a dash, or is the name of a bare Pod).
    /// </summary>
    private static bool Matches(YamlMapping filter, KubeResource workload)
    {
        var kinds = Strings(filter.GetSequence("kinds"));
        var asWorkload = kinds.Count == 0 || kinds.Contains(workload.Kind ?? string.Empty);
        var asPod = kinds.Contains("Pod");
        if (!asWorkload && !asPod)
        {
            return false;
        }

        var namespaces = Strings(filter.GetSequence("namespaces"));
        if (namespaces.Count > 0 && !namespaces.Any(n => Glob(n, workload.Namespace ?? string.Empty)))
        {
            return false;
        }

        var names = Strings(filter.GetSequence("names"));
        var name = workload.Name ?? string.Empty;
        var podName = workload.Kind == "Pod" ? name : name + "-0";
        return names.Count == 0 || names.Any(n => (asWorkload && Glob(n, name)) || (asPod && Glob(n, podName)));
    }

    private static List<string> Strings(YamlSequence? sequence) =>
        sequence?.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() ?? [];

    /// <summary>Kyverno's wildcards: <c>*</c> any run of characters, <c>?</c> one character.</summary>
    private static bool Glob(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
