using System.Text;
using System.Text.RegularExpressions;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Go's regexp (RE2 syntax) on .NET: the pattern is rewritten where the dialects differ (ASCII-only \d \w \s, <c>$</c>
/// as end of text, <c>(?P&lt;name&gt;</c>, <c>\z</c>), compiled with the non-backtracking engine when it accepts the
/// pattern (RE2 never backtracks), else with a match timeout. Replacement templates and "All" iteration follow Go.
/// </summary>
internal sealed class GoRegex
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private GoRegex(Regex regex) => Regex = regex;

    public Regex Regex { get; }

    /// <summary>regexp.Compile; the error is Go's "error parsing regexp: …" as far as .NET tells what is wrong.</summary>
    public static GoRegex Compile(string pattern)
    {
        var translated = Translate(pattern, multiline: Regex.IsMatch(pattern, @"\(\?[a-zA-Z]*m", RegexOptions.None, Timeout));
        try
        {
            return new GoRegex(new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Timeout));
        }
        catch (NotSupportedException)
        {
            return new GoRegex(new Regex(translated, RegexOptions.CultureInvariant, Timeout));
        }
        catch (ArgumentException e)
        {
            throw new GoFunctionException($"error parsing regexp: {Describe(e)}: `{pattern}`", e);
        }
    }

    /// <summary>regexp.MustCompile's panic text.</summary>
    public static GoRegex MustCompile(string pattern)
    {
        try
        {
            return Compile(pattern);
        }
        catch (GoFunctionException e)
        {
            throw new GoFunctionException($"regexp: Compile(`{pattern}`): {e.Message}", e);
        }
    }

    private static string Describe(ArgumentException e) => e is RegexParseException parse ? parse.Error switch
    {
        RegexParseError.InsufficientClosingParentheses => "missing closing )",
        RegexParseError.InsufficientOpeningParentheses => "unexpected )",
        RegexParseError.UnterminatedBracket => "missing closing ]",
        RegexParseError.QuantifierAfterNothing => "missing argument to repetition operator",
        RegexParseError.NestedQuantifiersNotParenthesized => "invalid nested repetition operator",
        RegexParseError.UnescapedEndingBackslash => "trailing backslash at end of expression",
        RegexParseError.ReversedCharacterRange => "invalid character class range",
        _ => "invalid regular expression",
    } : "invalid regular expression";

    /// <summary>Go's FindAll: at most n matches (all when n &lt; 0), an empty match right after a match skipped.</summary>
    public List<Match> FindAll(string s, int n)
    {
        var result = new List<Match>();
        if (n == 0)
        {
            return result;
        }

        var previousEnd = -1;
        try
        {
            foreach (Match m in Regex.Matches(s))
            {
                if (m.Length == 0 && m.Index == previousEnd)
                {
                    continue;
                }

                result.Add(m);
                previousEnd = m.Index + m.Length;
                if (n > 0 && result.Count == n)
                {
                    break;
                }
            }
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new GoFunctionException("regexp: match took too long", e);
        }

        return result;
    }

    /// <summary>Regexp.Split: the text between matches, at most n pieces.</summary>
    public List<string> Split(string s, int n)
    {
        if (n == 0)
        {
            return [];
        }

        if (Regex.ToString().Length > 0 && s.Length == 0)
        {
            return [string.Empty];
        }

        var pieces = new List<string>();
        int begin = 0, end = 0;
        foreach (var m in FindAll(s, n))
        {
            if (n > 0 && pieces.Count == n - 1)
            {
                break;
            }

            end = m.Index;
            if (m.Index + m.Length != 0)
            {
                pieces.Add(s[begin..end]);
            }

            begin = m.Index + m.Length;
        }

        if (end != s.Length)
        {
            pieces.Add(s[begin..]);
        }

        return pieces;
    }

    /// <summary>ReplaceAllString with Go's template: $1, ${1}, $name, ${name}, $$; a name is the longest run of word characters.</summary>
    public string ReplaceAll(string s, string template, bool literal)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (var m in FindAll(s, -1))
        {
            sb.Append(s, last, m.Index - last);
            if (literal)
            {
                sb.Append(template);
            }
            else
            {
                Expand(sb, template, m);
            }

            last = m.Index + m.Length;
        }

        sb.Append(s, last, s.Length - last);
        return sb.ToString();
    }

    private void Expand(StringBuilder sb, string template, Match m)
    {
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                sb.Append(c);
                continue;
            }

            if (template[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            string name;
            int next;
            if (template[i + 1] == '{')
            {
                var close = template.IndexOf('}', i + 2);
                name = close > 0 ? template[(i + 2)..close] : string.Empty;
                if (close < 0 || name.Length == 0 || !name.All(IsWordChar))
                {
                    sb.Append(c);
                    continue;
                }

                next = close + 1;
            }
            else
            {
                var j = i + 1;
                while (j < template.Length && IsWordChar(template[j]))
                {
                    j++;
                }

                if (j == i + 1)
                {
                    sb.Append(c);
                    continue;
                }

                name = template[(i + 1)..j];
                next = j;
            }

            var group = int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? (number < m.Groups.Count && Regex.GroupNumberFromName(number.ToString(System.Globalization.CultureInfo.InvariantCulture)) == number ? m.Groups[number] : null)
                : (Regex.GroupNumberFromName(name) >= 0 ? m.Groups[name] : null);
            if (group is { Success: true })
            {
                sb.Append(group.Value);
            }

            i = next - 1;
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Rewrites RE2 constructs whose meaning differs in .NET.</summary>
    private static string Translate(string pattern, bool multiline)
    {
        var sb = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var e = pattern[i + 1];
                i++;
                var replacement = e switch
                {
                    'd' => inClass ? "0-9" : "[0-9]",
                    'D' => inClass ? @"\x00-/:-\uFFFF" : "[^0-9]",
                    'w' => inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]",
                    'W' => inClass ? @"\x00-/:-@\[-\^`{-\uFFFF" : "[^0-9A-Za-z_]",
                    's' => inClass ? @"\t\n\f\r " : @"[\t\n\f\r ]",
                    'S' => inClass ? @"\x00-\x08\x0B\x0E-\x1F!-\uFFFF" : @"[^\t\n\f\r ]",
                    'z' => @"\z",
                    'Q' => null,
                    _ => "\\" + e,
                };
                if (replacement is null)
                {
                    var end = pattern.IndexOf(@"\E", i + 1, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[(i + 1)..] : pattern[(i + 1)..end];
                    sb.Append(Regex.Escape(literal));
                    i = end < 0 ? pattern.Length : end + 1;
                    continue;
                }

                sb.Append(replacement);
                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
                {
                    var end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    if (end > 0 && PosixClass(pattern[(i + 2)..end]) is { } posix)
                    {
                        sb.Append(posix);
                        i = end + 1;
                        continue;
                    }
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    sb.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        // A ']' first in a class is a literal in RE2.
                        sb.Append(@"\]");
                        i++;
                    }

                    break;
                case '$':
                    // Without (?m), RE2's $ matches only at the end of the text, not before a final line break.
                    sb.Append(multiline ? "$" : @"\z");
                    break;
                case '(' when pattern.AsSpan(i).StartsWith("(?P<"):
                    sb.Append("(?<");
                    i += 3;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string? PosixClass(string name) => name switch
    {
        "alnum" => "0-9A-Za-z",
        "alpha" => "A-Za-z",
        "ascii" => @"\x00-\x7F",
        "blank" => @"\t ",
        "cntrl" => @"\x00-\x1F\x7F",
        "digit" => "0-9",
        "graph" => @"!-~",
        "lower" => "a-z",
        "print" => @" -~",
        "punct" => @"!-/:-@\[-`{-~",
        "space" => @"\t\n\v\f\r ",
        "upper" => "A-Z",
        "word" => "0-9A-Za-z_",
        "xdigit" => "0-9A-Fa-f",
        _ => null,
    };
}
