using NUnit.Framework;
using Vixens.Lint.Kustomize;
using Vixens.Lint.Model;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.Hostile.Fuzz;

/// <summary>
/// Inputs for which the fuzzer's <c>yaml</c> target found that the render writer (<see cref="KustomizeYamlWriter"/>)
/// printed text that is not YAML (docs/fuzzing.md). Kept under <c>inputs/writer</c>: each must print YAML that reads
/// back without error.
/// </summary>
public sealed class FuzzWriterRegressionTests
{
    private static IEnumerable<TestCaseData> Inputs() =>
        Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Hostile", "Fuzz", "inputs", "writer"))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(f)));

    [TestCaseSource(nameof(Inputs))]
    public void Printed_yaml_reads_back(string inputFile)
    {
        var file = YamlLoader.LoadFile(inputFile);
        Assert.That(file.HasErrors, Is.False, "the input itself must be valid YAML");

        var printed = Print(file);
        var reread = YamlLoader.Parse("/printed.yaml", printed);
        Assert.That(reread.Diagnostics, Is.Empty, printed);
    }

    [Test]
    public void Int_tag_on_text_prints_the_text_quoted()
    {
        var printed = Print(YamlLoader.Parse("/in.yaml", "a: !!int '- x'\n"));
        Assert.That(printed, Is.EqualTo("a: '- x'\n"));
    }

    [Test]
    public void Key_longer_than_128_bytes_uses_the_explicit_key_form_like_go_yaml()
    {
        var longKey = new string('k', 129);
        var shortKey = new string('k', 128);
        Assert.Multiple(() =>
        {
            Assert.That(Print(YamlLoader.Parse("/in.yaml", $"{longKey}: v\n")), Is.EqualTo($"? {longKey}\n: v\n"));
            Assert.That(Print(YamlLoader.Parse("/in.yaml", $"{shortKey}: v\n")), Is.EqualTo($"{shortKey}: v\n"));
        });
    }

    [Test]
    public void Line_after_a_line_separator_in_a_literal_block_is_indented()
    {
        var printed = Print(YamlLoader.Parse("/in.yaml", "a: \"x\\Ly\\nz\"\n"));
        Assert.That(printed, Is.EqualTo("a: |-\n  x\u2028  y\n  z\n"));
    }

    private static string Print(YamlFile file) =>
        KustomizeYamlWriter.Write(file.Documents.Select(d => d.Root).OfType<YamlMapping>().Select(m => new KubeResource(m)));
}
