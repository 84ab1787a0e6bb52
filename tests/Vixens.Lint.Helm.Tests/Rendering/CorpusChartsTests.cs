using System.Diagnostics;

namespace Vixens.Lint.Helm.Tests.Rendering;

/// <summary>Every packaged chart of shared/corpus/vixens-charts renders with its default values in one process.</summary>
public sealed class CorpusChartsTests
{
    /// <summary>Charts helm v3.17.2 itself refuses with their default values (checked with the oracle), and its message.</summary>
    private static readonly Dictionary<string, string> HelmFailures = new(StringComparer.Ordinal)
    {
        ["crowdsec-0.22.1.tgz"] = "execution error at (crowdsec/templates/agent-daemonSet.yaml:23:38): No acquisition or additionalAcquisition configured",
    };

    [Test]
    public void Every_corpus_chart_renders_with_default_values()
    {
        var index = Path.Combine(SharedPaths.VixensCharts, "index.tsv");
        var files = File.ReadAllLines(index).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[3]).ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(10), "the corpus index is cut short");

        var runner = new HelmTemplateRunner();
        var stopwatch = Stopwatch.StartNew();
        var failures = new List<string>();
        foreach (var file in files)
        {
            var result = runner.Run(new HelmTemplateOptions
            {
                ReleaseName = "release",
                ChartPath = file,
                WorkingDirectory = SharedPaths.VixensCharts,
                Capabilities = new Objects.HelmCapabilities { KubeVersion = "v1.34.0" },
                IncludeCrds = true,
            });
            var expectedError = HelmFailures.GetValueOrDefault(file);
            if (result.Error?.Message != expectedError)
            {
                failures.Add($"{file}: {result.Error?.Message ?? "rendered, but helm fails: " + expectedError}");
            }
        }

        TestContext.Out.WriteLine($"{files.Count} charts in {stopwatch.Elapsed.TotalSeconds:F2} s");
        Assert.That(failures, Is.Empty);
    }
}
