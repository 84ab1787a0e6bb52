using System.Text;

namespace Vixens.Lint.Kustomize.Output;

/// <summary>
/// libyaml's scan of a scalar before choosing how to write it: which styles (plain, single-quoted, literal block)
/// can represent the text without changing its meaning. Only the block context matters for kustomize output.
/// </summary>
internal readonly record struct ScalarAnalysis(bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed)
{
    public static ScalarAnalysis Of(string value)
    {
        if (value.Length == 0)
        {
            return new ScalarAnalysis(false, true, true, false);
        }

        var blockIndicators = value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal);
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        bool lineBreaks = false, specialCharacters = false;

        var runes = new List<Rune>(value.Length);
        foreach (var r in value.EnumerateRunes())
        {
            runes.Add(r);
        }

        var precededByWhitespace = true;
        var followedByWhitespace = runes.Count < 2 || IsBlankOrBreak(runes[1].Value);
        for (var i = 0; i < runes.Count; i++)
        {
            var c = runes[i].Value;
            var first = i == 0;
            var last = i == runes.Count - 1;
            if (first)
            {
                if (c is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
                {
                    blockIndicators = true;
                }

                if (c is '?' or ':' && followedByWhitespace)
                {
                    blockIndicators = true;
                }

                if (c == '-' && followedByWhitespace)
                {
                    blockIndicators = true;
                }
            }
            else
            {
                if (c == ':' && followedByWhitespace)
                {
                    blockIndicators = true;
                }

                if (c == '#' && precededByWhitespace)
                {
                    blockIndicators = true;
                }
            }

            if (!IsPrintable(c))
            {
                specialCharacters = true;
            }

            if (IsBreak(c))
            {
                lineBreaks = true;
            }

            if (c == ' ')
            {
                if (first)
                {
                    leadingSpace = true;
                }

                if (last)
                {
                    trailingSpace = true;
                }

                if (previousBreak)
                {
                    breakSpace = true;
                }

                previousSpace = true;
                previousBreak = false;
            }
            else if (IsBreak(c))
            {
                if (first)
                {
                    leadingBreak = true;
                }

                if (last)
                {
                    trailingBreak = true;
                }

                if (previousSpace)
                {
                    spaceBreak = true;
                }

                previousBreak = true;
                previousSpace = false;
            }
            else
            {
                previousSpace = false;
                previousBreak = false;
            }

            precededByWhitespace = IsBlankOrBreak(c);
            followedByWhitespace = i + 2 >= runes.Count || IsBlankOrBreak(runes[i + 2].Value);
        }

        bool blockPlain = true, single = true, block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        {
            blockPlain = false;
        }

        if (trailingSpace)
        {
            block = false;
        }

        if (breakSpace)
        {
            blockPlain = false;
            single = false;
        }

        if (spaceBreak || specialCharacters)
        {
            blockPlain = false;
            single = false;
            block = false;
        }

        if (lineBreaks)
        {
            blockPlain = false;
        }

        if (blockIndicators)
        {
            blockPlain = false;
        }

        return new ScalarAnalysis(lineBreaks, blockPlain, single, block);
    }

    public static bool IsBreak(int c) => c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    private static bool IsBlankOrBreak(int c) => c is ' ' or '\t' || IsBreak(c);

    /// <summary>go-yaml v2's printable set: a tab, NEL and any character outside the BMP (emoji) are not printable, so such strings are double-quoted with escapes.</summary>
    public static bool IsPrintable(int c) =>
        c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}
