namespace Vixens.Lint.Kustomize.Tests;

/// <summary>
/// The suites must fail, not pass on fewer cases, when shared/ is missing or cut short; and the two lists the tests read
/// must name only variants that exist.
/// </summary>
[TestFixture]
public sealed class SharedDataTests
{
    /// <summary>The public conformance set's size when this floor was set (shared/conformance/kustomize/README.md).</summary>
    private const int PublicCaseFloor = 200;

    /// <summary>Directories of shared/corpus/vixens.expected/index.tsv when this floor was set.</summary>
    private const int VixensDirectoryFloor = 336;

    [Test]
    public void Every_conformance_case_of_shared_is_run()
    {
        var index = File.ReadAllLines(Path.Combine(SharedPaths.ConformanceCases, "features.tsv")).Skip(1).Count(l => l.Length > 0);
        var folders = Directory.GetDirectories(SharedPaths.ConformanceCases).Length;
        var cases = ConformanceCase.All().Count();
        Assert.Multiple(() =>
        {
            Assert.That(index, Is.GreaterThanOrEqualTo(PublicCaseFloor), "features.tsv lists fewer cases than the floor");
            Assert.That(folders, Is.EqualTo(index), "case folders and features.tsv disagree");
            Assert.That(cases, Is.EqualTo(index), "cases without a readable meta.json are not run");
        });
    }

    [Test]
    public void Every_directory_of_the_vixens_corpus_is_run() =>
        Assert.That(VixensCorpusTests.Dirs().Count(), Is.GreaterThanOrEqualTo(VixensDirectoryFloor));

    [Test]
    public void The_lists_name_existing_variants()
    {
        var variants = ConformanceCase.All().SelectMany(c => c.Variants()).ToList();
        var names = variants.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var errorNames = variants.Where(v => v.ExpectedError is not null).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(KnownDifferences.Names.Where(n => !names.Contains(n)), Is.Empty, "KnownDifferences.txt names unknown variants");
            Assert.That(ErrorTexts.Names.Where(n => !errorNames.Contains(n)), Is.Empty, "ErrorTexts.txt names variants that are not error cases");
        });
    }
}
