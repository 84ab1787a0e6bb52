using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// What libyaml's emitter (and so go-yaml v2's) works out about a string before choosing its style: whether it may be
/// plain, single-quoted or a block scalar, from its indicators, leading/trailing spaces and breaks, and characters
/// outside the printable set.
/// </summary>
internal readonly record struct GoYamlScalarAnalysis(bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed)
{
    public static GoYamlScalarAnalysis Analyze(string value)
    {
        if (value.Length == 0)
        {
            return new GoYamlScalarAnalysis(false, true, true, false);
        }

        var runes = value.EnumerateRunes().ToArray();
        var blockIndicators = value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal);
        bool lineBreaks = false, special = false, leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        var precededByWhitespace = true;
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i].Value;
            var followedByWhitespace = i + 1 >= runes.Length || IsBlank(runes[i + 1]);
            if (i == 0)
            {
                switch (c)
                {
                    case '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`':
                        blockIndicators = true;
                        break;
                    case '?' or ':' or '-' when followedByWhitespace:
                        blockIndicators = true;
                        break;
                }
            }
            else
            {
                if (c == ':' && followedByWhitespace)
                {
                    blockIndicators = true;
                }
                else if (c == '#' && precededByWhitespace)
                {
                    blockIndicators = true;
                }
            }

            if (!IsPrintable(runes[i]))
            {
                special = true;
            }

            if (c == ' ')
            {
                leadingSpace |= i == 0;
                trailingSpace |= i == runes.Length - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            }
            else if (IsBreak(runes[i]))
            {
                lineBreaks = true;
                leadingBreak |= i == 0;
                trailingBreak |= i == runes.Length - 1;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = false;
                previousBreak = false;
            }

            precededByWhitespace = IsBlank(runes[i]);
        }

        var plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
        var single = !(breakSpace || spaceBreak || special);
        var block = !(trailingSpace || spaceBreak || special);
        return new GoYamlScalarAnalysis(lineBreaks, plain, single, block);
    }

    /// <summary>YAML's printable set as libyaml tests it on UTF-8: LF, ASCII graphics, U+00A0..U+D7FF, U+E000..U+FFFD but no BOM (nothing past U+FFFF).</summary>
    public static bool IsPrintable(Rune r)
    {
        var c = r.Value;
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    /// <summary>LF, CR, NEL, LS and PS.</summary>
    public static bool IsBreak(Rune r) => r.Value is '\n' or '\r' or 0x85 or 0x2028 or 0x2029;

    private static bool IsBlank(Rune r) => r.Value is ' ' or '\t' || IsBreak(r);
}
