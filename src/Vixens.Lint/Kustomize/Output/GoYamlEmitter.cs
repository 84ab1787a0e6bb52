using System.Globalization;
using System.Text;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Output;

/// <summary>
/// Writes one YAML document the way go-yaml v2 does when kustomize prints a resource: block style, keys sorted,
/// sequences not indented under their key, 2-space indent, long scalars folded at spaces after column 80, strings
/// quoted only when they must be. The scalar style choice follows libyaml's analysis of the text.
/// </summary>
internal sealed class GoYamlEmitter
{
    private const int BestWidth = 80;
    private const int BestIndent = 2;
    private const int MaxSimpleKeyBytes = 128;

    private readonly StringBuilder _out;
    private int _column;

    public GoYamlEmitter(StringBuilder output) => _out = output;

    public void WriteDocument(YamlNode root)
    {
        _column = 0;
        switch (root)
        {
            case YamlMapping { Count: > 0 } map:
                WriteMapping(map, 0, inline: true);
                break;
            case YamlSequence { Count: > 0 } seq:
                WriteSequence(seq, 0, inline: true);
                break;
            default:
                WriteValueInline(root, 0);
                break;
        }

        NewLine();
    }

    private void WriteMapping(YamlMapping map, int indent, bool inline)
    {
        var entries = map.Entries
            .Select(e => e)
            .OrderBy(e => e.Key.Value, GoYamlKeyOrder.Instance)
            .ToList();
        var first = true;
        foreach (var entry in entries)
        {
            if (!(first && inline))
            {
                NewLine();
                Spaces(indent);
            }

            first = false;
            if (IsSimpleKey(entry.Key.Value))
            {
                WriteString(entry.Key.Value, indent, simpleKey: true);
                Put(":");
            }
            else
            {
                Put("? ");
                WriteString(entry.Key.Value, indent + BestIndent, simpleKey: false);
                NewLine();
                Spaces(indent);
                Put(":");
            }

            WriteChild(entry.Value, indent, inSequence: false);
        }
    }

    /// <summary>
    /// libyaml writes a key as <c>key: value</c> only when it is one line of at most 128 bytes; any other key gets the
    /// explicit <c>? key</c> / <c>: value</c> form (YAML readers refuse implicit keys past 1024 characters).
    /// </summary>
    private static bool IsSimpleKey(string key) => Encoding.UTF8.GetByteCount(key) <= MaxSimpleKeyBytes && !ScalarAnalysis.Of(key).Multiline;

    private void WriteSequence(YamlSequence seq, int indent, bool inline)
    {
        var first = true;
        foreach (var item in seq.Items)
        {
            if (!(first && inline))
            {
                NewLine();
                Spaces(indent);
            }

            first = false;
            Put("-");
            WriteChild(item, indent, inSequence: true);
        }
    }

    /// <summary>Writes the value after <c>key:</c> or <c>-</c>.</summary>
    private void WriteChild(YamlNode value, int indent, bool inSequence)
    {
        switch (value)
        {
            case YamlMapping { Count: > 0 } map:
                if (inSequence)
                {
                    Put(" ");
                    WriteMapping(map, indent + BestIndent, inline: true);
                }
                else
                {
                    NewLine();
                    Spaces(indent + BestIndent);
                    WriteMapping(map, indent + BestIndent, inline: true);
                }

                break;
            case YamlSequence { Count: > 0 } seq:
                if (inSequence)
                {
                    Put(" ");
                    WriteSequence(seq, indent + BestIndent, inline: true);
                }
                else
                {
                    // go-yaml v2 does not indent a block sequence under its mapping key.
                    NewLine();
                    Spaces(indent);
                    WriteSequence(seq, indent, inline: true);
                }

                break;
            default:
                Put(" ");
                WriteValueInline(value, indent + BestIndent);
                break;
        }
    }

