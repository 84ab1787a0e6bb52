using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Vixens.Lint.Helm.Objects;

/// <summary>
/// The glob syntax of <c>.Files.Glob</c> (gobwas/glob with <c>/</c> as separator): <c>*</c> and <c>?</c> stay within a
/// path segment, <c>**</c> crosses them, <c>[a-z]</c>/<c>[!a-z]</c> classes, <c>{a,b}</c> alternatives, <c>\</c> escapes.
/// A pattern that does not compile matches everything (Helm falls back to <c>**</c>).
/// </summary>
internal static class FileGlob
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    public static bool Match(string pattern, string name) => Cache.GetOrAdd(pattern, Compile)?.IsMatch(name) ?? true;

    private static Regex? Compile(string pattern)
    {
        var sb = new StringBuilder("^");
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
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
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        return null;
                    }

                    var body = pattern[(i + 1)..end];
                    var negate = body.StartsWith('!');
                    if (negate)
                    {
                        body = body[1..];
                    }

                    sb.Append(negate ? "[^" : "[").Append(body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                case '{':
                    depth++;
                    sb.Append("(?:");
                    break;
                case '}' when depth > 0:
                    depth--;
                    sb.Append(')');
                    break;
                case ',' when depth > 0:
                    sb.Append('|');
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (depth != 0)
        {
            return null;
        }

        try
        {
            return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
