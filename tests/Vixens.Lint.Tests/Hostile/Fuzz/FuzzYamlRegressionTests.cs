using System.Text;
using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Tests.Hostile.Fuzz;

/// <summary>
/// Inputs the fuzzer's <c>yaml</c> target found (docs/fuzzing.md), kept as files under <c>inputs/yaml</c>. Each must load
/// without throwing and with every position inside the text: 1-based, on an existing line (YAML's line breaks: CR LF,
/// CR, LF, NEL, LS, PS), at most one column past its end, and not ending before it starts.
/// </summary>
public sealed class FuzzYamlRegressionTests
{
    private const string Path = "/fuzz/input.yaml";

    private static IEnumerable<TestCaseData> Inputs() =>
        Directory.GetFiles(System.IO.Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Hostile", "Fuzz", "inputs", "yaml"))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(System.IO.Path.GetFileName(f)));

    [TestCaseSource(nameof(Inputs))]
    public void Loads_with_every_position_inside_the_text(string inputFile)
    {
        var bytes = File.ReadAllBytes(inputFile);
        var file = YamlLoader.LoadBytes(Path, bytes);
        _ = ManifestLoader.Classify(file);
        // An undecodable file keeps no text; its diagnostic points into the part before the bad byte.
        var lines = LineLengths(file.Text.Length > 0 ? file.Text : Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));

        var spans = file.Diagnostics.Select(d => (d.Location, $"{d.Id} {d.Message}"))
            .Concat(file.Documents.Select(d => (d.Span, $"document {d.Index}")))
            .Concat(file.Documents.Where(d => d.Root is not null).SelectMany(d => d.Root!.DescendantsAndSelf()).Select(n => (n.Span, n.GetType().Name)));
        Assert.Multiple(() =>
        {
            foreach (var (span, what) in spans)
            {
                Assert.That(IsInside(span, lines), Is.True, $"{what} at ({span.StartLine},{span.StartColumn})-({span.EndLine},{span.EndColumn}); line lengths [{string.Join(", ", lines)}]");
            }
        });
    }

    [Test]
    public void End_of_a_stream_without_final_line_break_is_at_the_end_of_the_last_line()
    {
        var file = YamlLoader.Parse(Path, "a: 1\nb: 2");
        Assert.That(file.Documents[0].Span, Is.EqualTo(new SourceSpan(Path, 1, 1, 2, 5)));
    }

    [Test]
    public void Syntax_error_spanning_lines_keeps_its_own_end_column()
    {
        // The end column used to be raised to the start column (4), past the end of the one-character line 2.
        var file = YamlLoader.Parse(Path, "a: \"b\nc");
        var error = file.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That((error.Location.StartLine, error.Location.StartColumn), Is.EqualTo((1, 4)));
            Assert.That(error.Location.EndLine, Is.EqualTo(2));
            Assert.That(error.Location.EndColumn, Is.LessThanOrEqualTo(2));
        });
    }

    [Test]
    public void Invalid_utf8_position_counts_a_lone_cr_as_a_line_break_like_the_parser()
    {
        var file = YamlLoader.LoadBytes(Path, Encoding.UTF8.GetBytes("a: 1\rb: ").Append((byte)0xFF).ToArray());
        var error = file.Diagnostics.Single();
        Assert.That((error.Location.StartLine, error.Location.StartColumn), Is.EqualTo((2, 4)));
    }

    private static bool IsInside(SourceSpan span, IReadOnlyList<int> lines) =>
        IsInside(span.StartLine, span.StartColumn, lines)
        && IsInside(span.EndLine, span.EndColumn, lines)
        && (span.EndLine, span.EndColumn).CompareTo((span.StartLine, span.StartColumn)) >= 0;

    private static bool IsInside(int line, int column, IReadOnlyList<int> lines) =>
        line >= 1 && line <= lines.Count && column >= 1 && column <= lines[line - 1] + 1;

    private static List<int> LineLengths(string text)
    {
        var lengths = new List<int>();
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r' or '\u0085' or '\u2028' or '\u2029':
                    lengths.Add(length);
                    length = 0;
                    break;
                default:
                    length++;
                    break;
            }
        }

        lengths.Add(length);
        return lengths;
    }
}
