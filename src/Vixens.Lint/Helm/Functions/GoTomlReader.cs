using System.Globalization;
using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>A TOML reader for fromToml: key/value pairs, dotted and quoted keys, [tables], [[arrays of tables]], basic and literal strings, numbers, booleans, arrays and inline tables.</summary>
internal sealed class GoTomlReader(string text)
{
    private readonly string _s = text;
    private int _i;
    private int _line = 1;
    private string _lastKey = string.Empty;

    public Dictionary<string, object?> Read()
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        var current = root;
        while (true)
        {
            SkipBlankLines();
            if (_i >= _s.Length)
            {
                return root;
            }

            if (_s[_i] == '[')
            {
                var array = _i + 1 < _s.Length && _s[_i + 1] == '[';
                _i += array ? 2 : 1;
                var path = Keys();
                Expect(array ? "]]" : "]");
                current = array ? AppendTable(root, path) : Table(root, path);
                EndOfLine();
                continue;
            }

            var keys = Keys();
            SkipSpaces();
            if (_i >= _s.Length || _s[_i] != '=')
            {
                throw Error(_i >= _s.Length ? "unexpected EOF; expected key separator '='" : $"expected key separator '=', but got {Describe()} instead");
            }

            _i++;
            // BurntSushi names the last key in its errors once the key and its '=' are read.
            _lastKey = string.Join(".", keys);
            SkipSpaces();
            var value = Value();
            var target = keys.Count > 1 ? Table(current, keys[..^1]) : current;
            target[keys[^1]] = value;
            EndOfLine();
        }
    }

    private static Dictionary<string, object?> Table(Dictionary<string, object?> root, List<string> path)
    {
        var table = root;
        foreach (var key in path)
        {
            switch (table.TryGetValue(key, out var existing) ? existing : null)
            {
                case Dictionary<string, object?> child:
                    table = child;
                    break;
                case List<object?> { Count: > 0 } list when list[^1] is Dictionary<string, object?> last:
                    table = last;
                    break;
                default:
                    var created = new Dictionary<string, object?>(StringComparer.Ordinal);
                    table[key] = created;
                    table = created;
                    break;
            }
        }

        return table;
    }

    private static Dictionary<string, object?> AppendTable(Dictionary<string, object?> root, List<string> path)
    {
        var parent = Table(root, path[..^1]);
        if (!parent.TryGetValue(path[^1], out var existing) || existing is not List<object?> list)
        {
            list = [];
            parent[path[^1]] = list;
        }

        var table = new Dictionary<string, object?>(StringComparer.Ordinal);
        list.Add(table);
        return table;
    }

    private List<string> Keys()
    {
        var keys = new List<string>();
        while (true)
        {
            SkipSpaces();
            if (_i >= _s.Length)
            {
                throw Error("unexpected EOF; expected key");
            }

            string key;
            if (_s[_i] is '"' or '\'')
            {
                key = (string)Value()!;
            }
            else
            {
                var start = _i;
                while (_i < _s.Length && (char.IsAsciiLetterOrDigit(_s[_i]) || _s[_i] is '_' or '-'))
                {
                    _i++;
                }

                if (_i == start)
                {
                    throw Error($"expected key but found {Describe()}");
                }

                key = _s[start.._i];
            }

            keys.Add(key);
            SkipSpaces();
            if (_i < _s.Length && _s[_i] == '.')
            {
                _i++;
                continue;
            }

            return keys;
        }
    }

    private object? Value()
    {
        if (_i >= _s.Length || _s[_i] is '\n' or '\r')
        {
            throw Error("unexpected EOF; expected value");
        }

        var c = _s[_i];
        switch (c)
        {
            case '"':
                return BasicString();
            case '\'':
                _i++;
                var end = _s.IndexOf('\'', _i);
                if (end < 0)
                {
                    throw Error("unexpected EOF; expected \"'\"");
                }

                var literal = _s[_i..end];
                _i = end + 1;
                return literal;
            case '[':
                _i++;
                var list = new List<object?>();
                while (true)
                {
                    SkipWhitespaceAndComments();
                    if (_i < _s.Length && _s[_i] == ']')
                    {
                        _i++;
                        return list;
                    }

                    list.Add(Value());
                    SkipWhitespaceAndComments();
                    if (_i < _s.Length && _s[_i] == ',')
                    {
                        _i++;
                    }
                    else if (_i >= _s.Length || _s[_i] != ']')
                    {
                        throw Error("expected a comma (',') or array terminator (']')");
                    }
                }

            case '{':
                _i++;
                var table = new Dictionary<string, object?>(StringComparer.Ordinal);
                SkipSpaces();
                if (_i < _s.Length && _s[_i] == '}')
                {
                    _i++;
                    return table;
                }

                while (true)
                {
                    var keys = Keys();
                    Expect("=");
                    SkipSpaces();
                    (keys.Count > 1 ? Table(table, keys[..^1]) : table)[keys[^1]] = Value();
                    SkipSpaces();
                    if (_i < _s.Length && _s[_i] == ',')
                    {
                        _i++;
                        continue;
                    }

                    Expect("}");
                    return table;
                }
        }

        var start = _i;
        while (_i < _s.Length && !(_s[_i] is ',' or ']' or '}' or '\n' or '\r' or '#' or ' ' or '\t'))
        {
            _i++;
        }

        var word = _s[start.._i];
        switch (word)
        {
            case "true":
                return true;
            case "false":
                return false;
            case "inf" or "+inf":
                return double.PositiveInfinity;
            case "-inf":
                return double.NegativeInfinity;
            case "nan" or "+nan" or "-nan":
                return double.NaN;
        }

        var plain = word.Replace("_", string.Empty, StringComparison.Ordinal);
        if (plain.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(plain[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return hex;
        }

        if (long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (plain.Length > 0 && (char.IsAsciiDigit(plain[0]) || plain[0] is '+' or '-') &&
            double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        // Dates and times stay text here (BurntSushi would give time.Time).
        if (word.Length > 0 && char.IsAsciiDigit(word[0]))
        {
            return word;
        }

        throw Error($"expected value but found {Describe(start)} instead");
    }

    private string BasicString()
    {
        _i++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_i >= _s.Length || _s[_i] == '\n')
            {
                throw Error("unexpected EOF; expected '\"'");
            }

            var c = _s[_i++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            var e = _i < _s.Length ? _s[_i++] : '\0';
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'f': sb.Append('\f'); break;
                case 'r': sb.Append('\r'); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case 'u' or 'U':
                    var n = e == 'u' ? 4 : 8;
                    if (_i + n > _s.Length || !int.TryParse(_s.AsSpan(_i, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("invalid escape in string");
                    }

                    sb.Append(char.ConvertFromUtf32(code));
                    _i += n;
                    break;
                default:
                    throw Error($"invalid escape in string '\\{e}'");
            }
        }
    }

    private void Expect(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_s, _i, token, 0, token.Length) != 0)
        {
            throw Error(_i >= _s.Length ? $"unexpected EOF; expected {token}" : $"expected '{token}' but found {Describe()}");
        }

        _i += token.Length;
    }

    private void EndOfLine()
    {
        SkipSpaces();
        if (_i < _s.Length && _s[_i] == '#')
        {
            while (_i < _s.Length && _s[_i] != '\n')
            {
                _i++;
            }
        }

        if (_i < _s.Length && _s[_i] is not ('\n' or '\r'))
        {
            throw Error($"expected a top-level item to end with a newline, comment, or EOF, but got {Describe()} instead");
        }
    }

    private void SkipSpaces()
    {
        while (_i < _s.Length && _s[_i] is ' ' or '\t')
        {
            _i++;
        }
    }

    private void SkipBlankLines()
    {
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (c is ' ' or '\t' or '\r')
            {
                _i++;
            }
            else if (c == '\n')
            {
                _line++;
                _i++;
            }
            else if (c == '#')
            {
                while (_i < _s.Length && _s[_i] != '\n')
                {
                    _i++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void SkipWhitespaceAndComments()
    {
        SkipBlankLines();
    }

    private string Describe(int? at = null)
    {
        var i = at ?? _i;
        return i >= _s.Length ? "EOF" : $"'{_s[i]}'";
    }

    private GoYamlException Error(string message) =>
        new(_lastKey.Length == 0
            ? $"toml: line {(_i >= _s.Length ? 0 : _line)}: {message}"
            : $"toml: line {(_i >= _s.Length ? 0 : _line)} (last key \"{_lastKey}\"): {message}");
}
