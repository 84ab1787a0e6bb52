namespace Vixens.Lint.Helm.Tests;

/// <summary>The suite must fail, not pass empty, when the Helm conformance data is missing or cut short.</summary>
public sealed class SharedDataTests
{
    /// <summary>The public set's size when this floor was set; the index and the folders must both reach it.</summary>
    private const int PublicCaseFloor = 808;

    [Test]
    public void Public_helm_cases_are_all_present()
    {
        var index = File.ReadAllLines(Path.Combine(SharedPaths.HelmCases, "features.tsv")).Skip(1).Where(l => l.Length > 0).ToList();
        var folders = Directory.GetDirectories(SharedPaths.HelmCases).Where(d => File.Exists(Path.Combine(d, "meta.json"))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(index, Has.Count.GreaterThanOrEqualTo(PublicCaseFloor));
            Assert.That(folders, Has.Count.EqualTo(index.Count));
        });
    }
}
