using System.Globalization;
using System.Numerics;

namespace Vixens.Lint.Helm.Template.Parsing;

/// <summary>
/// Turns a number, char or complex token into a <see cref="NumberNode"/> with Go's rules: every representation the
/// text allows (int, uint, float, complex), Go's literal syntax (0x, 0o, 0b, leading-0 octal, underscores, hex
/// floats) and its errors (<c>integer overflow</c>, <c>illegal number syntax</c>).
/// </summary>
internal static class NumberParser
{
    public static NumberNode Parse(ParseTree tree, Token token, Func<string, Exception> error)
    {
        var text = token.Val;
        var n = new NumberNode(tree, token.Pos, text);
        if (token.Type == TokenType.CharConstant)
        {
            if (text == "''")
            {
                // strconv.UnquoteChar meets the closing quote at once.
                throw error("invalid syntax");
            }

            if (!GoUnquote.TryCharConstant(text, out var rune))
            {
                throw error($"malformed character constant: {text}");
            }

            n.Int64 = rune;
            n.IsInt = true;
            n.Uint64 = (ulong)rune;
            n.IsUint = true;
            n.Float64 = rune;
            n.IsFloat = true;
            return n;
        }

        if (token.Type == TokenType.Complex)
        {
            if (!TryParseComplex(text, out var c))
            {
                throw error($"expected integer");
            }

            n.IsComplex = true;
            n.Complex128 = c;
            SimplifyComplex(n);
            return n;
        }

        if (text.Length > 0 && text[^1] == 'i' && TryParseFloat(text[..^1], out var imaginary))
        {
            n.IsComplex = true;
            n.Complex128 = new Complex(0, imaginary);
            SimplifyComplex(n);
            return n;
        }

        var parsedInt = TryParseInteger(text, out var big);
        if (parsedInt && big >= 0 && big <= ulong.MaxValue)
        {
            n.IsUint = true;
            n.Uint64 = (ulong)big;
        }

        if (parsedInt && big >= long.MinValue && big <= long.MaxValue)
        {
            n.IsInt = true;
            n.Int64 = (long)big;
        }

        if (n.IsInt)
        {
            n.IsFloat = true;
            n.Float64 = n.Int64;
        }
        else if (n.IsUint)
        {
            n.IsFloat = true;
            n.Float64 = n.Uint64;
        }
        else if (TryParseFloat(text, out var f))
        {
            if (text.AsSpan().IndexOfAny(".eEpP") < 0)
            {
                throw error($"integer overflow: {GoQuote.Quote(text)}");
            }

            n.IsFloat = true;
            n.Float64 = f;
            if (f == Math.Truncate(f) && f >= -9.2233720368547758e18 && f < 9.2233720368547758e18)
            {
                n.IsInt = true;
                n.Int64 = (long)f;
            }

            if (f == Math.Truncate(f) && f >= 0 && f < 1.8446744073709552e19)
            {
                n.IsUint = true;
                n.Uint64 = (ulong)f;
            }
        }

        if (!n.IsInt && !n.IsUint && !n.IsFloat)
        {
            throw error($"illegal number syntax: {GoQuote.Quote(text)}");
        }

        return n;
    }

    private static void SimplifyComplex(NumberNode n)
    {
        n.IsFloat = n.Complex128.Imaginary == 0;
        if (!n.IsFloat)
        {
            return;
        }

        var f = n.Complex128.Real;
        n.Float64 = f;
        n.IsInt = f == Math.Truncate(f) && f >= -9.2233720368547758e18 && f < 9.2233720368547758e18;
        if (n.IsInt)
        {
            n.Int64 = (long)f;
        }

        n.IsUint = f == Math.Truncate(f) && f >= 0 && f < 1.8446744073709552e19;
        if (n.IsUint)
        {
            n.Uint64 = (ulong)f;
        }
    }

    private static bool TryParseComplex(string text, out Complex value)
    {
        value = default;
        for (var i = text.Length - 2; i > 0; i--)
        {
            if (text[i] is '+' or '-' && text[i - 1] is not ('e' or 'E' or 'p' or 'P'))
            {
                if (TryParseFloat(text[..i], out var re) && text[^1] == 'i' && TryParseFloat(text[i..^1], out var im))
                {
                    value = new Complex(re, im);
                    return true;
                }

                return false;
            }
        }

        return false;
    }

    /// <summary><c>strconv.ParseInt(text, 0, 64)</c>'s syntax, without the range check (the caller checks ranges).</summary>
    private static bool TryParseInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        var radix = 10;
        var prefixed = false;
        if (s[0] == '0' && s.Length > 1)
        {
            switch (s[1])
            {
                case 'x' or 'X':
                    radix = 16;
                    s = s[2..];
                    prefixed = true;
                    break;
                case 'o' or 'O':
                    radix = 8;
                    s = s[2..];
                    prefixed = true;
                    break;
                case 'b' or 'B':
                    radix = 2;
                    s = s[2..];
                    prefixed = true;
                    break;
                default:
                    radix = 8;
                    s = s[1..];
                    prefixed = true;
                    break;
            }
        }

        if (!UnderscoresOk(text))
        {
            return false;
        }

        var any = false;
        foreach (var c in s)
        {
            if (c == '_')
            {
                continue;
            }

            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
            {
                return false;
            }

            value = (value * radix) + d;
            any = true;
        }

        if (!any && !(prefixed && radix == 8 && s.Length == 0))
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Go's <c>underscoreOK</c>: underscores only between digits, or right after a base prefix.</summary>
    private static bool UnderscoresOk(string s)
    {
        var saw = '^';
        var i = 0;
        if (s.Length >= 1 && s[0] is '-' or '+')
        {
            s = s[1..];
        }

        var hex = false;
        if (s.Length >= 2 && s[0] == '0' && char.ToLowerInvariant(s[1]) is 'b' or 'o' or 'x')
        {
            i = 2;
            saw = '0';
            hex = char.ToLowerInvariant(s[1]) == 'x';
        }

        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c) || (hex && char.IsAsciiHexDigit(c)))
            {
                saw = '0';
                continue;
            }

            if (c == '_')
            {
                if (saw != '0')
                {
                    return false;
                }

                saw = '_';
                continue;
            }

            if (saw == '_')
            {
                return false;
            }

            saw = '!';
        }

        return saw != '_';
    }

    /// <summary><c>strconv.ParseFloat(text, 64)</c> for Go's decimal and hexadecimal float literals.</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        if (text.Length == 0 || !UnderscoresOk(text))
        {
            return false;
        }

        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = false;
        var body = s;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X')
        {
            if (!TryParseHexFloat(body[2..], out value))
            {
                return false;
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }

        foreach (var c in body)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return false;
            }
        }

        if (!body.Any(char.IsAsciiDigit))
        {
            return false;
        }

        if (!double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return !double.IsInfinity(value);
    }

    private static bool TryParseHexFloat(string s, out double value)
    {
        value = 0;
        var p = s.IndexOfAny(['p', 'P']);
        if (p < 0)
        {
            return false;
        }

        var mantissa = s[..p];
        if (!int.TryParse(s.AsSpan(p + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exp))
        {
            return false;
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fractionDigits = dot < 0 ? 0 : mantissa.Length - dot - 1;
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        if (digits.Length == 0)
        {
            return false;
        }

        var m = BigInteger.Zero;
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            m = (m * 16) + int.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        value = Math.ScaleB((double)m, exp - (4 * fractionDigits));
        return !double.IsInfinity(value);
    }
}
