using System.Text;
using System.Text.RegularExpressions;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// The three path-matching dialects the Git generator uses, each compiled to an anchored regular expression:
/// Go's <c>path.Match</c> (directories), git's pathspec as <c>git ls-files -- PATTERN</c> applies it (files, the
/// default) and doublestar (files with <c>applicationsetcontroller.enable.new.git.file.globbing</c>).
/// </summary>
internal static class PathPatterns
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Go's <c>path.Match</c>: <c>*</c> and <c>?</c> never cross <c>/</c>, <c>[^…]</c> negates, <c>\</c> escapes. A
    /// malformed pattern matches nothing (ArgoCD logs the error and skips the pattern). Null when malformed.
    /// </summary>
    public static Regex? GoPathMatch(string pattern) => Compile(pattern, Dialect.GoPath);

    /// <summary>
    /// git's pathspec without magic: the path itself, any path under it as a directory, or a wildmatch where <c>*</c>
    /// and <c>?</c> also match <c>/</c> (so <c>**</c> is just <c>*</c>). <c>.</c> and the empty pattern match every file.
    /// </summary>
    public static Func<string, bool> GitPathspec(string pattern)
    {
        var spec = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern;
        if (spec is "" or "." or "./")
        {
            return _ => true;
        }

        var literal = spec.TrimEnd('/');
        var hasWildcard = spec.AsSpan().IndexOfAny("*?[") >= 0;
        var wild = hasWildcard ? Compile(spec, Dialect.GitWildmatch) : null;
        return path =>
            string.Equals(path, literal, StringComparison.Ordinal) ||
            (path.Length > literal.Length && path.StartsWith(literal, StringComparison.Ordinal) && path[literal.Length] == '/') ||
            (wild is not null && wild.IsMatch(path));
    }

    /// <summary>doublestar's glob: <c>**</c> as a whole segment spans directories, <c>*</c> does not, <c>{a,b}</c> alternates.</summary>
    public static Regex? Doublestar(string pattern) => Compile(pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern, Dialect.Doublestar);

    private enum Dialect
    {
        GoPath,
        GitWildmatch,
        Doublestar,
    }

    private static Regex? Compile(string pattern, Dialect dialect)
    {
        var sb = new StringBuilder("^");
        var braceDepth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    if (dialect == Dialect.Doublestar && i + 1 < pattern.Length && pattern[i + 1] == '*' &&
                        (i == 0 || pattern[i - 1] == '/') && (i + 2 == pattern.Length || pattern[i + 2] == '/'))
                    {
                        // "**/" is zero or more directories; a final "**" is anything below.
                        if (i + 2 < pattern.Length)
                        {
                            sb.Append("(?:[^/]*(?:/[^/]*)*/)?");
                            i += 2;
                        }
                        else
                        {
                            sb.Append(".*");
                            i += 1;
                        }
                    }
                    else
                    {
                        while (i + 1 < pattern.Length && pattern[i + 1] == '*' && dialect != Dialect.GoPath)
                        {
                            i++;
                        }

                        sb.Append(dialect == Dialect.GitWildmatch ? ".*" : "[^/]*");
                    }

                    break;
                case '?':
                    sb.Append(dialect == Dialect.GitWildmatch ? "." : "[^/]");
                    break;
                case '[':
                    var end = ParseClass(pattern, i, dialect, sb);
                    if (end < 0)
                    {
                        return null;
                    }

                    i = end;
                    break;
                case '\\' when dialect != Dialect.GitWildmatch || i + 1 < pattern.Length:
                    if (i + 1 >= pattern.Length)
                    {
                        return null;
                    }

                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '{' when dialect == Dialect.Doublestar:
                    braceDepth++;
                    sb.Append("(?:");
                    break;
                case '}' when dialect == Dialect.Doublestar && braceDepth > 0:
                    braceDepth--;
                    sb.Append(')');
                    break;
                case ',' when dialect == Dialect.Doublestar && braceDepth > 0:
                    sb.Append('|');
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braceDepth != 0)
        {
            return null;
        }

        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
    }

    /// <summary>Translates a bracket class starting at <paramref name="start"/>; returns the index of its <c>]</c>, or -1.</summary>
    private static int ParseClass(string pattern, int start, Dialect dialect, StringBuilder sb)
    {
        var i = start + 1;
        var negate = false;
        if (i < pattern.Length && (pattern[i] == '^' || (dialect != Dialect.GoPath && pattern[i] == '!')))
        {
            negate = true;
            i++;
        }

        var body = new StringBuilder();
        var first = true;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == ']' && !(first && dialect == Dialect.GitWildmatch))
            {
                if (body.Length == 0)
                {
                    return -1;
                }

                sb.Append('[').Append(negate ? "^" : string.Empty);
                if (dialect != Dialect.GitWildmatch)
                {
                    // Go's classes never match the separator.
                    sb.Append(negate ? "/" : string.Empty);
                }

                sb.Append(body).Append(']');
                return i;
            }

            if (c == '\\')
            {
                if (++i >= pattern.Length)
                {
                    return -1;
                }

                c = pattern[i];
            }

            body.Append(c is '\\' or ']' or '[' or '^' ? "\\" + c : c.ToString());
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                var hi = pattern[i + 2];
                if (hi == '\\' && i + 3 < pattern.Length)
                {
                    hi = pattern[i + 3];
                    i++;
                }

                if (hi < c)
                {
                    return -1;
                }

                body.Append('-').Append(hi is '\\' or ']' or '[' or '^' ? "\\" + hi : hi.ToString());
                i += 2;
            }

            first = false;
        }

        return -1;
    }
}
