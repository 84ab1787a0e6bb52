using System.Globalization;
using System.Text;

namespace Vixens.Lint.Helm.Template.Parsing;

/// <summary>Go's <c>strconv.Unquote</c> and <c>UnquoteChar</c> for the literals the template lexer produces.</summary>
internal static class GoUnquote
{
    public static bool TryUnquote(string quoted, out string value)
    {
        value = string.Empty;
        if (quoted.Length < 2)
        {
            return false;
        }

        var quote = quoted[0];
        if (quoted[^1] != quote)
        {
            return false;
        }

        var body = quoted[1..^1];
        if (quote == '`')
        {
            if (body.Contains('`', StringComparison.Ordinal))
            {
                return false;
            }

            value = body.Contains('\r', StringComparison.Ordinal) ? body.Replace("\r", string.Empty, StringComparison.Ordinal) : body;
            return true;
        }

        if (quote != '"' && quote != '\'')
        {
            return false;
        }

        if (!body.Contains('\\', StringComparison.Ordinal) && !body.Contains(quote, StringComparison.Ordinal))
        {
            if (quote == '"')
            {
                value = body;
                return !body.Contains('\n', StringComparison.Ordinal);
            }
        }

        var bytes = new List<byte>(body.Length);
        var i = 0;
        var runes = 0;
        while (i < body.Length)
        {
            if (body[i] == quote && quote == '\'' )
            {
                return false;
            }

            if (!TryUnquoteChar(body, ref i, quote, bytes))
            {
                return false;
            }

            runes++;
        }

        if (quote == '\'' && runes != 1)
        {
            return false;
        }

        value = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }

    /// <summary>Decodes a char constant such as <c>'a'</c>, <c>'\n'</c> or <c>'\u263a'</c> to its code point.</summary>
    public static bool TryCharConstant(string text, out int rune)
    {
        rune = 0;
        if (text.Length < 3 || text[0] != '\'' || text[^1] != '\'')
        {
            return false;
        }

        var body = text[1..^1];
        var i = 0;
        var bytes = new List<byte>();
        if (body.Length > 0 && body[0] == '\\')
        {
            if (!TryUnquoteChar(body, ref i, '\'', bytes, out rune))
            {
                return false;
            }
        }
        else
        {
            rune = body.ConvertToUtf32IfPair(0, out var size);
            i = size;
        }

        return i == body.Length;
    }

    private static bool TryUnquoteChar(string s, ref int i, char quote, List<byte> output) => TryUnquoteChar(s, ref i, quote, output, out _);

    private static bool TryUnquoteChar(string s, ref int i, char quote, List<byte> output, out int rune)
    {
        rune = 0;
        var c = s[i];
        if (c != '\\')
        {
            if (c == '\n' && quote == '"')
            {
                return false;
            }

            rune = s.ConvertToUtf32IfPair(i, out var size);
            output.AddRange(Encoding.UTF8.GetBytes(s.Substring(i, size)));
            i += size;
            return true;
        }

        if (i + 1 >= s.Length)
        {
            return false;
        }

        var e = s[i + 1];
        i += 2;
        switch (e)
        {
            case 'a':
                rune = 7;
                break;
            case 'b':
                rune = 8;
                break;
            case 'f':
                rune = 12;
                break;
            case 'n':
                rune = 10;
                break;
            case 'r':
                rune = 13;
                break;
            case 't':
                rune = 9;
                break;
            case 'v':
                rune = 11;
                break;
            case '\\':
                rune = '\\';
                break;
            case '\'' or '"':
                if (e != quote)
                {
                    return false;
                }

                rune = e;
                break;
            case 'x' or 'u' or 'U':
                var n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + n > s.Length || !int.TryParse(s.AsSpan(i, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
                {
                    return false;
                }

                i += n;
                if (e == 'x')
                {
                    rune = v;
                    output.Add((byte)v);
                    return true;
                }

                if (v > 0x10FFFF || v is >= 0xD800 and <= 0xDFFF)
                {
                    return false;
                }

                rune = v;
                break;
            case >= '0' and <= '7':
                if (i + 2 > s.Length)
                {
                    return false;
                }

                var octal = e - '0';
                for (var k = 0; k < 2; k++)
                {
                    var d = s[i + k];
                    if (d is < '0' or > '7')
                    {
                        return false;
                    }

                    octal = (octal * 8) + (d - '0');
                }

                if (octal > 255)
                {
                    return false;
                }

                i += 2;
                rune = octal;
                output.Add((byte)octal);
                return true;
            default:
                return false;
        }

        output.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(rune)));
        return true;
    }
}
