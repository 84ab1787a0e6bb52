using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vixens.Lint.Helm.Values;

/// <summary>
/// The <c>--set</c> family's syntax (Helm's strvals): <c>a.b=c,list[0]=x,arr={a,b}</c>, <c>\</c> escapes, and the typing
/// of each flag: <c>--set</c> reads true/false/null and decimal integers (int64, no leading zero), <c>--set-string</c>
/// keeps strings, <c>--set-json</c> reads JSON (numbers float64), <c>--set-file</c> reads the named file.
/// </summary>
public sealed class SetValueParser
{
    private const int MaxIndex = 65536;
    private const int MaxNestedNameLevel = 30;

    private readonly string _text;
    private readonly Func<string, object?> _readValue;
    private readonly bool _json;
    private int _pos;

    private SetValueParser(string text, Func<string, object?> readValue, bool json)
    {
        _text = text;
        _readValue = readValue;
        _json = json;
    }

    /// <summary>Applies a <c>--set</c> argument to <paramref name="dest"/>.</summary>
    public static void ParseSet(string text, Dictionary<string, object?> dest) => new SetValueParser(text, TypedValue, json: false).Parse(dest);

    /// <summary>Applies a <c>--set-string</c> argument to <paramref name="dest"/>.</summary>
    public static void ParseSetString(string text, Dictionary<string, object?> dest) => new SetValueParser(text, s => s, json: false).Parse(dest);

    /// <summary>Applies a <c>--set-json</c> argument to <paramref name="dest"/>.</summary>
    public static void ParseSetJson(string text, Dictionary<string, object?> dest) => new SetValueParser(text, s => s, json: true).Parse(dest);

    /// <summary>Applies a <c>--set-file</c> argument; <paramref name="readFile"/> turns the path into the value.</summary>
    public static void ParseSetFile(string text, Dictionary<string, object?> dest, Func<string, object?> readFile) => new SetValueParser(text, readFile, json: false).Parse(dest);

