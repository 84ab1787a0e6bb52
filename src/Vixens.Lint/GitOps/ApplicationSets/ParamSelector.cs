using Vixens.Lint.Diagnostics;
using System.Text.RegularExpressions;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// A generator's <c>selector</c> (matchLabels/matchExpressions) applied to flattened parameters, as ArgoCD's own copy
/// of <c>LabelSelectorAsSelector</c> does: keys must be qualified names (so <c>path[0]</c> cannot be selected on),
/// values are not restricted (so a cluster URL can be), operators are In, NotIn, Exists and DoesNotExist.
/// </summary>
internal sealed partial class ParamSelector
{
    private readonly List<(string Key, string Operator, IReadOnlyList<string> Values)> _requirements;

    private ParamSelector(List<(string, string, IReadOnlyList<string>)> requirements) => _requirements = requirements;

    /// <summary>Parses a selector mapping; throws <see cref="GeneratorException"/> where ArgoCD's parser fails.</summary>
    public static ParamSelector Parse(YamlMapping selector)
    {
        var requirements = new List<(string, string, IReadOnlyList<string>)>();
        foreach (var entry in selector.GetMapping("matchLabels")?.Entries ?? [])
        {
            var value = entry.Value is YamlScalar { IsNull: false } scalar ? scalar.Value : string.Empty;
            requirements.Add(Validate(entry.Key.Value, "In", [value], entry.Key.Span));
        }

        foreach (var expression in selector.GetSequence("matchExpressions")?.Items ?? [])
        {
            if (expression is not YamlMapping map)
            {
                throw new GeneratorException("error parsing label selector: a matchExpressions entry must be a mapping", expression.Span);
            }

            var op = map.GetString("operator") ?? string.Empty;
            if (op is not ("In" or "NotIn" or "Exists" or "DoesNotExist"))
            {
                throw new GeneratorException($"error parsing label selector: \"{op}\" is not a valid pod selector operator", map.Span);
            }

            var values = map.GetSequence("values")?.Items.Select(v => v is YamlScalar s ? s.Value : string.Empty).ToList() ?? [];
            requirements.Add(Validate(map.GetString("key") ?? string.Empty, op, values, map.Span));
        }

        requirements.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return new ParamSelector(requirements);
    }

    private static (string, string, IReadOnlyList<string>) Validate(string key, string op, List<string> values, SourceSpan span)
    {
        if (!IsQualifiedName(key))
        {
            throw new GeneratorException($"error parsing label selector: key: Invalid value: \"{key}\": a label selector key must be a qualified name (an optional DNS subdomain prefix and '/', then at most 63 alphanumeric characters, '-', '_' or '.', starting and ending alphanumeric)", span);
        }

        if (op is "In" or "NotIn" && values.Count == 0)
        {
            throw new GeneratorException("error parsing label selector: values: Invalid value: for 'in', 'notin' operators, values set can't be empty", span);
        }

        if (op is "Exists" or "DoesNotExist" && values.Count != 0)
        {
            throw new GeneratorException("error parsing label selector: values: Invalid value: values set must be empty for exists and does not exist", span);
        }

        return (key, op, values);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, op, values) in _requirements)
        {
            var has = labels.TryGetValue(key, out var actual);
            var ok = op switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                _ => !has,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Kubernetes' <c>IsQualifiedName</c>: <c>[prefix/]name</c>, name ≤ 63 characters, prefix a DNS subdomain ≤ 253.</summary>
    public static bool IsQualifiedName(string value)
    {
        var slash = value.Split('/');
        if (slash.Length > 2)
        {
            return false;
        }

        var name = slash[^1];
        if (slash.Length == 2 && (slash[0].Length == 0 || slash[0].Length > 253 || !DnsSubdomain().IsMatch(slash[0])))
        {
            return false;
        }

        return name.Length is > 0 and <= 63 && QualifiedNamePart().IsMatch(name);
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}
