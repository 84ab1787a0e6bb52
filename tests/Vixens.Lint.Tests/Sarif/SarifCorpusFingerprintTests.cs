using System.Text.Json.Nodes;
using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Sarif;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Sarif;

/// <summary>
/// GitHub code scanning tracks an alert across commits by its <c>partialFingerprints</c>: on the whole Vixens corpus, a
/// blank line inserted at the top of a manifest with findings must move those findings down one line and change no
/// fingerprint of any result.
/// </summary>
[NonParallelizable]
public sealed class SarifCorpusFingerprintTests
{
    private string _repo = null!;

    [SetUp]
    public void SetUp()
    {
        _repo = Directory.CreateTempSubdirectory("vixens-corpus-fp-").FullName;
        foreach (var file in Directory.EnumerateFiles(TestPaths.VixensCorpus, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_repo, Path.GetRelativePath(TestPaths.VixensCorpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_repo, recursive: true);

    [Test]
    public void A_blank_line_at_the_top_of_a_manifest_moves_its_results_and_keeps_every_fingerprint()
    {
        var before = Results(Sarif());
        Assert.That(before, Has.Count.GreaterThan(100), "the corpus has findings");
        Assert.That(before.Where(r => r.Fingerprints.Count == 0), Is.Empty, "every result has fingerprints");

        // The Kubernetes manifest and the kustomization with the most results: many rules and repeated lines.
        var byFile = before.Where(r => r.Uri.EndsWith(".yaml", StringComparison.Ordinal)).GroupBy(r => r.Uri).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var edited = new HashSet<string>(StringComparer.Ordinal)
        {
            byFile.First(g => !g.Key.EndsWith("/kustomization.yaml", StringComparison.Ordinal)).Key,
            byFile.First(g => g.Key.EndsWith("/kustomization.yaml", StringComparison.Ordinal)).Key,
        };
        foreach (var uri in edited)
        {
            var path = Path.Combine(_repo, Uri.UnescapeDataString(uri));
            File.WriteAllText(path, "\n" + File.ReadAllText(path));
        }

        var after = Results(Sarif());

        Assert.That(after, Has.Count.EqualTo(before.Count), "the same findings");
        Assert.Multiple(() =>
        {
            for (var i = 0; i < before.Count; i++)
            {
                var (b, a) = (before[i], after[i]);
                Assert.That((a.RuleId, a.Uri), Is.EqualTo((b.RuleId, b.Uri)), $"result {i}");
                Assert.That(a.Fingerprints, Is.EquivalentTo(b.Fingerprints), $"result {i}: {b.RuleId} at {b.Uri}({b.Line})");
                Assert.That(a.Line, Is.EqualTo(edited.Contains(b.Uri) ? b.Line + 1 : b.Line), $"result {i}: {b.RuleId} at {b.Uri}({b.Line})");
            }
        });
        TestContext.Out.WriteLine($"{before.Count} results; {before.Count(r => edited.Contains(r.Uri))} in {string.Join(" and ", edited)} moved down one line, every fingerprint kept.");
    }

    [Test]
    public void Suppressed_results_are_kept_by_default_and_can_be_left_out()
    {
        // A suppression on a Deployment with a workload finding (VX4xxx), written in its one metadata block.
        var (first, path, text) = Results(Sarif())
            .Where(r => r.RuleId.StartsWith("VX4", StringComparison.Ordinal) && r.Uri.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(r => (Result: r, Path: Path.Combine(_repo, Uri.UnescapeDataString(r.Uri))))
            .Select(r => (r.Result, r.Path, Text: File.ReadAllText(r.Path)))
            .First(r => r.Text.Contains("\nkind: Deployment\n", StringComparison.Ordinal) && r.Text.Split("\nmetadata:\n").Length == 2 && !r.Text.Contains("\n  annotations:", StringComparison.Ordinal) && !r.Text.Contains("\n---", StringComparison.Ordinal));
        var index = text.IndexOf("\nmetadata:\n", StringComparison.Ordinal) + "\nmetadata:\n".Length;
        File.WriteAllText(path, text.Insert(index, $"  annotations:\n    lint.vixens.io/suppress: \"{first.RuleId}\"\n    lint.vixens.io/suppress-reason: test\n"));
        TestContext.Out.WriteLine($"Suppressed {first.RuleId} in {first.Uri}");

        var kept = SarifChecks.AssertValid(Sarif())["runs"]![0]!["results"]!.AsArray();
        var omitted = SarifChecks.AssertValid(Sarif(omitSuppressed: true))["runs"]![0]!["results"]!.AsArray();
        var suppressed = kept.Where(r => r!["suppressions"] is not null).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(suppressed, Is.Not.Empty);
            Assert.That(suppressed.Select(r => (string?)r!["suppressions"]![0]!["kind"]), Has.All.EqualTo("inSource"));
            Assert.That(omitted.Where(r => r!["suppressions"] is not null), Is.Empty);
            Assert.That(omitted, Has.Count.EqualTo(kept.Count - suppressed.Count));
        });
    }

    private byte[] Sarif(bool omitSuppressed = false) =>
        new SarifReportWriter(new SarifWriterOptions { OmitSuppressed = omitSuppressed }).ToUtf8(LintEngine.Run(LintRequestFactory.Create(new LintInvocationOptions(_repo))));

    private static List<Result> Results(byte[] sarif) =>
        SarifChecks.AssertValid(sarif)["runs"]![0]!["results"]!.AsArray().Select(r => new Result(
            (string)r!["ruleId"]!,
            (string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!,
            (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!,
            (r["partialFingerprints"] as JsonObject ?? []).ToDictionary(p => p.Key, p => (string)p.Value!))).ToList();

    private sealed record Result(string RuleId, string Uri, int Line, Dictionary<string, string> Fingerprints);
}
