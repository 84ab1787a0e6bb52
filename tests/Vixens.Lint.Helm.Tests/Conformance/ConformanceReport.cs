using System.Globalization;
using System.Text;

namespace Vixens.Lint.Helm.Tests.Conformance;

/// <summary>
/// Maintenance tool, run by hand: writes every case's outcome (pass counts per family, and each failing case with the
/// first line of its explanation) to the file named by <c>VIXENS_HELM_REPORT</c>, to review KnownDifferences.txt.
/// </summary>
public sealed class ConformanceReport
{
    [Test]
    [Explicit("Writes a report file; run by hand")]
    public void Write_report()
    {
        var path = Environment.GetEnvironmentVariable("VIXENS_HELM_REPORT") ?? Path.Combine(Path.GetTempPath(), "helm-conformance-report.tsv");
        var outcomes = HelmCase.All().AsParallel().Select(c => (Case: c, Result: HelmConformanceTests.Check(c))).ToList();
        var sb = new StringBuilder();
        foreach (var family in outcomes.GroupBy(o => o.Case.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"# {family.Key}: {family.Count(o => o.Result.Passed)}/{family.Count()} pass");
        }

        foreach (var (helmCase, (passed, explanation)) in outcomes.OrderBy(o => o.Case.Name, StringComparer.Ordinal))
        {
            if (!passed)
            {
                sb.Append(helmCase.Name).Append('\t').AppendLine(explanation.Split('\n')[0].Replace('\t', ' '));
            }
        }

        File.WriteAllText(path, sb.ToString());
        TestContext.Out.WriteLine($"report: {path}");
    }
}
