using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Tests.Sarif;

namespace Vixens.Lint.MSBuild.Tests;

/// <summary>
/// The analysis task applies what the CLI applies (through the same LintRequestFactory): settings file, rule packs
/// (files and built-in names) and baseline; then the report task logs the result.
/// </summary>
public sealed class TaskConfigurationTests
{
    /// <summary>A user pack: every Deployment needs at least 3 replicas (the fixture's web Deployment has 2, at line 7).</summary>
    internal const string ReplicasPack = """
        pack:
          name: acme
          version: 0.1.0
          description: ACME rules
        rules:
          - id: VX9001
            name: DeploymentNeedsThreeReplicas
            title: Deployment has fewer than 3 replicas
            message: '{resource} has fewer than 3 replicas'
            description: Zone redundancy needs three replicas.
            severity: error
            category: reliability
            helpUri: https://example.com/rules/VX9001
            match:
              target: resource
              kinds: [Deployment]
            schema:
              properties:
                spec:
                  properties:
                    replicas: {minimum: 3}
        """;

    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("vixens-taskcfg-").FullName;
        var fixture = Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.MSBuild.Tests", "Fixtures", "homelab-mini");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Project => Path.Combine(_dir, "manifests.proj");

    private string CacheFile => Path.Combine(_dir, "obj", "vixens-lint.diagnostics.json");

    private (bool Analysed, RecordingBuildEngine Analysis, bool Reported, RecordingBuildEngine Report) Run(Action<VixensLint> configure)
    {
        var analysis = new RecordingBuildEngine(Project);
        var task = new VixensLint
        {
            BuildEngine = analysis,
            RepositoryRoot = _dir,
            SarifOutputPath = "obj/vixens-lint.sarif",
            CacheFile = "obj/vixens-lint.diagnostics.json",
        };
        configure(task);
        var analysed = task.Execute();
        var report = new RecordingBuildEngine(Project);
        var reported = analysed && new VixensLintReport { BuildEngine = report, CacheFile = CacheFile }.Execute();
        return (analysed, analysis, reported, report);
    }

    [Test]
    public void A_rule_pack_file_item_relative_to_the_project_fires_at_its_line()
    {
        File.WriteAllText(Path.Combine(_dir, "acme.rulepack.yaml"), ReplicasPack);
        var run = Run(t => t.RulePacks = [new Microsoft.Build.Utilities.TaskItem("acme.rulepack.yaml")]);
        var error = run.Report.Errors.Single(e => e.Code == "VX9001");
        Assert.Multiple(() =>
        {
            Assert.That(run.Analysed, Is.True);
            Assert.That(error.File, Is.EqualTo(Path.Combine("apps", "web", "deployment.yaml")));
            Assert.That(error.LineNumber, Is.EqualTo(7));
            Assert.That(error.HelpLink, Is.EqualTo("https://example.com/rules/VX9001"));
        });
    }

