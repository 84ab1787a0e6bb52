using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Tests.Sarif;

namespace Vixens.Lint.Tests.Cli;

/// <summary>
/// Suppression, bypass, opt-in and baseline through the CLI entry point, in text, JSON and SARIF (issue 5), on small
/// temporary repositories with the maturity pack enabled. Every assertion names the exact rule and line.
/// </summary>
[NonParallelizable]
public sealed class AnnotationCliTests
{
    /// <summary>A Pod whose line 7 holds one annotation chosen by the test, so every other line stays put.</summary>
    private static string Pod(string annotation, string image = "ghcr.io/acme/web:1.2.3") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: app
          annotations:
            {annotation}
            lint.vixens.io/suppress-reason: "vendor image, tracked in #42"
        spec:
          containers:
            - name: web
              image: {image}
        """;

    private static TempRepository Repository(string pod)
    {
        var repo = new TempRepository();
        repo.Write(".vixens-lint.yaml", "packs: [vixens-maturity]\n");
        repo.Write("pod.yaml", pod);
        return repo;
    }

    private static JsonArray SarifResults(params string[] args)
    {
        var (_, stdout, stderr) = CliRunner.Run([.. args, "--format", "sarif"]);
        Assert.That(stdout, Is.Not.Empty, stderr);
        return SarifChecks.AssertValid(Encoding.UTF8.GetBytes(stdout))["runs"]![0]!["results"]!.AsArray();
    }

    private static List<JsonNode> Results(JsonArray results, string ruleId) =>
        results.Where(r => (string?)r!["ruleId"] == ruleId).Select(r => r!).ToList();

    private static int Line(JsonNode result) => (int)result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!;

    private static List<int> JsonLines(string stdout, string ruleId) =>
        JsonNode.Parse(stdout)!["diagnostics"]!.AsArray()
            .Where(d => (string?)d!["id"] == ruleId)
            .Select(d => (int)d!["location"]!["line"]!)
            .ToList();

    [Test]
    public void Suppressed_finding_stays_in_sarif_as_in_source_is_counted_and_does_not_fail()
    {
        using var unsuppressed = Repository(Pod("x.example/unrelated: \"true\"", "nginx:latest"));
        Assert.That(CliRunner.Run("check", unsuppressed.Root).ExitCode, Is.EqualTo(1), "control: the :latest image is an error");

        using var repo = Repository(Pod("lint.vixens.io/suppress: \"VX4001\"", "nginx:latest"));
        var (exitCode, stdout, _) = CliRunner.Run("check", repo.Root);
        var image = Results(SarifResults("check", repo.Root), "VX4001").Single();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), "a suppressed error does not fail the run");
            Assert.That(stdout, Does.Not.Contain("VX4001"), "the text output lists active findings only");
            Assert.That(stdout, Does.Contain(" 1 suppressed;"));
            Assert.That(Line(image), Is.EqualTo(12));
            Assert.That(image["suppressions"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That((string?)image["suppressions"]![0]!["kind"], Is.EqualTo("inSource"));
            Assert.That((string?)image["suppressions"]![0]!["justification"], Is.EqualTo("vendor image, tracked in #42"));
        });
    }

    [Test]
    public void A_suppression_that_suppresses_nothing_is_reported_as_VX0901_at_the_annotation()
    {
        using var repo = Repository(Pod("lint.vixens.io/suppress: \"VX4001,VX4012\"", "nginx:latest"));
        var (exitCode, stdout, _) = CliRunner.Run("check", repo.Root);
        var unused = Results(SarifResults("check", repo.Root), "VX0901").Single();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), "VX0901 is a note");
            Assert.That(stdout, Does.Contain("pod.yaml(7,30): note VX0901: Suppression of VX4012 on Pod/app/web is unused"));
            Assert.That(Line(unused), Is.EqualTo(7));
            Assert.That((string?)unused["level"], Is.EqualTo("note"));
            Assert.That(unused["suppressions"], Is.Null);
        });
    }

    [Test]
    public void Bypass_annotation_removes_the_pack_finding_from_text_json_and_sarif()
    {
        using var without = Repository(Pod("x.example/unrelated: \"true\""));
        var text = CliRunner.Run("check", without.Root).Stdout;
        var json = CliRunner.Run("check", without.Root, "--format", "json").Stdout;
        var sarif = Results(SarifResults("check", without.Root), "VX4006");
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("pod.yaml(11,13): warning VX4006: Container \"web\" of Pod/app/web has no startupProbe"));
            Assert.That(JsonLines(json, "VX4006"), Is.EqualTo(new[] { 11 }));
            Assert.That(sarif.Select(Line), Is.EqualTo(new[] { 11 }));
        });

        using var bypassed = Repository(Pod("vixens.io/fast-start: \"true\""));
        Assert.Multiple(() =>
        {
            Assert.That(CliRunner.Run("check", bypassed.Root).Stdout, Does.Not.Contain("VX4006"));
            Assert.That(JsonLines(CliRunner.Run("check", bypassed.Root, "--format", "json").Stdout, "VX4006"), Is.Empty);
            Assert.That(Results(SarifResults("check", bypassed.Root), "VX4006"), Is.Empty, "a bypass is a pass, not a suppression");
        });
    }

    [Test]
    public void Opt_in_rule_fires_only_when_the_pod_opts_in()
    {
        using var silent = Repository(Pod("x.example/unrelated: \"true\""));
        Assert.Multiple(() =>
        {
            Assert.That(CliRunner.Run("check", silent.Root).Stdout, Does.Not.Contain("VX5005"));
            Assert.That(Results(SarifResults("check", silent.Root), "VX5005"), Is.Empty);
        });

        using var optedIn = Repository(Pod("vixens.io/digest-pinned: \"true\""));
        var json = CliRunner.Run("check", optedIn.Root, "--format", "json").Stdout;
        var sarif = Results(SarifResults("check", optedIn.Root), "VX5005");
        Assert.Multiple(() =>
        {
            Assert.That(CliRunner.Run("check", optedIn.Root).Stdout, Does.Contain("pod.yaml(12,14): warning VX5005: Container \"web\" of Pod/app/web uses \"ghcr.io/acme/web:1.2.3\" without @sha256:"));
            Assert.That(JsonLines(json, "VX5005"), Is.EqualTo(new[] { 12 }), "the image, where the failing pattern applies");
            Assert.That(sarif.Select(Line), Is.EqualTo(new[] { 12 }));
        });

        using var pinned = Repository(Pod("vixens.io/digest-pinned: \"true\"", "ghcr.io/acme/web:1.2.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        Assert.That(Results(SarifResults("check", pinned.Root), "VX5005"), Is.Empty, "opted in and pinned: passes");
    }

    [Test]
    public void Baseline_then_check_passes_a_new_defect_fails_and_a_fixed_one_disappears()
    {
        using var repo = Repository(Pod("x.example/unrelated: \"true\"", "nginx:latest"));
        var baseline = repo.PathOf("baseline.json");
        Assert.That(CliRunner.Run("baseline", repo.Root, "--output", baseline).ExitCode, Is.EqualTo(0));

        Assert.That(CliRunner.Run("check", repo.Root, "--baseline", baseline).ExitCode, Is.EqualTo(0), "only baselined findings");
        var old = Results(SarifResults("check", repo.Root, "--baseline", baseline), "VX4001").Single();
        Assert.Multiple(() =>
        {
            Assert.That(Line(old), Is.EqualTo(12));
            Assert.That((string?)old["baselineState"], Is.EqualTo("unchanged"));
        });

        // A second container on :latest is a new defect; the first one is still baselined.
        repo.Write("pod.yaml", Pod("x.example/unrelated: \"true\"", "nginx:latest") + "\n    - name: cache\n      image: redis:latest\n");
        Assert.That(CliRunner.Run("check", repo.Root, "--baseline", baseline).ExitCode, Is.EqualTo(1), "a new error fails");
        var images = Results(SarifResults("check", repo.Root, "--baseline", baseline), "VX4001");
        Assert.That(images.Select(r => $"{Line(r)}:{r["baselineState"]}"), Is.EquivalentTo(new[] { "12:unchanged", "14:new" }));

        // Fixed: the baselined finding is gone from every output; the run passes. The design keeps fixed entries in the
        // library (LintResult.BaselineAbsent), not as SARIF results: GitHub closes an alert a later analysis omits.
        repo.Write("pod.yaml", Pod("x.example/unrelated: \"true\""));
        var (exitCode, text, _) = CliRunner.Run("check", repo.Root, "--baseline", baseline);
        var fixedResults = SarifResults("check", repo.Root, "--baseline", baseline);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0));
            Assert.That(text, Does.Not.Contain("VX4001"));
            Assert.That(Results(fixedResults, "VX4001"), Is.Empty);
            Assert.That(fixedResults.Select(r => (string?)r!["baselineState"]), Has.None.EqualTo("absent"));
        });

        var settings = Lint.Configuration.SettingsLoader.LoadFromRoot(repo.Root);
        var result = Lint.Analysis.LintEngine.Run(new Lint.Analysis.LintRequest(repo.Root)
        {
            RepositoryRoot = repo.Root, BaselinePath = baseline, Settings = settings, Catalog = Lint.Rules.Packs.RuleCatalogFactory.Create(settings),
        });
        Assert.That(result.BaselineAbsent.Select(e => e.RuleId), Is.EqualTo(new[] { "VX4001" }), "the library reports the fixed entry");
    }
}
