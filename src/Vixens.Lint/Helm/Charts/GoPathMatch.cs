using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// Go's <c>path/filepath.Match</c> on <c>/</c>-separated names: <c>*</c> and <c>?</c> never cross a <c>/</c>,
/// <c>[a-z]</c> and <c>[^a-z]</c> are classes, <c>\</c> escapes. Used by <c>.helmignore</c> rules.
/// </summary>
internal static class GoPathMatch
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether the pattern is well formed (Go's <c>ErrBadPattern</c> otherwise).</summary>
    public static bool IsValid(string pattern) => Compile(pattern) is not null;

    /// <summary>Whether <paramref name="name"/> matches; a malformed pattern matches nothing.</summary>
    public static bool Match(string pattern, string name) => Compile(pattern)?.IsMatch(name) ?? false;

    private static Regex? Compile(string pattern) => Cache.GetOrAdd(pattern, static p =>
    {
        var regex = ToRegex(p);
        return regex is null ? null : new Regex(regex, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    });

    private static string? ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '\\':
                    if (++i >= pattern.Length)
                    {
                        return null;
                    }

                    sb.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                case '[':
                    var end = AppendClass(pattern, i, sb);
                    if (end < 0)
                    {
                        return null;
                    }

                    i = end;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.Append('$').ToString();
    }

    /// <summary>Appends a character class starting at <paramref name="start"/> ('['); returns the index of its ']', or -1.</summary>
    private static int AppendClass(string pattern, int start, StringBuilder sb)
    {
        var i = start + 1;
        var negate = i < pattern.Length && pattern[i] == '^';
        if (negate)
        {
            i++;
        }

        var body = new StringBuilder();
        var first = true;
        while (i < pattern.Length && (pattern[i] != ']' || first))
        {
            if (pattern[i] == ']' && first)
            {
                return -1; // Go: an empty class is a bad pattern
            }

            first = false;
            var lo = ReadClassChar(pattern, ref i);
            if (lo is null)
            {
                return -1;
            }

            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                var hi = ReadClassChar(pattern, ref i);
                if (hi is null || hi < lo)
                {
                    return -1;
                }

                body.Append(EscapeInClass(lo.Value)).Append('-').Append(EscapeInClass(hi.Value));
            }
            else
            {
                body.Append(EscapeInClass(lo.Value));
            }
        }

        if (i >= pattern.Length)
        {
            return -1;
        }

        // A negated class still never matches the separator.
        sb.Append(negate ? "[^/" : "[").Append(body).Append(']');
        return i;
    }

    private static char? ReadClassChar(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] == ']' || pattern[i] == '-')
        {
            return null;
        }

        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length)
            {
                return null;
            }
        }

        return pattern[i++];
    }

    private static string EscapeInClass(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();
}