    [Test]
    public void The_built_in_maturity_pack_is_added_by_name()
    {
        var without = Run(_ => { });
        var with = Run(t => t.RulePacks = [new Microsoft.Build.Utilities.TaskItem("vixens-maturity")]);
        var pack = Rules.Packs.RulePackLoader.LoadBuiltIn("vixens-maturity");
        var maturityIds = pack.Rules.Concat(pack.CodeRules).SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(AllCodes(without.Report).Where(maturityIds.Contains), Is.Empty);
            Assert.That(AllCodes(with.Report).Where(maturityIds.Contains), Is.Not.Empty);
        });
    }

    [Test]
    public void A_settings_file_changes_a_severity_and_its_failOn_applies()
    {
        Assert.That(Run(_ => { }).Report.Warnings.Select(w => w.Code), Does.Contain("VX4002"), "a warning by default");
        File.WriteAllText(Path.Combine(_dir, "lint.yaml"), "rules: { VX4002: error, VX4001: none }\n");
        var run = Run(t => t.SettingsFile = "lint.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(run.Report.Errors.Select(e => e.Code), Does.Contain("VX4002"));
            Assert.That(run.Report.Warnings.Select(w => w.Code), Does.Not.Contain("VX4002"));
            Assert.That(AllCodes(run.Report), Does.Not.Contain("VX4001"), "none disables");
        });

        File.WriteAllText(Path.Combine(_dir, "lint.yaml"), "failOn: warning\n");
        var failOnWarning = Run(t => t.SettingsFile = "lint.yaml");
        Assert.That(failOnWarning.Report.Errors.Select(e => e.Code), Does.Contain("VX4002"), "failOn from the settings when VixensLintFailOn is empty");
    }

    [Test]
    public void The_default_settings_file_at_the_repository_root_is_read()
    {
        File.WriteAllText(Path.Combine(_dir, ".vixens-lint.yaml"), "rules: { VX4002: error }\n");
        Assert.That(Run(_ => { }).Report.Errors.Select(e => e.Code), Does.Contain("VX4002"));
    }

    [Test]
    public void A_baseline_turns_old_findings_into_messages_and_new_ones_still_fail()
    {
        var baseline = Path.Combine(_dir, "baseline.json");
        LintEngine.Run(new LintRequest(_dir) { RepositoryRoot = _dir }).ToBaseline().Save(baseline);

        var old = Run(t => t.Baseline = "baseline.json");
        Assert.Multiple(() =>
        {
            Assert.That(old.Reported, Is.True, "every finding is in the baseline");
            Assert.That(old.Report.Errors, Is.Empty);
            Assert.That(old.Report.Warnings, Is.Empty);
            Assert.That(old.Report.Messages, Has.Some.Matches<Microsoft.Build.Framework.BuildMessageEventArgs>(m => m.Code == "VX4001" && m.Message!.EndsWith("(in the baseline)", StringComparison.Ordinal)));
        });

        File.WriteAllText(Path.Combine(_dir, "acme.rulepack.yaml"), ReplicasPack);
        var withNew = Run(t =>
        {
            t.Baseline = "baseline.json";
            t.RulePacks = [new Microsoft.Build.Utilities.TaskItem("acme.rulepack.yaml")];
        });
        Assert.That(withNew.Report.Errors.Select(e => e.Code), Is.EqualTo(new[] { "VX9001" }), "only the new finding fails");
        var sarif = SarifChecks.AssertValid(File.ReadAllBytes(Path.Combine(_dir, "obj", "vixens-lint.sarif")));
        var states = sarif["runs"]![0]!["results"]!.AsArray().Select(r => ((string)r!["ruleId"]!, (string?)r["baselineState"])).ToList();
        Assert.That(states, Does.Contain(("VX9001", (string?)"new")).And.Contain(("VX4001", (string?)"unchanged")));
    }

    [Test]
    public void A_malformed_pack_or_settings_file_is_an_error_at_its_file_and_line()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.rulepack.yaml"), "pack:\n  name: bad\nrules:\n  - id: nope\n");
        var pack = Run(t => t.RulePacks = [new Microsoft.Build.Utilities.TaskItem("bad.rulepack.yaml")]);
        File.WriteAllText(Path.Combine(_dir, "lint.yaml"), "rulez: {}\n");
        var settings = Run(t => t.SettingsFile = "lint.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(pack.Analysed, Is.False);
            Assert.That(pack.Analysis.Errors, Is.Not.Empty);
            Assert.That(pack.Analysis.Errors.Select(e => (e.Code, e.File)), Has.All.EqualTo(("VXB006", Path.Combine(_dir, "bad.rulepack.yaml"))));
            Assert.That(pack.Analysis.Errors.Select(e => e.LineNumber), Has.All.GreaterThan(0));
            Assert.That(settings.Analysed, Is.False);
            Assert.That(settings.Analysis.Errors.Single(), Has.Property("Code").EqualTo("VXB006").And.Property("LineNumber").EqualTo(1));
            Assert.That(settings.Analysis.Errors.Single().Message, Does.Contain("rules"), "did you mean");
        });
    }

    [Test]
    public void Suppressed_findings_can_be_left_out_of_the_sarif_file()
    {
        var manifest = Path.Combine(_dir, "apps", "web", "deployment.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(
            "  namespace: web\n", "  namespace: web\n  annotations:\n    lint.vixens.io/suppress: \"VX4001\"\n    lint.vixens.io/suppress-reason: test\n", StringComparison.Ordinal));
        var sarifPath = Path.Combine(_dir, "obj", "vixens-lint.sarif");
        Run(_ => { });
        var kept = Results(sarifPath);
        Run(t => t.SarifOmitSuppressed = true);
        var omitted = Results(sarifPath);
        Assert.Multiple(() =>
        {
            Assert.That(kept.Where(r => r!["suppressions"] is not null).Select(r => (string)r!["ruleId"]!), Is.EqualTo(new[] { "VX4001" }));
            Assert.That(omitted.Select(r => (string)r!["ruleId"]!), Does.Not.Contain("VX4001"));
            Assert.That(omitted, Has.Count.EqualTo(kept.Count - 1));
        });
    }

    [Test]
    public void Environments_limit_the_analysis_like_check_env()
    {
        // samples/homelab: the replica typo VX1001 is in the prod overlay only (samples/homelab/README.md).
        var sample = Path.Combine(_dir, "homelab");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "samples", "homelab"), "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(sample, Path.GetRelativePath(Path.Combine(TestPaths.RepositoryRoot, "samples", "homelab"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        RunIn(sample, null);
        var all = ReportCodes(sample);
        RunIn(sample, ["dev"]);
        var dev = ReportCodes(sample);
        RunIn(sample, ["prod"]);
        var prod = ReportCodes(sample);
        Assert.Multiple(() =>
        {
            Assert.That(all, Does.Contain("VX1001"));
            Assert.That(dev, Does.Not.Contain("VX1001"));
            Assert.That(prod, Does.Contain("VX1001"));
            Assert.That(dev, Does.Contain("VX4001"), "the shared base is analysed in every environment");
        });

        void RunIn(string root, string[]? environments) => Assert.That(new VixensLint
        {
            BuildEngine = new RecordingBuildEngine(Path.Combine(root, "manifests.proj")),
            RepositoryRoot = root,
            SarifOutputPath = "obj/vixens-lint.sarif",
            CacheFile = "obj/vixens-lint.diagnostics.json",
            Environments = environments,
        }.Execute(), Is.True);

        static List<string> ReportCodes(string root)
        {
            var engine = new RecordingBuildEngine(Path.Combine(root, "manifests.proj"));
            new VixensLintReport { BuildEngine = engine, CacheFile = Path.Combine(root, "obj", "vixens-lint.diagnostics.json") }.Execute();
            return AllCodes(engine).ToList();
        }
    }

    private static List<System.Text.Json.Nodes.JsonNode?> Results(string sarifPath) =>
        [.. SarifChecks.AssertValid(File.ReadAllBytes(sarifPath))["runs"]![0]!["results"]!.AsArray()];

    private static IEnumerable<string> AllCodes(RecordingBuildEngine engine) =>
        engine.Errors.Select(e => e.Code).Concat(engine.Warnings.Select(w => w.Code)).Concat(engine.Messages.Select(m => m.Code)).Where(c => c is not null)!;
}
