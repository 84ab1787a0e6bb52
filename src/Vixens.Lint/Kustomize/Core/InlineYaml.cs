using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// Parses YAML written inside a kustomization string (an inline patch or plugin config) so that its nodes point at the
/// real lines of the kustomization file: a block scalar's content starts on the next line, indented.
/// </summary>
internal static class InlineYaml
{
    public static YamlFile Parse(YamlScalar scalar, string hostText)
    {
        var file = YamlLoader.Parse(scalar.Span.File, scalar.Value);
        var block = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        var indent = block ? BlockIndent(hostText, scalar.Span.StartLine) : 0;
        foreach (var doc in file.Documents)
        {
            if (doc.Root is null)
            {
                continue;
            }

            foreach (var node in doc.Root.DescendantsAndSelf())
            {
                node.Span = block
                    ? node.Span with
                    {
                        File = scalar.Span.File,
                        StartLine = scalar.Span.StartLine + node.Span.StartLine,
                        EndLine = scalar.Span.StartLine + node.Span.EndLine,
                        StartColumn = node.Span.StartColumn + indent,
                        EndColumn = node.Span.EndColumn + indent,
                    }
                    : scalar.Span;
            }
        }

        return file;
    }

    /// <summary>Indentation of the first non-empty line after the block scalar header.</summary>
    private static int BlockIndent(string text, int headerLine)
    {
        // Walks to the line after the header instead of splitting the whole file: components with many inline
        // patches are re-read for every overlay that includes them.
        var start = 0;
        for (var line = 1; line <= headerLine && start >= 0; line++)
        {
            var newline = text.IndexOf('\n', start);
            start = newline < 0 ? -1 : newline + 1;
        }

        while (start >= 0 && start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start).TrimEnd('\r');
            if (!line.IsWhiteSpace())
            {
                return line.Length - line.TrimStart(' ').Length;
            }

            start = end < 0 ? -1 : end + 1;
        }

        return 0;
    }
}