    /// <summary>
    /// Applies a <c>--set-literal</c> argument: the key is a path (<c>a.b[0].c</c>), everything after the first <c>=</c>
    /// is the string value, untouched.
    /// </summary>
    public static void ParseSetLiteral(string text, Dictionary<string, object?> dest)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new HelmException($"key \"{text}\" has no value", HelmErrorKind.Values);
        }

        // The key part has the --set syntax; the value is given back verbatim.
        var value = text[(equals + 1)..];
        new SetValueParser(text[..equals] + "=x", _ => value, json: false).Parse(dest);
    }

    /// <summary>How <c>--set</c> types a scalar.</summary>
    public static object? TypedValue(string value)
    {
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (value == "0")
        {
            return 0L;
        }

        if (value.Length > 0 && value[0] != '0' && IsGoInt(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return value;
    }

    private static bool IsGoInt(string value)
    {
        var start = value[0] is '+' or '-' ? 1 : 0;
        return value.Length > start && value.AsSpan(start).ContainsAnyExceptInRange('0', '9') is false;
    }

    private void Parse(Dictionary<string, object?> data)
    {
        try
        {
            while (Key(data, 0))
            {
            }
        }
        catch (EndOfValues)
        {
            // The text ended inside a list index: Helm stops there without an error.
        }
    }

    /// <summary>Reads one <c>key…=value</c>; false at the end of the text.</summary>
    private bool Key(Dictionary<string, object?> data, int nestedLevel)
    {
        var (key, stop, eof) = RunesUntil("=[,.");
        if (eof)
        {
            if (key.Length == 0)
            {
                return false;
            }

            throw new HelmException($"key \"{key}\" has no value", HelmErrorKind.Values);
        }

        switch (stop)
        {
            case '[':
                var index = KeyIndex();
                var list = new List<object?>();
                if (data.TryGetValue(key, out var existing))
                {
                    list = existing as List<object?> ?? throw ConversionPanic(existing, "[]interface {}");
                }

                try
                {
                    list = ListItem(list, index, nestedLevel);
                }
                finally
                {
                    Set(data, key, list);
                }

                return true;
            case '=':
                if (_json)
                {
                    return JsonValue(v => Set(data, key, v));
                }

                var (values, outcome) = ValueList();
                switch (outcome)
                {
                    case ListOutcome.List:
                        Set(data, key, values);
                        return true;
                    case ListOutcome.Eof:
                        Set(data, key, string.Empty);
                        return false;
                    default:
                        var (text, _, atEnd) = RunesUntil(",");
                        Set(data, key, _readValue(text));
                        return !atEnd;
                }

            case ',':
                Set(data, key, string.Empty);
                throw new HelmException($"key \"{key}\" has no value (cannot end with ,)", HelmErrorKind.Values);
            default: // '.'
                nestedLevel++;
                if (nestedLevel > MaxNestedNameLevel)
                {
                    throw new HelmException($"value name nested level is greater than maximum supported nested level of {MaxNestedNameLevel}", HelmErrorKind.Values);
                }

                var inner = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (data.TryGetValue(key, out var found))
                {
                    inner = found as Dictionary<string, object?> ?? throw ConversionPanic(found, "map[string]interface {}");
                }

                bool more;
                try
                {
                    more = Key(inner, nestedLevel);
                }
                finally
                {
                    if (inner.Count != 0)
                    {
                        Set(data, key, inner);
                    }
                }

                if (inner.Count == 0)
                {
                    throw new HelmException($"key map \"{key}\" has no value", HelmErrorKind.Values);
                }

                return more;
        }
    }

    private List<object?> ListItem(List<object?> list, int index, int nestedLevel)
    {
        if (index < 0)
        {
            throw new HelmException($"negative {index} index not allowed", HelmErrorKind.Values);
        }

        var (rest, stop, eof) = RunesUntil("[.=");
        if (rest.Length > 0)
        {
            throw new HelmException($"unexpected data at end of array index: \"{rest}\"", HelmErrorKind.Values);
        }

        if (eof)
        {
            throw new EndOfValues();
        }

        switch (stop)
        {
            case '=':
                if (_json)
                {
                    object? parsed = null;
                    var more = JsonValue(v => parsed = v);
                    list = SetIndex(list, index, parsed);
                    if (!more)
                    {
                        throw new EndOfValues();
                    }

                    return list;
                }

                var (values, outcome) = ValueList();
                switch (outcome)
                {
                    case ListOutcome.List:
                        return SetIndex(list, index, values);
                    case ListOutcome.Eof:
                        return SetIndex(list, index, string.Empty);
                    default:
                        var (text, _, _) = RunesUntil(",");
                        return SetIndex(list, index, _readValue(text));
                }

            case '[':
                var next = KeyIndex();
                List<object?>? current = null;
                if (list.Count > index && list[index] is { } existed)
                {
                    current = existed as List<object?> ?? throw ConversionPanic(existed, "[]interface {}");
                }

                return SetIndex(list, index, ListItem(current ?? [], next, nestedLevel));
            default: // '.'
                var inner = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (list.Count > index)
                {
                    if (list[index] is Dictionary<string, object?> map)
                    {
                        inner = map;
                    }
                    else
                    {
                        list[index] = inner;
                    }
                }

                Key(inner, nestedLevel);
                return SetIndex(list, index, inner);
        }
    }

    private static List<object?> SetIndex(List<object?> list, int index, object? value)
    {
        if (index < 0)
        {
            throw new HelmException($"negative {index} index not allowed", HelmErrorKind.Values);
        }

        if (index > MaxIndex)
        {
            throw new HelmException($"index of {index} is greater than maximum supported index of {MaxIndex}", HelmErrorKind.Values);
        }

        while (list.Count <= index)
        {
            list.Add(null);
        }

        list[index] = value;
        return list;
    }

    private int KeyIndex()
    {
        var (text, _, eof) = RunesUntil("]");
        if (eof)
        {
            throw new HelmException("error parsing index: EOF", HelmErrorKind.Values);
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            throw new HelmException($"error parsing index: strconv.Atoi: parsing \"{text}\": invalid syntax", HelmErrorKind.Values);
        }

        return index;
    }

    private enum ListOutcome
    {
        List,
        NotList,
        Eof,
    }

    private (List<object?> Values, ListOutcome Outcome) ValueList()
    {
        if (_pos >= _text.Length)
        {
            return ([], ListOutcome.Eof);
        }

        if (_text[_pos] != '{')
        {
            return ([], ListOutcome.NotList);
        }

        _pos++;
        var list = new List<object?>();
        while (true)
        {
            var (item, stop, eof) = RunesUntil(",}");
            if (eof)
            {
                throw new HelmException("list must terminate with '}'", HelmErrorKind.Values);
            }

            list.Add(_readValue(item));
            if (stop == '}')
            {
                if (_pos < _text.Length && _text[_pos] == ',')
                {
                    _pos++;
                }

                return (list, ListOutcome.List);
            }
        }
    }

    /// <summary>Reads one JSON value after <c>=</c>; returns whether more keys follow.</summary>
    private bool JsonValue(Action<object?> set)
    {
        var (empty, atEnd) = EmptyValue();
        if (empty)
        {
            set(null);
            return !atEnd;
        }

        var bytes = Encoding.UTF8.GetBytes(_text[_pos..]);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: true, state: default);
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            set(FromJson(document.RootElement));
        }
        catch (JsonException e)
        {
            throw new HelmException(e.Message, HelmErrorKind.Values);
        }

        _pos += Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.BytesConsumed);
        var (_, end) = EmptyValue();
        return !end;
    }

    /// <summary>Skips white space up to a comma or the end; false (and nothing consumed) when a value follows.</summary>
    private (bool Empty, bool AtEnd) EmptyValue()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return (true, true);
            }

            var c = _text[_pos];
            if (c == ',')
            {
                _pos++;
                return (true, _pos >= _text.Length);
            }

            if (!char.IsWhiteSpace(c))
            {
                return (false, false);
            }

            _pos++;
        }
    }

    /// <summary>JSON as Go's decoder gives it to <c>interface{}</c>: objects, arrays, float64, bool, string, nil.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(ValueMaps.NewMap(), (map, p) => { map[p.Name] = FromJson(p.Value); return map; }),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private (string Text, char Stop, bool Eof) RunesUntil(string stops)
    {
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (stops.Contains(c))
            {
                return (sb.ToString(), c, false);
            }

            if (c == '\\')
            {
                if (_pos >= _text.Length)
                {
                    return (sb.ToString(), '\0', true);
                }

                c = _text[_pos++];
            }

            sb.Append(c);
        }

        return (sb.ToString(), '\0', true);
    }

    private static void Set(Dictionary<string, object?> data, string key, object? value)
    {
        if (key.Length > 0)
        {
            data[key] = value;
        }
    }

    private static HelmException ConversionPanic(object? value, string wanted) =>
        new($"unable to parse key: interface conversion: interface {{}} is {GoTypeOf(value)}, not {wanted}", HelmErrorKind.Values);

    private static string GoTypeOf(object? value) => value switch
    {
        null => "nil",
        string => "string",
        bool => "bool",
        long => "int64",
        double => "float64",
        List<object?> => "[]interface {}",
        Dictionary<string, object?> => "map[string]interface {}",
        _ => value.GetType().Name,
    };

    /// <summary>The end of the text inside a list item (Go's io.EOF, which ends parsing without an error).</summary>
    private sealed class EndOfValues : Exception;
}
