using System.Text;

namespace Vixens.Lint.Kustomize.Tests;

/// <summary>Prints the conformance figures: semantic and byte-identical pass rates for the public cases and the Vixens corpus.</summary>
[TestFixture]
public sealed class SummaryReport
{
    [Test]
    public void PrintsConformanceFigures()
    {
        var report = new StringBuilder();
        int outputs = 0, semantic = 0, bytes = 0, errors = 0, errorsOk = 0, blocked = 0;
        var scratch = Path.Combine(Path.GetTempPath(), "vixens-kustomize-summary-" + Environment.ProcessId);
        foreach (var c in ConformanceCase.All())
        {
            var result = new KustomizeRenderer().Render(c.Materialize(scratch), new KustomizeOptions { Cache = new KustomizeCache() });
            var outcome = ConformanceTests.Evaluate(c, result);
            blocked += !outcome.Passed && Comparison.IsPatchEngineMissing(result) ? 1 : 0;
            if (c.ExpectedOutput is not null)
            {
                outputs++;
                semantic += outcome.Passed ? 1 : 0;
                bytes += outcome.Passed && outcome.ByteIdentical ? 1 : 0;
            }
            else
            {
                errors++;
                errorsOk += outcome.Passed ? 1 : 0;
            }
        }

        report.AppendLine($"Public conformance: {outputs} output cases, semantic {semantic} ({Pct(semantic, outputs)}), byte-identical {bytes} ({Pct(bytes, outputs)}); {errors} error cases, failing as expected {errorsOk}; blocked by PatchingStub {blocked}");

        int ok = 0, vSemantic = 0, vBytes = 0, failed = 0, failedOk = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        foreach (var data in VixensCorpusTests.Dirs())
        {
            var dir = (string)data.Arguments[0]!;
            var status = (string)data.Arguments[1]!;
            var result = VixensCorpusTests.Render(dir);
            if (status == "ok")
            {
                ok++;
                if (result.Succeeded)
                {
                    var expected = File.ReadAllText(Path.Combine(SharedPaths.VixensExpected, dir.Replace("/", "__", StringComparison.Ordinal) + ".yaml"));
                    var match = Comparison.Compare(KustomizeYamlWriter.Write(result.Resources), expected);
                    vSemantic += match != Match.Different ? 1 : 0;
                    vBytes += match == Match.ByteIdentical ? 1 : 0;
                }
            }
            else
            {
                failed++;
                failedOk += result.Succeeded ? 0 : 1;
            }
        }

        report.AppendLine($"Vixens corpus: {ok} ok dirs, semantic {vSemantic} ({Pct(vSemantic, ok)}), byte-identical {vBytes} ({Pct(vBytes, ok)}); {failed} failed dirs, failing as expected {failedOk}; {sw.ElapsedMilliseconds} ms");
        TestContext.Out.WriteLine(report.ToString());
        Assert.That(outputs + ok, Is.GreaterThan(0).Or.EqualTo(0));
    }

    private static string Pct(int n, int total) => total == 0 ? "n/a" : $"{100.0 * n / total:0.0}%";
}
