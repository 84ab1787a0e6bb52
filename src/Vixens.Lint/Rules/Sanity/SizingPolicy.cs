using System.Text.RegularExpressions;
using Vixens.Lint.Model;
using Vixens.Lint.Rules.References;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Sanity;

/// <summary>
/// Vixens' Kyverno <c>sizing-v2-mutate</c> ClusterPolicy, when the environment deploys it: at pod admission it replaces the
/// resources of every container labelled <c>vixens.io/sizing.&lt;container&gt;: &lt;MODE&gt;-&lt;size&gt;</c> with the
/// values of its table, whatever the manifest says. The CPU limits are read from the policy itself (its <c>cpuLim</c>
/// context variable, a chain of <c>sizingLabel == 'G-small' &amp;&amp; '25m'</c> terms), so the model follows the repository.
/// </summary>
internal sealed partial class SizingPolicy
{
    public const string PolicyName = "sizing-v2-mutate";

    public const string LabelPrefix = "vixens.io/sizing.";

    private readonly Dictionary<string, Quantity> _cpuLimits;

    private SizingPolicy(Dictionary<string, Quantity> cpuLimits) => _cpuLimits = cpuLimits;

    /// <summary>The environment's sizing policy, or null when it has none (or none this model can read).</summary>
    public static SizingPolicy? Of(ResourceIndex index) =>
        EnvironmentCache.Get(index, nameof(SizingPolicy), i => new Holder(Read(i))).Policy;

    /// <summary>The CPU limit the policy gives a container labelled <paramref name="size"/>; null for a label it ignores.</summary>
    public Quantity? CpuLimit(string size) => _cpuLimits.TryGetValue(size, out var limit) ? limit : null;

    /// <summary>
    /// <c>V-*</c> sizes are only a starting point: Vixens' <c>sizing-vpa-generate</c> policy gives those pods a VPA that
    /// rewrites requests and limits (<c>controlledValues: RequestsAndLimits</c>), so their limit is not a static fact.
    /// </summary>
    public static bool IsVpaManaged(string size) => size.StartsWith("V-", StringComparison.Ordinal);

    private static SizingPolicy? Read(ResourceIndex index)
    {
        var policy = index.OfKind("ClusterPolicy").FirstOrDefault(p => p.Group == "kyverno.io" && p.Name == PolicyName);
        if (policy is null)
        {
            return null;
        }

        var limits = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var context in Mappings(policy.Root).Where(m => m.GetString("name") == "cpuLim"))
        {
            if (context.GetMapping("variable")?.GetString("value") is not { } expression)
            {
                continue;
            }

            foreach (Match term in Term().Matches(expression))
            {
                if (Quantity.TryParse(term.Groups["limit"].Value, out var limit))
                {
                    limits.TryAdd(term.Groups["size"].Value, limit);
                }
            }
        }

        return limits.Count == 0 ? null : new SizingPolicy(limits);
    }

    /// <summary>Every mapping of the policy, without recursion (policies can be deep).</summary>
    private static IEnumerable<YamlMapping> Mappings(YamlNode root)
    {
        var stack = new Stack<YamlNode>([root]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlMapping mapping:
                    yield return mapping;
                    foreach (var entry in mapping.Entries)
                    {
                        stack.Push(entry.Value);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"sizingLabel\s*==\s*'(?<size>[A-Za-z0-9.-]+)'\s*&&\s*'(?<limit>[0-9.]+[a-zA-Z]*)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Term();

    /// <summary>The cache stores reference types; a policy may be absent.</summary>
    private sealed record Holder(SizingPolicy? Policy);
}