    private void WriteValueInline(YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlMapping:
                Put("{}");
                break;
            case YamlSequence:
                Put("[]");
                break;
            case YamlScalar scalar:
                WriteScalar(scalar, indent);
                break;
        }
    }

    private void WriteScalar(YamlScalar scalar, int indent)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                Put("null");
                break;
            case ScalarKind.Bool:
                Put(scalar.AsBool() ? "true" : "false");
                break;
            case ScalarKind.Int:
                PutNumber(GoYamlScalars.NormalizeInt(scalar.Value), scalar.Value, indent);
                break;
            case ScalarKind.Float when GoYamlScalars.OverflowsDouble(scalar.Value):
                // go-yaml v3 cannot read it as a float either, so it stays the string it looks like.
                WriteString(scalar.Value, indent, simpleKey: false);
                break;
            case ScalarKind.Float:
                PutNumber(GoYamlScalars.NormalizeFloat(scalar.Value), scalar.Value, indent);
                break;
            default:
                if (scalar.Style == ScalarStyle.Plain && scalar.Tag is null && GoYamlScalars.TryGoYamlV3Plain(scalar.Value, out var printed, out var isString))
                {
                    if (isString)
                    {
                        WriteString(printed, indent, simpleKey: false);
                    }
                    else
                    {
                        Put(printed);
                    }

                    break;
                }

                WriteString(scalar.Value, indent, simpleKey: false);
                break;
        }
    }

    /// <summary>
    /// A number as normalised; a scalar tagged <c>!!int</c> or <c>!!float</c> whose text is no number (which kustomize
    /// rejects) is written as a string instead, so the output stays YAML (e.g. <c>!!int "- x"</c> must not print plain).
    /// </summary>
    private void PutNumber(string normalized, string original, int indent)
    {
        if (YamlScalar.ResolvePlain(normalized) is ScalarKind.Int or ScalarKind.Float)
        {
            Put(normalized);
        }
        else
        {
            WriteString(original, indent, simpleKey: false);
        }
    }

    private enum Style
    {
        Plain,
        Single,
        Double,
        Literal,
    }

    private void WriteString(string value, int indent, bool simpleKey)
    {
        switch (ChooseStyle(value, simpleKey))
        {
            case Style.Plain:
                WritePlain(value, indent, allowBreaks: !simpleKey);
                break;
            case Style.Single:
                WriteSingle(value, indent, allowBreaks: !simpleKey);
                break;
            case Style.Literal:
                WriteLiteral(value, indent);
                break;
            default:
                WriteDouble(value, indent, allowBreaks: !simpleKey);
                break;
        }
    }

    private static Style ChooseStyle(string value, bool simpleKey)
    {
        Style style;
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            style = Style.Literal;
        }
        else if (value.Length > 0 && GoYamlScalars.ResolvesToString(value))
        {
            style = Style.Plain;
        }
        else
        {
            style = Style.Double;
        }

        var analysis = ScalarAnalysis.Of(value);
        if (simpleKey && analysis.Multiline)
        {
            return Style.Double;
        }

        if (style == Style.Plain && (!analysis.BlockPlainAllowed || (value.Length == 0 && simpleKey)))
        {
            style = Style.Single;
        }

        if (style == Style.Single && !analysis.SingleQuotedAllowed)
        {
            style = Style.Double;
        }

        if (style == Style.Literal && (!analysis.BlockAllowed || simpleKey))
        {
            style = Style.Double;
        }

        return style;
    }

    private void WritePlain(string value, int indent, bool allowBreaks)
    {
        var spaces = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > BestWidth && !(i + 1 < value.Length && value[i + 1] == ' '))
                {
                    NewLine();
                    Spaces(indent);
                }
                else
                {
                    PutChar(c);
                }

                spaces = true;
            }
            else
            {
                PutChar(c);
                spaces = false;
            }
        }
    }

    private void WriteSingle(string value, int indent, bool allowBreaks)
    {
        PutChar('\'');
        var spaces = false;
        var breaks = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ' ')
            {
                if (allowBreaks && !spaces && _column > BestWidth && i > 0 && i < value.Length - 1 && value[i + 1] != ' ')
                {
                    NewLine();
                    Spaces(indent);
                }
                else
                {
                    PutChar(c);
                }

                spaces = true;
            }
            else if (c == '\n')
            {
                if (!breaks)
                {
                    NewLine();
                }

                NewLine();
                breaks = true;
            }
            else
            {
                if (breaks)
                {
                    Spaces(indent);
                }

                if (c == '\'')
                {
                    PutChar('\'');
                }

                PutChar(c);
                spaces = false;
                breaks = false;
            }
        }

        PutChar('\'');
    }

    private void WriteDouble(string value, int indent, bool allowBreaks)
    {
        PutChar('"');
        var spaces = false;
        var i = 0;
        while (i < value.Length)
        {
            var rune = Rune.GetRuneAt(value, i);
            var width = rune.Utf16SequenceLength;
            var v = rune.Value;
            if (!ScalarAnalysis.IsPrintable(v) || v == 0xFEFF || ScalarAnalysis.IsBreak(v) || v == '"' || v == '\\')
            {
                PutChar('\\');
                switch (v)
                {
                    case 0x00: PutChar('0'); break;
                    case 0x07: PutChar('a'); break;
                    case 0x08: PutChar('b'); break;
                    case 0x09: PutChar('t'); break;
                    case 0x0A: PutChar('n'); break;
                    case 0x0B: PutChar('v'); break;
                    case 0x0C: PutChar('f'); break;
                    case 0x0D: PutChar('r'); break;
                    case 0x1B: PutChar('e'); break;
                    case 0x22: PutChar('"'); break;
                    case 0x5C: PutChar('\\'); break;
                    case 0x85: PutChar('N'); break;
                    case 0xA0: PutChar('_'); break;
                    case 0x2028: PutChar('L'); break;
                    case 0x2029: PutChar('P'); break;
                    default:
                        if (v <= 0xFF)
                        {
                            Put("x" + v.ToString("X2", CultureInfo.InvariantCulture));
                        }
                        else if (v <= 0xFFFF)
                        {
                            Put("u" + v.ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            Put("U" + v.ToString("X8", CultureInfo.InvariantCulture));
                        }

                        break;
                }

                spaces = false;
            }
            else if (v == ' ')
            {
                if (allowBreaks && !spaces && _column > BestWidth && i != 0 && i != value.Length - 1)
                {
                    NewLine();
                    Spaces(indent);
                    if (i + 1 < value.Length && value[i + 1] == ' ')
                    {
                        PutChar('\\');
                    }
                }
                else
                {
                    PutChar(' ');
                }

                spaces = true;
            }
            else
            {
                _out.Append(value, i, width);
                _column++;
                spaces = false;
            }

            i += width;
        }

        PutChar('"');
    }

    private void WriteLiteral(string value, int indent)
    {
        // Line breaks are YAML's (LF, NEL, LS, PS; a CR never gets here, it forces double quotes), as libyaml counts
        // them for the header and the indentation: a line after an LS is indented too, or it would end the block.
        Put("|");
        if (value.Length > 0 && (value[0] == ' ' || ScalarAnalysis.IsBreak(value[0])))
        {
            Put(BestIndent.ToString(CultureInfo.InvariantCulture));
        }

        if (value.Length == 0 || !ScalarAnalysis.IsBreak(value[^1]))
        {
            Put("-");
        }
        else if (value.Length == 1 || ScalarAnalysis.IsBreak(value[^2]))
        {
            Put("+");
        }

        // A trailing line feed ends the last line; it does not start a new one (the caller ends the line).
        var end = value.EndsWith('\n') ? value.Length - 1 : value.Length;
        var lineStart = 0;
        NewLine();
        for (var i = 0; i <= end; i++)
        {
            if (i < end && !ScalarAnalysis.IsBreak(value[i]))
            {
                continue;
            }

            if (i > lineStart)
            {
                Spaces(indent);
                Put(value[lineStart..i]);
            }

            if (i < end)
            {
                if (value[i] == '\n')
                {
                    NewLine();
                }
                else
                {
                    _out.Append(value[i]);
                    _column = 0;
                }
            }

            lineStart = i + 1;
        }
    }

    private void NewLine()
    {
        // Never leave trailing spaces, and never emit a blank line by accident.
        _out.Append('\n');
        _column = 0;
    }

    private void Spaces(int count)
    {
        _out.Append(' ', count);
        _column += count;
    }

    private void Put(string text)
    {
        _out.Append(text);
        _column += text.Length;
    }

    private void PutChar(char c)
    {
        _out.Append(c);
        if (!char.IsLowSurrogate(c))
        {
            _column++;
        }
    }
}
