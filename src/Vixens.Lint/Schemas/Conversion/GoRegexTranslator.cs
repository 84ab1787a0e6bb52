using System.Text;

namespace Vixens.Lint.Schemas.Conversion;

/// <summary>
/// CRD patterns are Go RE2 expressions; .NET accepts almost all of them. The one difference seen in real CRDs is the
/// one-letter Unicode class shorthand (<c>\pL</c>, <c>\PC</c>), which .NET only knows in braces (<c>\p{L}</c>).
/// </summary>
public static class GoRegexTranslator
{
    public static string ToDotNet(string pattern)
    {
        if (!pattern.Contains("\\p", StringComparison.Ordinal) && !pattern.Contains("\\P", StringComparison.Ordinal))
        {
            return pattern;
        }

        var result = new StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if ((next == 'p' || next == 'P') && i + 2 < pattern.Length && char.IsAsciiLetterUpper(pattern[i + 2]))
                {
                    result.Append('\\').Append(next).Append('{').Append(pattern[i + 2]).Append('}');
                    i += 2;
                    continue;
                }

                result.Append(c).Append(next);
                i++;
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
