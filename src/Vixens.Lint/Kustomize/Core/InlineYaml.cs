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
        var lines = text.Split('\n');
        for (var i = headerLine; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            return line.Length - line.TrimStart(' ').Length;
        }

        return 0;
    }
}
