using System.Text.Json;

namespace Vixens.Lint.Helm.Tests.Template;

/// <summary>
/// Template snippets beyond the conformance corpus (parse errors, execution errors, printing, scoping, trimming,
/// numbers, comparisons), each run once through the real helm v3.17.2 and its output or error committed in
/// HelmOracleSnippets.json. A snippet is wrapped as the corpus wraps them: <c>define "case"</c> (or a partial file
/// when it defines templates itself) included into a ConfigMap's <c>data.out</c> with the shared values as dot.
/// </summary>
public sealed class HelmOracleSnippetTests
{
    private static readonly Lazy<(string Values, List<OracleCase> Cases)> Data = new(Load);

    public static IEnumerable<TestCaseData> Cases() =>
        Data.Value.Cases.Select(static (c, i) => new TestCaseData(i).SetName($"Snippet_{i:D3}: {Shorten(c.Snippet)}"));

    [Test]
    public void The_data_is_all_there() => Assert.That(Data.Value.Cases, Has.Count.GreaterThanOrEqualTo(504));

    [TestCaseSource(nameof(Cases))]
    public void Snippet_renders_as_helm_does(int index)
    {
        var c = Data.Value.Cases[index];
        var isPartial = c.Snippet.Contains("define", StringComparison.Ordinal) || c.Snippet.Contains("block", StringComparison.Ordinal);
        var include = isPartial ? "case/templates/_snippet.tpl" : "case";
        var templates = new List<KeyValuePair<string, string>>
        {
            isPartial
                ? KeyValuePair.Create("_snippet.tpl", c.Snippet)
                : KeyValuePair.Create("_case.tpl", "{{ define \"case\" }}" + c.Snippet + "{{ end }}"),
            KeyValuePair.Create(
                "case.yaml",
                $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: case\ndata:\n  out: {c.BlockStyle}\n    {{{{- include \"{include}\" .Values | nindent 4 }}}}\n"),
        };
        templates.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        var (output, error) = GotplCaseHarness.RenderFiles("case", templates, GotplCaseHarness.ReadValues(Data.Value.Values));

        if (c.Error is not null)
        {
            Assert.That(error, Is.EqualTo(c.Error), $"snippet: {c.Snippet}\noutput: {output}");
        }
        else
        {
            Assert.That(error, Is.Null, $"snippet: {c.Snippet}");
            Assert.That(output, Is.EqualTo(c.Output), $"snippet: {c.Snippet}");
        }
    }

    private static string Shorten(string s)
    {
        var oneLine = s.Replace("\n", "\\n", StringComparison.Ordinal);
        return oneLine.Length > 60 ? oneLine[..60] + "…" : oneLine;
    }

    private static (string, List<OracleCase>) Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Template", "HelmOracleSnippets.json")));
        var values = doc.RootElement.GetProperty("values").GetString()!;
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().Select(static e => new OracleCase(
            e.GetProperty("snippet").GetString()!,
            e.GetProperty("blockStyle").GetString()!,
            e.TryGetProperty("output", out var o) ? o.GetString() : null,
            e.TryGetProperty("error", out var err) ? err.GetString() : null)).ToList();
        return (values, cases);
    }

    private sealed record OracleCase(string Snippet, string BlockStyle, string? Output, string? Error);
}
