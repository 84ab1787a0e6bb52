using System.Text;

namespace Vixens.Lint.Kustomize.Tests;

/// <summary>
/// Prints the conformance figures (byte-identical variants of the public cases, and of the Vixens corpus) for the
/// performance and conformance pages. The per-case tests do the asserting; this one only checks that it saw data.
/// </summary>
[TestFixture]
public sealed class SummaryReport
{
    [Test]
    public void PrintsConformanceFigures()
    {
        var report = new StringBuilder();
        int outputs = 0, bytes = 0, errors = 0, errorsOk = 0;
        var scratch = Path.Combine(Path.GetTempPath(), "vixens-kustomize-summary-" + Environment.ProcessId);
        foreach (var variant in ConformanceCase.All().SelectMany(c => c.Variants()))
        {
            var outcome = ConformanceTests.Run(variant, Path.Combine(scratch, variant.Kind));
            if (variant.ExpectedOutput is not null)
            {
                outputs++;
                bytes += outcome.Passed ? 1 : 0;
            }
            else
            {
                errors++;
                errorsOk += outcome.Passed ? 1 : 0;
            }
        }

        report.AppendLine($"Public conformance: {outputs} output variants, byte-identical {bytes} ({Pct(bytes, outputs)}); {errors} error variants, failing as kustomize does {errorsOk}");

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
        Assert.Multiple(() =>
        {
            Assert.That(outputs, Is.GreaterThan(0), "no conformance output variant was read");
            Assert.That(ok, Is.GreaterThan(0), "no Vixens corpus directory was read");
        });
    }

    private static string Pct(int n, int total) => total == 0 ? "n/a" : $"{100.0 * n / total:0.0}%";
}
