using System.Text;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Sarif;

/// <summary><c>vixens-lint check --format sarif</c> goes through <see cref="Vixens.Lint.Sarif.SarifReportWriter"/>.</summary>
[NonParallelizable]
public sealed class SarifCliTests
{
    [Test]
    public void Check_format_sarif_on_the_homelab_sample_is_valid_and_repository_relative()
    {
        var (exitCode, stdout, _) = CliRunner.Run("check", "samples/homelab", "--format", "sarif");
        Assert.That(exitCode, Is.EqualTo(1), "the sample has deliberate errors");
        var log = SarifChecks.AssertValid(Encoding.UTF8.GetBytes(stdout));
        var uris = log["runs"]![0]!["results"]!.AsArray().Select(r => (string?)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(uris, Does.Contain("samples/homelab/apps/20-tools/notes/base/deployment.yaml"), "relative to the git work tree");
            Assert.That(stdout, Does.Not.Contain(TestPaths.RepositoryRoot));
        });
    }

    /// <summary>Sarif.Sdk drops shortDescription when it equals fullDescription: a pack rule without a description lost its title in SARIF.</summary>
    [Test]
    public void Pack_rule_without_description_keeps_its_title_as_short_description()
    {
        using var repo = new TempRepository();
        repo.Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        var pack = repo.Write("team.rulepack.yaml",
            "pack:\n  name: team\n  version: 0.1.0\nrules:\n  - id: VX9001\n    name: NeedsData\n    title: ConfigMap without data\n    message: no data\n" +
            "    severity: warning\n    match:\n      target: resource\n      kinds: [ConfigMap]\n    schema:\n      required: [data]\n");
        var (_, stdout, stderr) = CliRunner.Run("check", repo.Root, "--rulepack", pack, "--format", "sarif");
        var rule = SarifChecks.AssertValid(Encoding.UTF8.GetBytes(stdout))["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray()
            .Single(r => (string?)r!["id"] == "VX9001");
        Assert.Multiple(() =>
        {
            Assert.That((string?)rule!["shortDescription"]?["text"], Is.EqualTo("ConfigMap without data"), stderr);
            // No page of ours documents a user's rule: the link goes to the rule-pack guide, not to a missing page.
            Assert.That((string?)rule!["helpUri"], Does.EndWith("docs/rule-packs.md"));
        });
    }

    [Test]
    public void Check_accepts_sarif_omit_suppressed()
    {
        var (exitCode, stdout, stderr) = CliRunner.Run("check", "samples/homelab", "--format", "sarif", "--sarif-omit-suppressed");
        Assert.That(exitCode, Is.EqualTo(1), stderr);
        var results = SarifChecks.AssertValid(Encoding.UTF8.GetBytes(stdout))["runs"]![0]!["results"]!.AsArray();
        Assert.That(results.Where(r => r!["suppressions"] is not null), Is.Empty);
    }

    [Test]
    public void Check_of_the_whole_vixens_corpus_writes_valid_sarif_with_fingerprints_everywhere()
    {
        var output = Path.Combine(Path.GetTempPath(), $"vixens-corpus-{Guid.NewGuid():N}.sarif");
        try
        {
            var (exitCode, _, stderr) = CliRunner.Run("check", TestPaths.VixensCorpus, "--format", "sarif", "--output", output);
            Assert.That(exitCode, Is.AnyOf(0, 1), stderr);
            var log = SarifChecks.AssertValid(File.ReadAllBytes(output));
            var results = log["runs"]![0]!["results"]!.AsArray();
            Assert.Multiple(() =>
            {
                Assert.That(results, Has.Count.GreaterThan(100), "the corpus has findings");
                Assert.That(results.All(r => r!["partialFingerprints"]?["vixensLogicalFingerprint/v1"] is not null), Is.True, "every result has a fingerprint");
                Assert.That(results.All(r => (int?)r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] >= 1), Is.True);
            });
        }
        finally
        {
            File.Delete(output);
        }
    }
}
