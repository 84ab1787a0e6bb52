using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Tests;

/// <summary>The writer reprints every reference output byte for byte (quoting, folding, literal blocks, key order).</summary>
[TestFixture]
public sealed class WriterTests
{
    public static IEnumerable<TestCaseData> ExpectedFiles()
    {
        var files = new List<string>();
        if (Directory.Exists(SharedPaths.ConformanceCases))
        {
            files.AddRange(Directory.GetFiles(SharedPaths.ConformanceCases, "expected.yaml", SearchOption.AllDirectories));
        }

        if (Directory.Exists(SharedPaths.VixensExpected))
        {
            files.AddRange(Directory.GetFiles(SharedPaths.VixensExpected, "*.yaml"));
        }

        return files.Order(StringComparer.Ordinal).Select(f => new TestCaseData(f).SetName("reprint:" + Path.GetRelativePath(SharedPaths.Shared, f)));
    }

    [TestCaseSource(nameof(ExpectedFiles))]
    public void ReprintsReferenceOutputExactly(string file)
    {
        var text = File.ReadAllText(file);
        var parsed = YamlLoader.Parse(file, text);
        var resources = parsed.Documents.Where(d => d.Root is YamlMapping).Select(d => new KubeResource((YamlMapping)d.Root!)).ToList();
        Assert.That(KustomizeYamlWriter.Write(resources), Is.EqualTo(text));
    }
}
