using Vixens.Lint.Yaml;

namespace Vixens.Lint.Model;

/// <summary>
/// A Kubernetes label selector: either a plain map (Service, ReplicationController) or
/// <c>matchLabels</c> + <c>matchExpressions</c> (Deployment, PDB, NetworkPolicy, ServiceMonitor…).
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyDictionary<string, string> _matchLabels;
    private readonly IReadOnlyList<(string Key, string Operator, IReadOnlyList<string> Values)> _expressions;

    private LabelSelector(IReadOnlyDictionary<string, string> matchLabels, IReadOnlyList<(string, string, IReadOnlyList<string>)> expressions, YamlNode node)
    {
        _matchLabels = matchLabels;
        _expressions = expressions;
        Node = node;
    }

    public YamlNode Node { get; }

    /// <summary>An empty selector: matches everything in a PDB/NetworkPolicy, nothing in a Service.</summary>
    public bool IsEmpty => _matchLabels.Count == 0 && _expressions.Count == 0;

    /// <summary>A plain map selector (<c>Service.spec.selector</c>).</summary>
    public static LabelSelector FromMap(YamlMapping map) => new(KubeResource.StringMap(map), [], map);

    /// <summary>A structured selector with <c>matchLabels</c>/<c>matchExpressions</c>.</summary>
    public static LabelSelector FromStructured(YamlMapping selector)
    {
        var expressions = new List<(string, string, IReadOnlyList<string>)>();
        foreach (var expression in selector.GetSequence("matchExpressions")?.Items.OfType<YamlMapping>() ?? [])
        {
            var values = expression.GetSequence("values")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() ?? [];
            expressions.Add((expression.GetString("key") ?? string.Empty, expression.GetString("operator") ?? "In", values));
        }

        return new LabelSelector(KubeResource.StringMap(selector.GetMapping("matchLabels")), expressions, selector);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in _matchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var (key, op, values) in _expressions)
        {
            var has = labels.TryGetValue(key, out var actual);
            var ok = op switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() =>
        string.Join(",", _matchLabels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")
            .Concat(_expressions.Select(e => $"{e.Key} {e.Operator} ({string.Join(",", e.Values)})")));
}
