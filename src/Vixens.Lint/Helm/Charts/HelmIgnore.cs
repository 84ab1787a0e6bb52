namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// The rules of a chart's <c>.helmignore</c> (plus Helm's default <c>templates/.?*</c>), with Helm's semantics: a rule
/// without <c>/</c> matches the base name, <c>/x</c> and <c>a/b</c> match the whole relative path, <c>x/</c> only
/// directories, and a <c>!</c> rule ignores everything it does <em>not</em> match (Helm's reading, kept as is).
/// </summary>
internal sealed class HelmIgnore
{
    private readonly List<Rule> _rules = [];

    private HelmIgnore()
    {
    }

    /// <summary>Parses the file text; throws a <see cref="HelmException"/> for a rule Helm refuses.</summary>
    public static HelmIgnore Parse(string? text)
    {
        var rules = new HelmIgnore();
        if (text is not null)
        {
            foreach (var line in text.TrimStart('\uFEFF').Split('\n'))
            {
                rules.Add(line);
            }
        }

        rules.Add("templates/.?*");
        return rules;
    }

    /// <summary>Whether the chart-relative path (a directory when <paramref name="isDirectory"/>) is ignored.</summary>
    public bool Ignores(string path, bool isDirectory)
    {
        if (path.Length == 0 || path == "." || path == "./")
        {
            return false;
        }

        foreach (var rule in _rules)
        {
            if (rule.Negate)
            {
                if ((rule.DirectoryOnly && !isDirectory) || !rule.Matches(path))
                {
                    return true;
                }

                continue;
            }

            if (rule.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            if (rule.Matches(path))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(string line)
    {
        var rule = line.Trim();
        if (rule.Length == 0 || rule.StartsWith('#'))
        {
            return;
        }

        if (rule.Contains("**", StringComparison.Ordinal))
        {
            throw new HelmException("double-star (**) syntax is not supported");
        }

        if (!GoPathMatch.IsValid(rule))
        {
            throw new HelmException("syntax error in pattern");
        }

        var negate = rule.StartsWith('!');
        if (negate)
        {
            rule = rule[1..];
        }

        var directoryOnly = rule.EndsWith('/');
        if (directoryOnly)
        {
            rule = rule.TrimEnd('/');
        }

        var scope = rule.StartsWith('/') ? MatchScope.Path : rule.Contains('/') ? MatchScope.Path : MatchScope.BaseName;
        _rules.Add(new Rule(rule.TrimStart('/'), negate, directoryOnly, scope));
    }

    private enum MatchScope
    {
        BaseName,
        Path,
    }

    private sealed record Rule(string Pattern, bool Negate, bool DirectoryOnly, MatchScope Scope)
    {
        public bool Matches(string path) =>
            GoPathMatch.Match(Pattern, Scope == MatchScope.BaseName ? path[(path.LastIndexOf('/') + 1)..] : path);
    }
}
