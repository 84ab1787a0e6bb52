using System.Text.RegularExpressions;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// A patch or replacement target: group/version/kind/name/namespace as anchored regular expressions, plus label and
/// annotation selectors. Name and namespace match the original or the current value, as kustomize does.
/// </summary>
internal sealed class ResourceSelector
{
    private readonly Regex? _group, _version, _kind, _name, _namespace;
    private readonly string? _labelSelector, _annotationSelector;

    private readonly bool _anyId;

    /// <param name="anyId">Match name/namespace against every id the object has had (replacements), not only the original and current ones (patches).</param>
    /// <param name="exact">Compare values literally (replacements in kustomize v5.7.1) instead of as anchored regular expressions (patch targets).</param>
    public ResourceSelector(YamlMapping map, bool anyId = false, bool exact = false)
    {
        _anyId = anyId;
        Span = map.Span;
        _group = Compile(map.GetString("group"), map, exact);
        _version = Compile(map.GetString("version"), map, exact);
        _kind = Compile(map.GetString("kind"), map, exact);
        _name = Compile(map.GetString("name"), map, exact);
        _namespace = Compile(map.GetString("namespace"), map, exact);
        _labelSelector = map.GetString("labelSelector");
        _annotationSelector = map.GetString("annotationSelector");
    }

    public SourceSpan Span { get; }

    public bool Matches(Resource r)
    {
        IEnumerable<ResId> ids = _anyId ? r.AllIds : [r.OrgId, r.CurId];
        if (_namespace is not null && !ids.Any(id => _namespace.IsMatch(id.EffectiveNamespace)))
        {
            return false;
        }

        if (_name is not null && !ids.Any(id => _name.IsMatch(id.Name)))
        {
            return false;
        }

        var gvk = r.Gvk;
        if ((_group is not null && !_group.IsMatch(gvk.Group)) || (_version is not null && !_version.IsMatch(gvk.Version)) || (_kind is not null && !_kind.IsMatch(gvk.Kind)))
        {
            return false;
        }

        return LabelSelector.Matches(_labelSelector, r.Metadata?.GetMapping("labels"), Span)
            && LabelSelector.Matches(_annotationSelector, r.Metadata?.GetMapping("annotations"), Span);
    }

    public List<Resource> Select(ResourceList resources) => resources.Items.Where(Matches).ToList();

    private static Regex? Compile(string? pattern, YamlMapping at, bool exact)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }

        if (exact)
        {
            pattern = Regex.Escape(pattern);
        }

        try
        {
            return new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, at.Span, $"invalid target regular expression '{pattern}': {ex.Message}");
        }
    }
}

/// <summary>Kubernetes label selector syntax: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>.</summary>
internal static class LabelSelector
{
    public static bool Matches(string? selector, YamlMapping? labels, SourceSpan at)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return true;
        }

        foreach (var term in SplitTerms(selector))
        {
            if (!MatchesTerm(term.Trim(), labels, at))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> SplitTerms(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            if (selector[i] == '(')
            {
                depth++;
            }
            else if (selector[i] == ')')
            {
                depth--;
            }
            else if (selector[i] == ',' && depth == 0)
            {
                yield return selector[start..i];
                start = i + 1;
            }
        }

        yield return selector[start..];
    }

    private static bool MatchesTerm(string term, YamlMapping? labels, SourceSpan at)
    {
        string? Value(string key) => labels?.GetScalar(key) is { } s ? s.Value : null;
        var setMatch = Regex.Match(term, @"^([^\s!=]+)\s+(in|notin)\s*\((.*)\)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (setMatch.Success)
        {
            var values = setMatch.Groups[3].Value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            var actual = Value(setMatch.Groups[1].Value);
            return setMatch.Groups[2].Value == "in" ? actual is not null && values.Contains(actual) : actual is null || !values.Contains(actual);
        }

        var ne = term.IndexOf("!=", StringComparison.Ordinal);
        if (ne > 0)
        {
            return Value(term[..ne].Trim()) != term[(ne + 2)..].Trim();
        }

        var eq = term.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0)
        {
            var key = term[..eq].Trim();
            var value = term[(eq + 1)..].TrimStart('=').Trim();
            return Value(key) == value;
        }

        if (term.StartsWith('!'))
        {
            return Value(term[1..].Trim()) is null;
        }

        if (term.Length == 0)
        {
            throw new KustomizeException(KustomizeDescriptors.PatchFailed, at, "empty term in a label selector");
        }

        return Value(term) is not null;
    }
}
