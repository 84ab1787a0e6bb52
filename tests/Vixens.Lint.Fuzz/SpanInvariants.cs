using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Fuzz;

/// <summary>
/// Checks that positions point inside the text they were read from: 1-based, on an existing line, at most one column
/// past its end, and not ending before they start. Line breaks are YAML's (CR LF, CR, LF, NEL, LS, PS), as YamlDotNet counts them.
/// </summary>
internal sealed class SpanInvariants
{
    private readonly string _path;
    private readonly List<int> _lineLengths;

    public SpanInvariants(string path, string text)
    {
        _path = path;
        _lineLengths = LineLengths(text);
    }

    public void CheckDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            // Only positions in this text can be checked; a diagnostic may also point at another file of the tree.
            if (diagnostic.Location.File == _path)
            {
                Check(diagnostic.Location, $"diagnostic {diagnostic.Id} ({diagnostic.Message})");
            }

            foreach (var related in diagnostic.RelatedLocations.Where(r => r.File == _path))
            {
                Check(related, $"related location of {diagnostic.Id}");
            }
        }
    }

    public void CheckTree(YamlNode root)
    {
        foreach (var node in root.DescendantsAndSelf())
        {
            if (node.Span.File != _path)
            {
                throw new InvariantViolationException($"node {node.GetType().Name} read from {_path} has a span in {node.Span.File}");
            }

            Check(node.Span, $"{node.GetType().Name} node");
        }
    }

    public void Check(SourceSpan span, string what)
    {
        CheckPosition(span.StartLine, span.StartColumn, span, what, "start");
        CheckPosition(span.EndLine, span.EndColumn, span, what, "end");
        if (span.EndLine < span.StartLine || (span.EndLine == span.StartLine && span.EndColumn < span.StartColumn))
        {
            throw new InvariantViolationException($"{what}: span {Format(span)} ends before it starts");
        }
    }

    private void CheckPosition(int line, int column, SourceSpan span, string what, string which)
    {
        if (line < 1 || column < 1)
        {
            throw new InvariantViolationException($"{what}: {which} of {Format(span)} is not 1-based");
        }

        if (line > _lineLengths.Count)
        {
            throw new InvariantViolationException($"{what}: {which} of {Format(span)} is past the last line ({_lineLengths.Count})");
        }

        if (column > _lineLengths[line - 1] + 1)
        {
            throw new InvariantViolationException($"{what}: {which} of {Format(span)} is past the end of line {line} ({_lineLengths[line - 1]} characters)");
        }
    }

    private static string Format(SourceSpan span) => $"({span.StartLine},{span.StartColumn})-({span.EndLine},{span.EndColumn})";

    private static List<int> LineLengths(string text)
    {
        var lengths = new List<int>();
        var current = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\u0085' or '\u2028' or '\u2029' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lengths.Add(current);
                current = 0;
            }
            else if (c != '\r')
            {
                current++;
            }
        }

        lengths.Add(current);
        return lengths;
    }
}
