using System.Globalization;
using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// encoding/json's decoding into <c>interface{}</c>: the whole input is checked first (so a syntax error anywhere wins,
/// with Go's wording), numbers become float64, a repeated key keeps its last value.
/// </summary>
internal sealed class GoJsonParser
{
    /// <summary>Go stops at 10000 levels; recursion here stops earlier to keep the stack safe.</summary>
    private const int MaxDepth = 2000;

    private readonly string _s;
    private int _i;

    private GoJsonParser(string s) => _s = s;

    public static object? Parse(string text)
    {
        var parser = new GoJsonParser(text);
        parser.SkipSpace();
        if (parser._i >= text.Length)
        {
            throw new GoYamlException("unexpected end of JSON input");
        }

        var value = parser.Value(0);
        parser.SkipSpace();
        if (parser._i < text.Length)
        {
            throw parser.Invalid("after top-level value");
        }

        return value;
    }

    private object? Value(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new GoYamlException("exceeded max depth");
        }

        var c = Peek("looking for beginning of value");
        switch (c)
        {
            case '{':
                return Object(depth);
            case '[':
                return Array(depth);
            case '"':
                return String();
            case 't':
                Literal("true");
                return true;
            case 'f':
                Literal("false");
                return false;
            case 'n':
                Literal("null");
                return null;
            default:
                if (c == '-' || char.IsAsciiDigit(c))
                {
                    return Number();
                }

                throw Invalid("looking for beginning of value");
        }
    }

    private Dictionary<string, object?> Object(int depth)
    {
        _i++;
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        SkipSpace();
        if (Peek("looking for beginning of object key string") == '}')
        {
            _i++;
            return map;
        }

        while (true)
        {
            SkipSpace();
            if (Peek("looking for beginning of object key string") != '"')
            {
                throw Invalid("looking for beginning of object key string");
            }

            var key = String();
            SkipSpace();
            if (Peek("after object key") != ':')
            {
                throw Invalid("after object key");
            }

            _i++;
            SkipSpace();
            map[key] = Value(depth + 1);
            SkipSpace();
            var next = Peek("after object key:value pair");
            _i++;
            if (next == '}')
            {
                return map;
            }

            if (next != ',')
            {
                _i--;
                throw Invalid("after object key:value pair");
            }
        }
    }

    private List<object?> Array(int depth)
    {
        _i++;
        var list = new List<object?>();
        SkipSpace();
        if (Peek("looking for beginning of value") == ']')
        {
            _i++;
            return list;
        }

        while (true)
        {
            SkipSpace();
            list.Add(Value(depth + 1));
            SkipSpace();
            var next = Peek("after array element");
            _i++;
            if (next == ']')
            {
                return list;
            }

            if (next != ',')
            {
                _i--;
                throw Invalid("after array element");
            }
        }
    }

    private string String()
    {
        _i++;
        var sb = new StringBuilder();
        while (true)
        {
            var c = Peek("in string literal");
            if (c == '"')
            {
                _i++;
                return sb.ToString();
            }

            if (c < 0x20)
            {
                throw Invalid("in string literal");
            }

            if (c != '\\')
            {
                sb.Append(c);
                _i++;
                continue;
            }

            _i++;
            var e = Peek("in string escape code");
            _i++;
            switch (e)
            {
                case '"' or '\\' or '/':
                    sb.Append(e);
                    break;
                case 'b':
                    sb.Append('\b');
                    break;
                case 'f':
                    sb.Append('\f');
                    break;
                case 'n':
                    sb.Append('\n');
                    break;
                case 'r':
                    sb.Append('\r');
                    break;
                case 't':
                    sb.Append('\t');
                    break;
                case 'u':
                    sb.Append(Unicode());
                    break;
                default:
                    _i--;
                    throw Invalid("in string escape code");
            }
        }
    }

    /// <summary>A \uXXXX escape; a surrogate without its pair becomes U+FFFD as in Go.</summary>
    private string Unicode()
    {
        var first = Hex4();
        if (char.IsHighSurrogate((char)first) && _i + 1 < _s.Length && _s[_i] == '\\' && _s[_i + 1] == 'u')
        {
            var save = _i;
            _i += 2;
            var second = Hex4();
            if (char.IsLowSurrogate((char)second))
            {
                return new string([(char)first, (char)second]);
            }

            _i = save;
            return "\uFFFD";
        }

        return char.IsSurrogate((char)first) ? "\uFFFD" : ((char)first).ToString();
    }

    private int Hex4()
    {
        var value = 0;
        for (var k = 0; k < 4; k++)
        {
            var c = Peek("in \\u hexadecimal character escape");
            var d = char.IsAsciiHexDigit(c) ? Convert.ToInt32(c.ToString(), 16) : -1;
            if (d < 0)
            {
                throw Invalid("in \\u hexadecimal character escape");
            }

            value = (value * 16) + d;
            _i++;
        }

        return value;
    }

    private double Number()
    {
        var start = _i;
        if (_s[_i] == '-')
        {
            _i++;
        }

        var c = Peek("in numeric literal");
        if (c == '0')
        {
            _i++;
        }
        else if (char.IsAsciiDigit(c))
        {
            Digits();
        }
        else
        {
            throw Invalid("in numeric literal");
        }

        if (_i < _s.Length && _s[_i] == '.')
        {
            _i++;
            if (!char.IsAsciiDigit(Peek("after decimal point in numeric literal")))
            {
                throw Invalid("after decimal point in numeric literal");
            }

            Digits();
        }

        if (_i < _s.Length && _s[_i] is 'e' or 'E')
        {
            _i++;
            if (Peek("in exponent of numeric literal") is '+' or '-')
            {
                _i++;
            }

            if (!char.IsAsciiDigit(Peek("in exponent of numeric literal")))
            {
                throw Invalid("in exponent of numeric literal");
            }

            Digits();
        }

        var text = _s[start.._i];
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw new GoYamlException($"json: cannot unmarshal number {text} into Go value of type float64");
        }

        return value;
    }

    private void Digits()
    {
        while (_i < _s.Length && char.IsAsciiDigit(_s[_i]))
        {
            _i++;
        }
    }

    private void Literal(string word)
    {
        for (var k = 0; k < word.Length; k++)
        {
            var c = Peek($"in literal {word} (expecting '{word[k]}')");
            if (c != word[k])
            {
                throw Invalid($"in literal {word} (expecting '{word[k]}')");
            }

            _i++;
        }
    }

    private void SkipSpace()
    {
        while (_i < _s.Length && _s[_i] is ' ' or '\t' or '\n' or '\r')
        {
            _i++;
        }
    }

    private char Peek(string context)
    {
        if (_i >= _s.Length)
        {
            throw new GoYamlException("unexpected end of JSON input");
        }

        return _s[_i];
    }

    private GoYamlException Invalid(string context) =>
        new($"invalid character {QuoteChar(_s[_i])} {context}");

    /// <summary>Go's quoteChar: <c>'x'</c>, with Go's escapes for quotes and unprintable characters.</summary>
    private static string QuoteChar(char c) => c switch
    {
        '\'' => "'\\''",
        '"' => "'\"'",
        '\n' => "'\\n'",
        '\r' => "'\\r'",
        '\t' => "'\\t'",
        _ when c < 0x20 => $"'\\x{(int)c:x2}'",
        _ => $"'{c}'",
    };
}
