using System.Reflection;
using Microsoft.Build.Logging.StructuredLogger;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Tests.Sarif;
using MSBuildTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace Vixens.Lint.MSBuild.Tests;

/// <summary>
/// Builds a copy of samples/homelab (its manifests.proj and manifests) with `dotnet build` in a child process, as a user
/// would, and checks the console lines, the exit code, the SARIF file and the binary log. Assertions name only the
/// sample's documented defects (samples/homelab/README.md), so that new rules do not break them.
/// </summary>
[TestFixture]
[Category("e2e")]
[NonParallelizable]
public sealed class ManifestProjectTests
{
    private static readonly string TaskConfiguration = typeof(ManifestProjectTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "VixensLintTaskConfiguration").Value!;

    private string _dir = null!;
    private int _builds;

    private string SarifPath => Path.Combine(_dir, "out", "vixens-lint.sarif");

    [SetUp]
    public void SetUp()
    {
        var task = Path.Combine(TestPaths.RepositoryRoot, "src", "Vixens.Lint.MSBuild", "bin", TaskConfiguration, "net8.0", "Vixens.Lint.MSBuild.dll");
        Assert.That(task, Does.Exist, "build src/Vixens.Lint.MSBuild first (the test project references it)");
        _dir = Directory.CreateTempSubdirectory("vixens-e2e-").FullName;
        _builds = 0;
        var sample = Path.Combine(TestPaths.RepositoryRoot, "samples", "homelab");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("out/", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(_dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void TearDown()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            Directory.Delete(_dir, recursive: true);
        }
        else
        {
            TestContext.Out.WriteLine($"Kept {_dir} (binary logs build-*.binlog) for inspection.");
        }
    }

    [Test]
    public void Build_fails_with_canonical_errors_then_a_no_op_build_skips_analysis_and_still_fails()
    {
        var first = Build();
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Not.Zero, first.Output);
            Assert.That(first.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith(NotesDeployment, StringComparison.Ordinal) && c is { Line: 19, Column: 18, Kind: "error", Code: "VX4001" }));
            Assert.That(first.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith(NotesDeployment, StringComparison.Ordinal) && c is { Line: 23, Kind: "warning", Code: "VX4003" }));
            Assert.That(AnalysisWasSkipped(first), Is.False);
            Assert.That(AnalyzeTarget(first).FindChildrenRecursive<MSBuildTask>(t => t.Name == "VixensLint"), Has.Count.EqualTo(1));
        });
        Assert.That(SarifPath, Does.Exist);
        SarifChecks.AssertValid(File.ReadAllBytes(SarifPath));
        var sarifTime = File.GetLastWriteTimeUtc(SarifPath);

        var second = Build();
        var report = ReportTask(second);
        TestContext.Out.WriteLine(
            $"No-op build: {second.Elapsed.TotalMilliseconds:0} ms wall clock; VixensLint target {TargetNamed(second, "VixensLint").Duration.TotalMilliseconds:0} ms; " +
            $"VixensLintReport task {report.Duration.TotalMilliseconds:0} ms; _VixensLintAnalyze {TargetNamed(second, "_VixensLintAnalyze").Duration.TotalMilliseconds:0} ms (skipped).");
        Assert.Multiple(() =>
        {
            Assert.That(second.ExitCode, Is.Not.Zero, "the same errors fail the build again");
            Assert.That(AnalysisWasSkipped(second), Is.True, "analysis is incremental");
            Assert.That(AnalyzeTarget(second).FindChildrenRecursive<MSBuildTask>(), Is.Empty);
            Assert.That(second.Errors.Select(e => e.Code), Does.Contain("VX4001"), "errors are logged again from the cache");
            Assert.That(second.Canonical, Is.EquivalentTo(first.Canonical));
            Assert.That(File.GetLastWriteTimeUtc(SarifPath), Is.EqualTo(sarifTime), "SARIF not rewritten");
        });

        PinNotesImage();
        var third = Build();
        Assert.Multiple(() =>
        {
            Assert.That(AnalysisWasSkipped(third), Is.False, "a changed manifest is analysed again");
            Assert.That(third.Canonical.Select(c => c.Code), Does.Not.Contain("VX4001"));
            Assert.That(File.GetLastWriteTimeUtc(SarifPath), Is.Not.EqualTo(sarifTime), "SARIF rewritten");
        });
        SarifChecks.AssertValid(File.ReadAllBytes(SarifPath));
    }

    [Test]
    public void A_changed_property_or_a_deleted_sarif_file_triggers_a_new_analysis()
    {
        Build();
        var withCategory = Build("-p:VixensLintSarifCategory=vixens-lint/homelab/");
        Assert.Multiple(() =>
        {
            Assert.That(AnalysisWasSkipped(withCategory), Is.False, "a -p: property that changes the SARIF file is an input");
            Assert.That((string?)SarifChecks.AssertValid(File.ReadAllBytes(SarifPath))["runs"]![0]!["automationDetails"]?["id"], Is.EqualTo("vixens-lint/homelab/"));
        });

        File.Delete(SarifPath);
        var afterDelete = Build("-p:VixensLintSarifCategory=vixens-lint/homelab/");
        Assert.Multiple(() =>
        {
            Assert.That(AnalysisWasSkipped(afterDelete), Is.False, "a deleted SARIF file is written again");
            Assert.That(SarifPath, Does.Exist);
        });
    }

    [Test]
    public void Clean_removes_the_outputs_and_Rebuild_analyses_again()
    {
        Build();
        var cacheFiles = Directory.GetFiles(Path.Combine(_dir, "obj"), "vixens-lint.*.diagnostics.json");
        Assert.That(cacheFiles, Has.Length.EqualTo(1));
        var clean = Build("-t:Clean");
        Assert.Multiple(() =>
        {
            Assert.That(clean.ExitCode, Is.Zero, clean.Output);
            Assert.That(SarifPath, Does.Not.Exist);
            Assert.That(cacheFiles[0], Does.Not.Exist);
        });

        var rebuild = Build("-t:Rebuild");
        Assert.Multiple(() =>
        {
            Assert.That(AnalysisWasSkipped(rebuild), Is.False);
            Assert.That(rebuild.Canonical.Select(c => c.Code), Does.Contain("VX4001"));
            Assert.That(SarifPath, Does.Exist);
        });
    }

    [Test]
    public void NoWarn_silences_a_rule_warning()
    {
        var run = Build("-p:NoWarn=VX4003");
        Assert.Multiple(() =>
        {
            Assert.That(run.Canonical.Select(c => c.Code), Does.Not.Contain("VX4003"));
            Assert.That(run.Canonical.Select(c => c.Code), Does.Contain("VX4001"));
            Assert.That(run.Canonical.Select(c => c.Code), Does.Contain("VX4005"), "only the named code is silenced");
            Assert.That(run.Warnings.Select(w => w.Code), Does.Not.Contain("VX4003"));
        });
    }

    [TestCase("-warnaserror")]
    [TestCase("-p:WarningsAsErrors=VX4003")]
    [TestCase("-p:TreatWarningsAsErrors=true")]
    public void Warnings_can_be_promoted_to_errors(string switchText)
    {
        var run = Build(switchText);
        Assert.That(run.Canonical, Has.Some.Matches<Canonical>(c => c is { Code: "VX4003", Kind: "error" }), run.Output);
    }

    [Test]
    public void FailOn_warning_logs_warnings_as_errors()
    {
        PinNotesImage();
        var run = Build("-p:VixensLintFailOn=warning");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.Zero);
            Assert.That(run.Canonical, Has.Some.Matches<Canonical>(c => c is { Code: "VX4003", Kind: "error" }));
            Assert.That(run.Canonical.Select(c => c.Kind), Has.None.EqualTo("warning"));
        });
    }

    [Test]
    public void A_rule_pack_item_fires_a_settings_file_changes_a_severity_and_a_baseline_silences_old_findings()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "policies"));
        File.WriteAllText(Path.Combine(_dir, "policies", "acme.rulepack.yaml"), TaskConfigurationTests.ReplicasPack);
        File.WriteAllText(Path.Combine(_dir, ".vixens-lint.yaml"), "rules: { VX4003: error }\n");
        var project = Path.Combine(_dir, "manifests.proj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "  <Import Project=\"$(VixensLintSourceRoot)src/Vixens.Lint.Sdk/Sdk/Sdk.targets\" />",
            "  <ItemGroup>\n    <VixensLintRulePack Include=\"policies/acme.rulepack.yaml\" />\n  </ItemGroup>\n\n  <Import Project=\"$(VixensLintSourceRoot)src/Vixens.Lint.Sdk/Sdk/Sdk.targets\" />",
            StringComparison.Ordinal));

        var configured = Build();
        Assert.Multiple(() =>
        {
            Assert.That(configured.ExitCode, Is.EqualTo(1), configured.Output);
            Assert.That(configured.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith("apps/10-web/whoami/base/deployment.yaml", StringComparison.Ordinal) && c is { Line: 8, Kind: "error", Code: "VX9001" }), "the user's pack");
            Assert.That(configured.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith(NotesDeployment, StringComparison.Ordinal) && c is { Line: 23, Kind: "error", Code: "VX4003" }), "the settings made a warning an error");
        });

        var options = new Analysis.LintInvocationOptions(_dir) { RepositoryRoot = _dir, RulePacks = [Path.Combine(_dir, "policies", "acme.rulepack.yaml")] };
        Analysis.LintEngine.Run(Analysis.LintRequestFactory.Create(options)).ToBaseline().Save(Path.Combine(_dir, "baseline.json"));
        var baselined = Build("-p:VixensLintBaseline=baseline.json");
        Assert.Multiple(() =>
        {
            Assert.That(AnalysisWasSkipped(baselined), Is.False, "a new baseline property is a new analysis");
            Assert.That(baselined.ExitCode, Is.Zero, baselined.Output);
            Assert.That(baselined.Canonical, Is.Empty, "every finding is in the baseline");
            Assert.That(baselined.Log.FindChildrenRecursive<Message>(m => m.Text.Contains("VX9001", StringComparison.Ordinal) && m.Text.EndsWith("(in the baseline)", StringComparison.Ordinal)), Is.Not.Empty);
        });
    }

    [Test]
    public void A_missing_task_assembly_is_one_clear_error()
    {
        var run = Build("-p:VixensLintTasksAssembly=" + Path.Combine(_dir, "missing", "Vixens.Lint.MSBuild.dll"));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Errors.Select(e => e.Code), Is.EqualTo(new[] { "VXB007" }), run.Output);
            Assert.That(run.Errors.Single().Text, Does.Contain("missing").And.Contain("VixensLintTasksAssembly"));
        });
    }

    [Test]
    public void Design_time_builds_do_not_lint()
    {
        var run = Build("-p:DesignTimeBuild=true");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(run.Canonical, Is.Empty);
            Assert.That(SarifPath, Does.Not.Exist);
        });
    }

    private const string NotesDeployment = "apps/20-tools/notes/base/deployment.yaml";

    private void PinNotesImage()
    {
        var manifest = Path.Combine(_dir, NotesDeployment);
        var text = File.ReadAllText(manifest);
        Assert.That(text, Does.Contain("ghcr.io/example/notes:latest"), "the sample's documented defect");
        File.WriteAllText(manifest, text.Replace("ghcr.io/example/notes:latest", "ghcr.io/example/notes:1.4.2", StringComparison.Ordinal));
    }

    private static Target TargetNamed(BuildRun run, string name) =>
        run.Log.FindFirstDescendant<Target>(t => t.Name == name) ?? throw new AssertionException($"target {name} not in the binary log");

    private static Target AnalyzeTarget(BuildRun run) => TargetNamed(run, "_VixensLintAnalyze");

    /// <summary>MSBuild's own verdict, as recorded in the binary log: skipped because the outputs are up to date.</summary>
    private static bool AnalysisWasSkipped(BuildRun run) =>
        run.Log.FindChildrenRecursive<Message>(m => m.Text.StartsWith("Skipping target \"_VixensLintAnalyze\" because all output files are up-to-date", StringComparison.Ordinal)).Count > 0;

    private static MSBuildTask ReportTask(BuildRun run) =>
        run.Log.FindFirstDescendant<MSBuildTask>(t => t.Name == "VixensLintReport") ?? throw new AssertionException("VixensLintReport did not run");

    private BuildRun Build(params string[] arguments) =>
        DotnetBuild.Run(_dir, Path.Combine(_dir, $"build-{++_builds}.binlog"), [
            "manifests.proj", $"-p:VixensLintSourceRoot={TestPaths.RepositoryRoot}/", $"-p:VixensLintTaskConfiguration={TaskConfiguration}", .. arguments]);
}
