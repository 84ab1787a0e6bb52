using System.Globalization;
using System.Text;

namespace Vixens.Lint.Helm.Template;

/// <summary>Go's <c>strconv.Quote</c>, <c>QuoteToASCII</c>, <c>QuoteRune</c> and <c>CanBackquote</c>.</summary>
internal static class GoQuote
{
    public static string Quote(string s, bool asciiOnly = false)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            int r = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                r = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                // A lone surrogate cannot come from valid UTF-8; Go would see invalid bytes.
                sb.Append("\\ufffd");
                continue;
            }

            AppendEscaped(sb, r, '"', asciiOnly);
        }

        sb.Append('"');
        return sb.ToString();
    }

    public static string QuoteRune(int r, bool asciiOnly)
    {
        var sb = new StringBuilder(8);
        sb.Append('\'');
        AppendEscaped(sb, r, '\'', asciiOnly);
        sb.Append('\'');
        return sb.ToString();
    }

    public static bool CanBackquote(string s)
    {
        foreach (var c in s)
        {
            if ((c < ' ' && c != '\t') || c == '`' || c == '\u007F' || c == '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsPrint(int r)
    {
        if (r < 0x80)
        {
            return r >= 0x20 && r < 0x7F;
        }

        if (r > 0x10FFFF || r is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(r);
        return category switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    private static void AppendEscaped(StringBuilder sb, int r, char quote, bool asciiOnly)
    {
        if (r == quote || r == '\\')
        {
            sb.Append('\\').Append((char)r);
            return;
        }

        if (asciiOnly ? r < 0x80 && IsPrint(r) : IsPrint(r))
        {
            sb.Append(char.ConvertFromUtf32(r));
            return;
        }

        switch (r)
        {
            case '\a':
                sb.Append("\\a");
                return;
            case '\b':
                sb.Append("\\b");
                return;
            case '\f':
                sb.Append("\\f");
                return;
            case '\n':
                sb.Append("\\n");
                return;
            case '\r':
                sb.Append("\\r");
                return;
            case '\t':
                sb.Append("\\t");
                return;
            case '\v':
                sb.Append("\\v");
                return;
        }

        if (r < ' ' || r == 0x7F)
        {
            sb.Append("\\x").Append(r.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (r < 0x10000)
        {
            sb.Append("\\u").Append(r.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(r.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
