using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// huandu/xstrings' case conversions as Sprig's <c>camelcase</c>, <c>snakecase</c> and <c>kebabcase</c> use them:
/// words are runs of upper-case, lower-case, digits, punctuation or connectors ('-', '_', spaces).
/// </summary>
internal static class GoCaseConversion
{
    private enum WordType
    {
        Invalid,
        Number,
        UpperCase,
        Alphabet,
        Connector,
        Punct,
        Other,
    }

    /// <summary>ToPascalCase: connectors dropped, the first letter and each letter after a connector upper-cased.</summary>
    public static string ToPascalCase(string s)
    {
        var runes = s.EnumerateRunes().ToArray();
        if (runes.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        var i = 0;
        Rune current = default;
        var found = false;
        while (i < runes.Length)
        {
            current = runes[i++];
            if (!IsConnector(current))
            {
                current = Rune.ToUpperInvariant(current);
                found = true;
                break;
            }

            sb.Append(current.ToString());
        }

        if (i >= runes.Length)
        {
            if (found)
            {
                sb.Append(current.ToString());
            }

            return sb.ToString();
        }

        while (i < runes.Length)
        {
            var previous = current;
            current = runes[i++];
            if (IsConnector(current) && IsConnector(previous))
            {
                sb.Append(previous.ToString());
                continue;
            }

            if (IsConnector(previous))
            {
                current = Rune.ToUpperInvariant(current);
            }
            else
            {
                sb.Append(previous.ToString());
            }
        }

        sb.Append(current.ToString());
        return sb.ToString();
    }

    public static string ToSnakeCase(string s) => ToLowerCaseWords(s, new Rune('_'));

    public static string ToKebabCase(string s) => ToLowerCaseWords(s, new Rune('-'));

    private static string ToLowerCaseWords(string s, Rune connector)
    {
        var runes = s.EnumerateRunes().ToArray();
        if (runes.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        var pos = 0;
        var (wt, word) = NextWord(runes, ref pos);
        while (pos < runes.Length)
        {
            if (wt != WordType.Connector)
            {
                AppendLower(sb, wt, word, connector);
            }

            var prev = wt;
            var last = word;
            (wt, word) = NextWord(runes, ref pos);
            switch (prev)
            {
                case WordType.Number:
                    while (wt is WordType.Alphabet or WordType.Number)
                    {
                        AppendLower(sb, wt, word, connector);
                        (wt, word) = NextWord(runes, ref pos);
                    }

                    if (wt is not (WordType.Invalid or WordType.Punct or WordType.Connector))
                    {
                        sb.Append(connector.ToString());
                    }

                    break;
                case WordType.Connector:
                    AppendLower(sb, prev, last, connector);
                    break;
                case WordType.Punct:
                    break;
                default:
                    if (wt != WordType.Number)
                    {
                        if (wt is not (WordType.Connector or WordType.Punct))
                        {
                            sb.Append(connector.ToString());
                        }

                        break;
                    }

                    if (pos >= runes.Length)
                    {
                        break;
                    }

                    var number = word;
                    (wt, word) = NextWord(runes, ref pos);
                    if (wt != WordType.Alphabet)
                    {
                        AppendLower(sb, WordType.Number, number, connector);
                        if (wt is not (WordType.Connector or WordType.Punct))
                        {
                            sb.Append(connector.ToString());
                        }

                        break;
                    }

                    sb.Append(connector.ToString());
                    AppendLower(sb, WordType.Number, number, connector);
                    while (wt is WordType.Alphabet or WordType.Number)
                    {
                        AppendLower(sb, wt, word, connector);
                        (wt, word) = NextWord(runes, ref pos);
                    }

                    if (wt is not (WordType.Invalid or WordType.Connector or WordType.Punct))
                    {
                        sb.Append(connector.ToString());
                    }

                    break;
            }
        }

        AppendLower(sb, wt, word, connector);
        return sb.ToString();
    }

    private static void AppendLower(StringBuilder sb, WordType wt, Rune[] word, Rune connector)
    {
        foreach (var r in word)
        {
            if (wt is not (WordType.UpperCase or WordType.Connector))
            {
                sb.Append(r.ToString());
            }
            else if (IsConnector(r))
            {
                sb.Append(connector.ToString());
            }
            else
            {
                sb.Append((Rune.IsUpper(r) ? Rune.ToLowerInvariant(r) : r).ToString());
            }
        }
    }

    private static (WordType Type, Rune[] Word) NextWord(Rune[] runes, ref int pos)
    {
        if (pos >= runes.Length)
        {
            return (WordType.Invalid, []);
        }

        var start = pos;
        var r = runes[pos++];
        WordType wt;
        if (IsConnector(r))
        {
            wt = WordType.Connector;
            while (pos < runes.Length && IsConnector(runes[pos]))
            {
                pos++;
            }
        }
        else if (GoUnicode.IsPunct(r))
        {
            wt = WordType.Punct;
            while (pos < runes.Length && GoUnicode.IsPunct(runes[pos]))
            {
                pos++;
            }
        }
        else if (Rune.IsUpper(r))
        {
            wt = WordType.UpperCase;
            if (pos < runes.Length)
            {
                if (Rune.IsUpper(runes[pos]))
                {
                    // An upper-case run; its last letter starts the next word when a lower-case letter follows ("HTTPServer").
                    while (pos < runes.Length && Rune.IsUpper(runes[pos]))
                    {
                        pos++;
                    }

                    if (pos < runes.Length && IsAlphabet(runes[pos]))
                    {
                        pos--;
                    }
                }
                else if (IsAlphabet(runes[pos]))
                {
                    while (pos < runes.Length && IsAlphabet(runes[pos]) && !Rune.IsUpper(runes[pos]))
                    {
                        pos++;
                    }
                }
            }
        }
        else if (IsAlphabet(r))
        {
            wt = WordType.Alphabet;
            while (pos < runes.Length && IsAlphabet(runes[pos]) && !Rune.IsUpper(runes[pos]))
            {
                pos++;
            }
        }
        else if (GoUnicode.IsNumber(r))
        {
            wt = WordType.Number;
            while (pos < runes.Length && GoUnicode.IsNumber(runes[pos]))
            {
                pos++;
            }
        }
        else
        {
            wt = WordType.Other;
            while (pos < runes.Length && !(IsConnector(runes[pos]) || IsAlphabet(runes[pos]) || GoUnicode.IsNumber(runes[pos]) || GoUnicode.IsPunct(runes[pos])))
            {
                pos++;
            }
        }

        return (wt, runes[start..pos]);
    }

    private static bool IsConnector(Rune r) => r.Value is '-' or '_' || GoUnicode.IsSpace(r);

    /// <summary>xstrings' isAlphabet: letters, CJK ideographs excepted.</summary>
    private static bool IsAlphabet(Rune r) =>
        Rune.IsLetter(r) && !(r.Value is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x2FA1F);
}
