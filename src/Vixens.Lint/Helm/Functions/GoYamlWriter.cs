using System.Globalization;
using System.Text;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Prints a value as sigs.k8s.io/yaml.Marshal does: the value goes through JSON (so numbers are whatever go-yaml reads
/// back from Go's JSON text: integers as ints, the rest as floats printed with 'g'), then go-yaml v2's emitter prints
/// it: keys in its natural order, sequences not indented under their key, two-space indentation, plain scalars where
/// they read back as the same string, otherwise single or double quotes, literal blocks for multi-line text, and
/// long lines folded at spaces past column 80.
/// </summary>
internal sealed class GoYamlWriter
{
    private const int Indent = 2;

    private readonly StringBuilder _sb = new();
    private readonly bool _pretty;
    private readonly int _bestWidth;
    private int _column;

    /// <param name="pretty">go-yaml v3 as Helm's toYamlPretty uses it: no JSON round trip, sequences indented under
    /// their key, no folding of long lines.</param>
    private GoYamlWriter(bool pretty)
    {
        _pretty = pretty;
        _bestWidth = pretty ? int.MaxValue : 80;
    }

    private enum Style
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
    }

    /// <summary>The YAML text, ending with a line break.</summary>
    public static string Write(object? value, bool pretty = false)
    {
        var writer = new GoYamlWriter(pretty);
        writer.Node(writer.JsonShape(value), indent: -1);
        if (writer._column != 0)
        {
            writer.Put('\n');
        }

        return writer._sb.ToString();
    }

    /// <summary>What the JSON round trip leaves: ordered maps, lists, and scalars as (text, is-a-string).</summary>
    private object? JsonShape(object? value) => value switch
    {
        null => new Scalar("null", false),
        string s => new Scalar(s, true),
        bool b => new Scalar(b ? "true" : "false", false),
        int i => new Scalar(i.ToString(CultureInfo.InvariantCulture), false),
        long l => new Scalar(l.ToString(CultureInfo.InvariantCulture), false),
        double d => new Scalar(_pretty ? PrettyNumber(d) : NumberText(d), false),
        byte[] bytes => new Scalar(Convert.ToBase64String(bytes), true),
        Dictionary<string, object?> map => Map(map.Select(p => (p.Key, p.Value))),
        Dictionary<string, string> smap => Map(smap.Select(p => (p.Key, (object?)p.Value))),
        IGoObject obj => Map(obj.Fields.Select(p => (p.Key, p.Value))),
        List<object?> list => list.Select(JsonShape).ToList(),
        List<string> strings => strings.Select(s => JsonShape(s)).ToList(),
        System.Collections.IList other => other.Cast<object?>().Select(JsonShape).ToList(),
        _ => new Scalar(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, true),
    };

    private List<KeyValuePair<string, object?>> Map(IEnumerable<(string Key, object? Value)> entries)
    {
        var list = entries.Select(e => new KeyValuePair<string, object?>(e.Key, JsonShape(e.Value))).ToList();
        list.Sort((a, b) => GoYamlKeyOrder.Compare(a.Key, b.Key));
        return list;
    }

    /// <summary>go-yaml v3's float: 'g' with the YAML names for infinities and NaN.</summary>
    private static string PrettyNumber(double d) => GoNumberText.FormatG(d) switch
    {
        "+Inf" => ".inf",
        "-Inf" => "-.inf",
        "NaN" => ".nan",
        var text => text,
    };

    /// <summary>A float64 as JSON writes it, then as go-yaml reads that back (an int when it can) and prints it.</summary>
    private static string NumberText(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new GoYamlException($"error marshaling into JSON: json: unsupported value: {GoNumberText.FormatG(d)}");
        }

        var json = GoNumberText.FormatJson(d);
        if (GoYamlScalars.TryParseGoInt(json, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        if (ulong.TryParse(json, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned))
        {
            return unsigned.ToString(CultureInfo.InvariantCulture);
        }

        return GoNumberText.FormatG(double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private sealed record Scalar(string Text, bool IsString);

    /// <summary>A node after its key or dash, at its parent's indentation (-1 for the document root).</summary>
    private void Node(object? node, int indent)
    {
        switch (node)
        {
            case List<KeyValuePair<string, object?>> { Count: > 0 } map:
                Mapping(map, Math.Max(indent, 0));
                break;
            case List<KeyValuePair<string, object?>>:
                Write("{}");
                break;
            case List<object?> { Count: > 0 } list:
                Sequence(list, Math.Max(indent, 0));
                break;
            case List<object?>:
                Write("[]");
                break;
            case Scalar scalar:
                WriteScalar(scalar, indent < 0 ? Indent : indent + Indent, simpleKey: false);
                break;
        }
    }

    private void Mapping(List<KeyValuePair<string, object?>> map, int indent)
    {
        foreach (var (key, value) in map)
        {
            StartLine(indent);
            WriteScalar(new Scalar(key, true), indent + Indent, simpleKey: true);
            Put(':');
            switch (value)
            {
                case List<KeyValuePair<string, object?>> { Count: > 0 } child:
                    Mapping(child, indent + Indent);
                    break;
                case List<object?> { Count: > 0 } items:
                    // go-yaml v2 does not indent a sequence under its mapping key; v3 with SetIndent(2) does.
                    Sequence(items, _pretty ? indent + Indent : indent);
                    break;
                default:
                    Put(' ');
                    Node(value, indent);
                    break;
            }
        }
    }

    private void Sequence(List<object?> items, int indent)
    {
        foreach (var item in items)
        {
            StartLine(indent);
            Put('-');
            Put(' ');
            switch (item)
            {
                case List<KeyValuePair<string, object?>> { Count: > 0 } map:
                    FirstOnLine(() => Mapping(map, indent + Indent));
                    break;
                case List<object?> { Count: > 0 } list:
                    FirstOnLine(() => Sequence(list, indent + Indent));
                    break;
                default:
                    Node(item, indent);
                    break;
            }
        }
    }

    /// <summary>A collection whose first entry continues the dash's line: the first StartLine must not break.</summary>
    private void FirstOnLine(Action write)
    {
        _continueLine = true;
        write();
    }

    private bool _continueLine;

    private void StartLine(int indent)
    {
        if (_continueLine)
        {
            _continueLine = false;
            return;
        }

        if (_column != 0)
        {
            Put('\n');
        }

        while (_column < indent)
        {
            Put(' ');
        }
    }

    private void WriteScalar(Scalar scalar, int indent, bool simpleKey)
    {
        if (!scalar.IsString)
        {
            Write(scalar.Text);
            return;
        }

        var text = scalar.Text;
        var analysis = GoYamlScalarAnalysis.Analyze(text);
        var canUsePlain = !GoYamlScalars.ResolvesToNonString(text) && !GoYamlScalars.IsBase60Float(text);
        var style = text.Contains('\n', StringComparison.Ordinal) ? Style.Literal : canUsePlain ? Style.Plain : Style.DoubleQuoted;
        if (simpleKey && analysis.Multiline)
        {
            style = Style.DoubleQuoted;
        }

        if (style == Style.Plain && !analysis.BlockPlainAllowed)
        {
            style = Style.SingleQuoted;
        }

        if (style == Style.SingleQuoted && !analysis.SingleQuotedAllowed)
        {
            style = Style.DoubleQuoted;
        }

        if (style == Style.Literal && (!analysis.BlockAllowed || simpleKey))
        {
            style = Style.DoubleQuoted;
        }

        switch (style)
        {
            case Style.Plain:
                Plain(text, indent, allowBreaks: !simpleKey);
                break;
            case Style.SingleQuoted:
                SingleQuoted(text, indent, allowBreaks: !simpleKey);
                break;
            case Style.DoubleQuoted:
                DoubleQuoted(text, indent, allowBreaks: !simpleKey);
                break;
            default:
                Literal(text, indent);
                break;
        }
    }

    private void Plain(string text, int indent, bool allowBreaks)
    {
        var runes = text.EnumerateRunes().ToArray();
        var spaces = false;
        var breaks = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var r = runes[i];
            if (r.Value == ' ')
            {
                if (allowBreaks && !spaces && _column > _bestWidth && !IsSpaceAt(runes, i + 1))
                {
                    Indentation(indent);
                }
                else
                {
                    Put(r);
                }

                spaces = true;
            }
            else if (GoYamlScalarAnalysis.IsBreak(r))
            {
                if (!breaks && r.Value == '\n')
                {
                    Put('\n');
                }

                Put(r);
                breaks = true;
            }
            else
            {
                if (breaks)
                {
                    Indentation(indent);
                }

                Put(r);
                spaces = false;
                breaks = false;
            }
        }
    }

    private void SingleQuoted(string text, int indent, bool allowBreaks)
    {
        var runes = text.EnumerateRunes().ToArray();
        Put('\'');
        var spaces = false;
        var breaks = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var r = runes[i];
            if (r.Value == ' ')
            {
                if (allowBreaks && !spaces && _column > _bestWidth && i > 0 && i < runes.Length - 1 && !IsSpaceAt(runes, i + 1))
                {
                    Indentation(indent);
                }
                else
                {
                    Put(r);
                }

                spaces = true;
            }
            else if (GoYamlScalarAnalysis.IsBreak(r))
            {
                if (!breaks && r.Value == '\n')
                {
                    Put('\n');
                }

                Put(r);
                breaks = true;
            }
            else
            {
                if (breaks)
                {
                    Indentation(indent);
                }

                if (r.Value == '\'')
                {
                    Put('\'');
                }

                Put(r);
                spaces = false;
                breaks = false;
            }
        }

        Put('\'');
    }

    private void DoubleQuoted(string text, int indent, bool allowBreaks)
    {
        var runes = text.EnumerateRunes().ToArray();
        Put('"');
        var spaces = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var r = runes[i];
            if (!GoYamlScalarAnalysis.IsPrintable(r) || r.Value == 0xFEFF || GoYamlScalarAnalysis.IsBreak(r) || r.Value is '"' or '\\')
            {
                Put('\\');
                Write(Escape(r));
                spaces = false;
            }
            else if (r.Value == ' ')
            {
                if (allowBreaks && !spaces && _column > _bestWidth && i > 0 && i < runes.Length - 1)
                {
                    Indentation(indent);
                    if (IsSpaceAt(runes, i + 1))
                    {
                        Put('\\');
                    }
                }
                else
                {
                    Put(r);
                }

                spaces = true;
            }
            else
            {
                Put(r);
                spaces = false;
            }
        }

        Put('"');
    }

    private static string Escape(Rune r) => r.Value switch
    {
        0x00 => "0",
        0x07 => "a",
        0x08 => "b",
        0x09 => "t",
        0x0A => "n",
        0x0B => "v",
        0x0C => "f",
        0x0D => "r",
        0x1B => "e",
        '"' => "\"",
        '\\' => "\\",
        0x85 => "N",
        0xA0 => "_",
        0x2028 => "L",
        0x2029 => "P",
        <= 0xFF => "x" + r.Value.ToString("X2", CultureInfo.InvariantCulture),
        <= 0xFFFF => "u" + r.Value.ToString("X4", CultureInfo.InvariantCulture),
        _ => "U" + r.Value.ToString("X8", CultureInfo.InvariantCulture),
    };

    private void Literal(string text, int indent)
    {
        Put('|');
        var runes = text.EnumerateRunes().ToArray();
        if (runes.Length > 0 && (runes[0].Value == ' ' || GoYamlScalarAnalysis.IsBreak(runes[0])))
        {
            Write(Indent.ToString(CultureInfo.InvariantCulture));
        }

        Write(ChompHint(runes));
        Put('\n');
        var breaks = true;
        foreach (var r in runes)
        {
            if (GoYamlScalarAnalysis.IsBreak(r))
            {
                Put(r);
                breaks = true;
            }
            else
            {
                if (breaks)
                {
                    while (_column < indent)
                    {
                        Put(' ');
                    }
                }

                Put(r);
                breaks = false;
            }
        }
    }

    /// <summary>Strip (<c>-</c>) without a final break, keep (<c>+</c>) with more than one (or only one), clip otherwise.</summary>
    private static string ChompHint(Rune[] runes)
    {
        if (runes.Length == 0 || !GoYamlScalarAnalysis.IsBreak(runes[^1]))
        {
            return "-";
        }

        if (runes.Length == 1 || GoYamlScalarAnalysis.IsBreak(runes[^2]))
        {
            return "+";
        }

        return string.Empty;
    }

    private static bool IsSpaceAt(Rune[] runes, int i) => i < runes.Length && runes[i].Value == ' ';

    /// <summary>A folded line's continuation: a line break, then the scalar's indentation.</summary>
    private void Indentation(int indent)
    {
        Put('\n');
        while (_column < indent)
        {
            Put(' ');
        }
    }

    private void Write(string s)
    {
        foreach (var r in s.EnumerateRunes())
        {
            Put(r);
        }
    }

    private void Put(char c) => Put(new Rune(c));

    private void Put(Rune r)
    {
        _sb.Append(r.ToString());
        // Every YAML line break (LF, NEL, LS, PS) starts a new line for the emitter's column count.
        _column = GoYamlScalarAnalysis.IsBreak(r) ? 0 : _column + 1;
    }
}
