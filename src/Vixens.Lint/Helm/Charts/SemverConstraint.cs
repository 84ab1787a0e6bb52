using System.Text.RegularExpressions;

namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// A Masterminds/semver v3 constraint (<c>&gt;=1.2.0 &lt;2</c>, <c>^1.2</c>, <c>~1.2.3</c>, <c>1.x</c>, <c>1.2 - 1.4</c>,
/// <c>a || b</c>), for Chart.yaml's <c>kubeVersion</c> and dependency versions (Helm's <c>IsCompatibleRange</c>).
/// </summary>
internal static partial class SemverConstraint
{
    [GeneratedRegex(@"^\s*(=>|=<|>=|<=|!=|~>|[=<>~^])?\s*v?([0-9xX*]+)(\.[0-9xX*]+)?(\.[0-9xX*]+)?(-[0-9A-Za-z\-.]+)?(\+[0-9A-Za-z\-.]+)?\s*$")]
    private static partial Regex Single();

    [GeneratedRegex(@"(=>|=<|>=|<=|!=|~>|[=<>~^])\s+")]
    private static partial Regex OperatorSpace();

    [GeneratedRegex(@"\s*,\s*|\s+")]
    private static partial Regex Separator();

    /// <summary>Helm's <c>IsCompatibleRange</c>: false when either side does not parse.</summary>
    public static bool IsCompatibleRange(string constraint, string version)
    {
        var v = SemVersion.TryParse(version);
        return v is not null && Matches(constraint, v) == true;
    }

    /// <summary>Whether <paramref name="version"/> satisfies the constraint; null when the constraint does not parse.</summary>
    public static bool? Matches(string constraint, SemVersion version)
    {
        var anyGroup = false;
        foreach (var group in constraint.Split("||"))
        {
            var text = OperatorSpace().Replace(group.Trim(), "$1");
            if (text.Length == 0)
            {
                return null;
            }

            var terms = ExpandHyphens(Separator().Split(text).Where(t => t.Length > 0).ToList());
            if (terms is null)
            {
                return null;
            }

            var all = true;
            foreach (var term in terms)
            {
                var ok = MatchTerm(term, version);
                if (ok is null)
                {
                    return null;
                }

                all &= ok.Value;
            }

            anyGroup |= all;
        }

        return anyGroup;
    }

    private static List<string>? ExpandHyphens(List<string> tokens)
    {
        var result = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i + 2 < tokens.Count && tokens[i + 1] == "-")
            {
                result.Add(">=" + tokens[i]);
                result.Add("<=" + tokens[i + 2]);
                i += 2;
                continue;
            }

            if (tokens[i] == "-")
            {
                return null;
            }

            result.Add(tokens[i]);
        }

        return result;
    }

    private static bool? MatchTerm(string term, SemVersion v)
    {
        var m = Single().Match(term);
        if (!m.Success)
        {
            return null;
        }

        var op = m.Groups[1].Value;
        var parts = new[] { m.Groups[2].Value, m.Groups[3].Success ? m.Groups[3].Value[1..] : null, m.Groups[4].Success ? m.Groups[4].Value[1..] : null };
        var pre = m.Groups[5].Success ? m.Groups[5].Value[1..] : string.Empty;
        var wildcardAt = Array.FindIndex(parts, p => p is null || p is "x" or "X" or "*");
        ulong Num(int i) => wildcardAt >= 0 && i >= wildcardAt ? 0 : ulong.Parse(parts[i]!, System.Globalization.CultureInfo.InvariantCulture);
        var c = new SemVersion(Num(0), Num(1), Num(2), pre, string.Empty);

        // A version with a prerelease only matches constraints that carry one themselves.
        if (v.Prerelease.Length > 0 && pre.Length == 0 && op != "!=")
        {
            return false;
        }

        var cmp = v.CompareTo(c);
        switch (op)
        {
            case "" or "=":
                return wildcardAt switch
                {
                    0 => true,
                    1 => v.Major == c.Major,
                    2 => v.Major == c.Major && v.Minor == c.Minor,
                    _ => cmp == 0,
                };
            case "!=":
                return wildcardAt switch
                {
                    0 => false,
                    1 => v.Major != c.Major,
                    2 => v.Major != c.Major || v.Minor != c.Minor,
                    _ => cmp != 0,
                };
            case ">":
                return wildcardAt switch
                {
                    0 => false,
                    1 => v.Major > c.Major,
                    2 => v.Major > c.Major || (v.Major == c.Major && v.Minor > c.Minor),
                    _ => cmp > 0,
                };
            case ">=" or "=>":
                return cmp >= 0;
            case "<":
                return cmp < 0;
            case "<=" or "=<":
                return wildcardAt switch
                {
                    1 => v.Major <= c.Major,
                    2 => v.Major < c.Major || (v.Major == c.Major && v.Minor <= c.Minor),
                    _ => cmp <= 0,
                };
            case "~" or "~>":
                if (cmp < 0)
                {
                    return false;
                }

                return wildcardAt == 1 ? v.Major == c.Major : v.Major == c.Major && v.Minor == c.Minor;
            case "^":
                if (cmp < 0)
                {
                    return false;
                }

                if (c.Major > 0 || wildcardAt == 1)
                {
                    return v.Major == c.Major;
                }

                if (c.Minor > 0 || wildcardAt == 2)
                {
                    return v.Major == 0 && v.Minor == c.Minor;
                }

                return v.Major == 0 && v.Minor == 0 && v.Patch == c.Patch;
            default:
                return null;
        }
    }
}
