using System.Text.RegularExpressions;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Masterminds/semver v3.3's constraints for <c>semverCompare</c>: alternatives split on <c>||</c>, each a list of
/// comparisons (<c>=</c>, <c>!=</c>, <c>&gt;</c>, <c>&lt;</c>, <c>&gt;=</c>/<c>=&gt;</c>, <c>&lt;=</c>/<c>=&lt;</c>,
/// <c>~</c>/<c>~&gt;</c>, <c>^</c>) with x-ranges and hyphen ranges; a prerelease version only matches a comparison
/// that names a prerelease.
/// </summary>
internal static class SemverConstraint
{
    private const string Ops = @"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";
    private const string Cv = @"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
    private const string S = @"[\t\n\f\r ]";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex One = new($@"^{S}*({Ops}){S}*({Cv}){S}*$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Range = new($@"{S}*({Cv}){S}+-{S}+({Cv}){S}*", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Find = new($@"({Ops}){S}*({Cv})", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Valid = new($@"^({S}*({Ops}){S}*({Cv}){S}*)((?:{S}+|,{S}*)({Ops}){S}*({Cv}){S}*)*$", RegexOptions.CultureInvariant, Timeout);

    private sealed record Comparison(string Op, SemverVersion Con, bool Dirty, bool MinorDirty, bool PatchDirty);

    /// <summary>Whether the version satisfies the constraint; Go's error for a constraint it cannot read.</summary>
    public static bool Check(string constraint, SemverVersion version)
    {
        var rewritten = Range.Replace(constraint, m => $">= {m.Groups[1].Value}, <= {m.Groups[11].Value} ", 1 << 20);
        var alternatives = new List<List<Comparison>>();
        foreach (var part in rewritten.Split("||"))
        {
            if (!Valid.IsMatch(part))
            {
                throw new GoFunctionException($"improper constraint: {part}");
            }

            var found = Find.Matches(part).Select(m => m.Value).ToList();
            if (found.Count == 0)
            {
                found.Add(part);
            }

            alternatives.Add(found.Select(Parse).ToList());
        }

        return alternatives.Any(all => all.All(c => Holds(version, c)));
    }

    private static Comparison Parse(string text)
    {
        if (text.Length == 0)
        {
            return new Comparison(string.Empty, SemverVersion.Parse("0.0.0"), true, false, false);
        }

        var m = One.Match(text);
        if (!m.Success)
        {
            throw new GoFunctionException($"improper constraint: {text}");
        }

        var major = m.Groups[3].Value;
        var minor = m.Groups[4].Value;
        var patch = m.Groups[5].Value;
        var pre = m.Groups[6].Value;
        bool dirty = false, minorDirty = false, patchDirty = false;
        var version = m.Groups[2].Value;
        if (IsX(major) || major.Length == 0)
        {
            version = "0.0.0" + pre;
            dirty = true;
        }
        else if (IsX(minor.TrimStart('.')) || minor.Length == 0)
        {
            version = major + ".0.0" + pre;
            dirty = minorDirty = true;
        }
        else if (IsX(patch.TrimStart('.')) || patch.Length == 0)
        {
            version = major + minor + ".0" + pre;
            dirty = patchDirty = true;
        }

        SemverVersion con;
        try
        {
            con = SemverVersion.Parse(version);
        }
        catch (GoFunctionException)
        {
            throw new GoFunctionException("constraint Parser Error");
        }

        return new Comparison(m.Groups[1].Value, con, dirty, minorDirty, patchDirty);
    }

    private static bool IsX(string s) => s is "x" or "X" or "*";

    private static bool Holds(SemverVersion v, Comparison c)
    {
        var op = c.Op;
        if (op != "!=" && v.Prerelease.Length > 0 && c.Con.Prerelease.Length == 0)
        {
            return false;
        }

        return op switch
        {
            "" or "=" => c.Dirty ? Tilde(v, c) : v.CompareTo(c.Con) == 0,
            "!=" => NotEqual(v, c),
            ">" => GreaterThan(v, c),
            "<" => v.CompareTo(c.Con) < 0,
            ">=" or "=>" => v.CompareTo(c.Con) >= 0,
            "<=" or "=<" => LessOrEqual(v, c),
            "~" or "~>" => Tilde(v, c),
            _ => Caret(v, c),
        };
    }

    private static bool NotEqual(SemverVersion v, Comparison c)
    {
        if (c.Dirty)
        {
            if (v.Prerelease.Length > 0 && c.Con.Prerelease.Length == 0)
            {
                return false;
            }

            if (c.Con.Major != v.Major)
            {
                return true;
            }

            if (c.Con.Minor != v.Minor && !c.MinorDirty)
            {
                return true;
            }

            if (c.MinorDirty)
            {
                return false;
            }

            if (c.Con.Patch != v.Patch && !c.PatchDirty)
            {
                return true;
            }

            if (c.PatchDirty)
            {
                return (v.Prerelease.Length > 0 || c.Con.Prerelease.Length > 0) && v.Prerelease != c.Con.Prerelease;
            }
        }

        return v.CompareTo(c.Con) != 0;
    }

    private static bool GreaterThan(SemverVersion v, Comparison c)
    {
        if (!c.Dirty)
        {
            return v.CompareTo(c.Con) > 0;
        }

        if (v.Major != c.Con.Major)
        {
            return v.Major > c.Con.Major;
        }

        if (c.MinorDirty)
        {
            return false;
        }

        return c.PatchDirty ? v.Minor > c.Con.Minor : v.CompareTo(c.Con) > 0;
    }

    private static bool LessOrEqual(SemverVersion v, Comparison c)
    {
        if (!c.Dirty)
        {
            return v.CompareTo(c.Con) <= 0;
        }

        if (v.Major > c.Con.Major)
        {
            return false;
        }

        return !(v.Major == c.Con.Major && v.Minor > c.Con.Minor && !c.MinorDirty);
    }

    private static bool Tilde(SemverVersion v, Comparison c)
    {
        if (v.CompareTo(c.Con) < 0)
        {
            return false;
        }

        if (c.Con.Major == 0 && c.Con.Minor == 0 && c.Con.Patch == 0 && !c.MinorDirty && !c.PatchDirty)
        {
            return true;
        }

        return v.Major == c.Con.Major && (v.Minor == c.Con.Minor || c.MinorDirty);
    }

    private static bool Caret(SemverVersion v, Comparison c)
    {
        if (v.CompareTo(c.Con) < 0)
        {
            return false;
        }

        if (c.Con.Major > 0 || c.MinorDirty)
        {
            return v.Major == c.Con.Major;
        }

        if (v.Major > 0)
        {
            return false;
        }

        if (c.Con.Minor > 0 || c.PatchDirty)
        {
            return v.Minor == c.Con.Minor;
        }

        return v.Minor <= 0 && c.Con.Patch == v.Patch;
    }
}
