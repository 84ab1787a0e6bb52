using System.Text;
using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>Sprig's regex functions (regex.go): plain forms panic on a bad pattern (regexMatch returns false), must forms return the error.</summary>
internal static class SprigRegex
{
    public static IEnumerable<GoFunction> All()
    {
        yield return new("regexMatch", [T.String, T.String], null, a => TryCompile(Str(a, 0)) is { } r && r.Regex.IsMatch(Str(a, 1)));
        yield return new("mustRegexMatch", [T.String, T.String], null, a => GoRegex.Compile(Str(a, 0)).Regex.IsMatch(Str(a, 1)));
        foreach (var must in new[] { false, true })
        {
            Func<string, GoRegex> compile = must ? GoRegex.Compile : GoRegex.MustCompile;
            var prefix = must ? "mustR" : "r";
            yield return new(prefix + "egexFindAll", [T.String, T.String, T.Int], null, a => compile(Str(a, 0)).FindAll(Str(a, 1), Int(a, 2)).Select(m => m.Value).ToList());
            yield return new(prefix + "egexFind", [T.String, T.String], null, a => compile(Str(a, 0)).FindAll(Str(a, 1), 1).Select(m => m.Value).FirstOrDefault() ?? string.Empty);
            yield return new(prefix + "egexReplaceAll", [T.String, T.String, T.String], null, a => compile(Str(a, 0)).ReplaceAll(Str(a, 1), Str(a, 2), literal: false));
            yield return new(prefix + "egexReplaceAllLiteral", [T.String, T.String, T.String], null, a => compile(Str(a, 0)).ReplaceAll(Str(a, 1), Str(a, 2), literal: true));
            yield return new(prefix + "egexSplit", [T.String, T.String, T.Int], null, a => compile(Str(a, 0)).Split(Str(a, 1), Int(a, 2)));
        }

        yield return new("regexQuoteMeta", [T.String], null, a => QuoteMeta(Str(a, 0)));
    }

    private static GoRegex? TryCompile(string pattern)
    {
        try
        {
            return GoRegex.Compile(pattern);
        }
        catch (GoFunctionException)
        {
            return null;
        }
    }

    private static string QuoteMeta(string s)
    {
        var sb = new StringBuilder(s.Length * 2);
        foreach (var c in s)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
