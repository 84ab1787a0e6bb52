namespace Vixens.Lint.Kustomize.Tests;

/// <summary>
/// Every directory of shared/corpus/vixens.expected/index.tsv: "ok" must render to kustomize's bytes,
/// "failed" must fail with a diagnostic. One renderer cache for the whole fixture, as the product uses it.
/// </summary>
[TestFixture]
public sealed class VixensCorpusTests
{
    private static readonly KustomizeCache Cache = new();

    public static IEnumerable<TestCaseData> Dirs()
    {
        var index = Path.Combine(SharedPaths.VixensExpected, "index.tsv");
        if (!File.Exists(index))
        {
            throw new FileNotFoundException("The Vixens corpus index is missing", index);
        }

        foreach (var line in File.ReadLines(index).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 2)
            {
                yield return new TestCaseData(fields[0], fields[1]).SetName("vixens:" + fields[0]);
            }
        }
    }

    internal static RenderResult Render(string dir) =>
        new KustomizeRenderer().Render(Path.Combine(SharedPaths.VixensCorpus, dir),
            new KustomizeOptions { Cache = Cache, RepositoryRoot = SharedPaths.VixensCorpus });

    [TestCaseSource(nameof(Dirs))]
    public void RendersLikeKustomize(string dir, string status)
    {
        var result = Render(dir);
        if (status != "ok")
        {
            Assert.That(result.Succeeded, Is.False, "kustomize fails on this directory; the render must fail too");
            Assert.That(result.Diagnostics, Is.Not.Empty);
            return;
        }

        Assert.That(result.Succeeded, Is.True, () => string.Join("\n", result.Diagnostics));
        var actual = KustomizeYamlWriter.Write(result.Resources);
        var expected = File.ReadAllText(Path.Combine(SharedPaths.VixensExpected, dir.Replace("/", "__", StringComparison.Ordinal) + ".yaml"));
        Assert.That(Comparison.Compare(actual, expected), Is.EqualTo(Match.ByteIdentical), () => "not byte-identical to kustomize's output:\n" + actual);
    }
}
