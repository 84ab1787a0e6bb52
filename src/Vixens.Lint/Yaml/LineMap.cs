namespace Vixens.Lint.Yaml;

/// <summary>
/// Where the lines of a text start, counting line breaks as YAML (and so YamlDotNet's marks) does: CR LF, CR, LF, NEL,
/// LS and PS. Positions the loader reports are computed or clamped through it, so that they always lie inside the text,
/// even where YamlDotNet marks a point past its end (the end of a stream without a final line break is on the next line).
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = [0];
    private readonly List<int> _lengths = [];

    public LineMap(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029'))
            {
                continue;
            }

            _lengths.Add(i - start);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
            _starts.Add(start);
        }

        _lengths.Add(text.Length - start);
    }

    public int LineCount => _starts.Count;

    /// <summary>Offset of the first character of a 1-based line, or null past the last line.</summary>
    public int? StartOf(int line) => line >= 1 && line <= LineCount ? _starts[line - 1] : null;

    /// <summary>The characters of a 1-based line, its line break excluded.</summary>
    public int LengthOf(int line) => _lengths[line - 1];

    /// <summary>The 1-based position of the character at <paramref name="offset"/> (or just after the text).</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        var line = index >= 0 ? index + 1 : ~index;
        return Clamp(line, offset - _starts[line - 1] + 1);
    }

    /// <summary>The nearest position inside the text: lines 1..last, columns 1..one past the line's last character.</summary>
    public (int Line, int Column) Clamp(long line, long column)
    {
        if (line > LineCount)
        {
            return (LineCount, LengthOf(LineCount) + 1);
        }

        var clampedLine = (int)Math.Max(1, line);
        return (clampedLine, (int)Math.Clamp(column, 1, LengthOf(clampedLine) + 1));
    }
}
