using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Tests.Sarif;

namespace Vixens.Lint.MSBuild.Tests;

/// <summary>The two tasks in isolation, through <see cref="RecordingBuildEngine"/> (no child process).</summary>
public sealed class TaskTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("vixens-task-").FullName;
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

    private VixensLint Analyzer(RecordingBuildEngine engine) => new()
    {
        BuildEngine = engine,
        RepositoryRoot = _dir,
        SarifOutputPath = "obj/vixens-lint.sarif",
        CacheFile = "obj/vixens-lint.diagnostics.json",
    };

    [Test]
    public void Analyzer_writes_sarif_and_cache_once_and_logs_no_findings()
    {
        var engine = new RecordingBuildEngine(Project);
        var task = Analyzer(engine);
        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.True);
            Assert.That(engine.Errors, Is.Empty, "findings are the report task's job");
            Assert.That(engine.Warnings, Is.Empty);
            Assert.That(task.WrittenFiles, Has.Length.EqualTo(2));
        });
        SarifChecks.AssertValid(File.ReadAllBytes(Path.Combine(_dir, "obj", "vixens-lint.sarif")));

        var again = Analyzer(new RecordingBuildEngine(Project));
        Assert.Multiple(() =>
        {
            Assert.That(again.Execute(), Is.True);
            Assert.That(again.WrittenFiles, Is.Empty, "unchanged content is not rewritten");
        });
    }

    [Test]
    public void Report_logs_line_and_column_only_with_help_link_and_fails_on_errors()
    {
        Assert.That(Analyzer(new RecordingBuildEngine(Project)).Execute(), Is.True);
        var engine = new RecordingBuildEngine(Project);
        var report = new VixensLintReport { BuildEngine = engine, CacheFile = Path.Combine(_dir, "obj", "vixens-lint.diagnostics.json") };
        Assert.That(report.Execute(), Is.False);
        var error = engine.Errors.Single(e => e.Code == "VX4001");
        Assert.Multiple(() =>
        {
            Assert.That(error.File, Is.EqualTo(Path.Combine("apps", "web", "deployment.yaml")));
            Assert.That((error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber), Is.EqualTo((18, 18, 0, 0)));
            Assert.That(error.HelpLink, Does.EndWith("docs/rules/VX4001.md"));
            Assert.That(engine.Warnings.Select(w => w.Code), Does.Contain("VX4002"));
            Assert.That(report.ErrorCount, Is.EqualTo(engine.Errors.Count));
        });
    }

    [Test]
    public void Report_rejects_an_unknown_fail_on_value_and_a_missing_cache()
    {
        var engine = new RecordingBuildEngine(Project);
        Assert.That(new VixensLintReport { BuildEngine = engine, CacheFile = Path.Combine(_dir, "missing.json"), FailOn = "sometimes" }.Execute(), Is.False);
        Assert.That(engine.Errors.Single().Code, Is.EqualTo("VXB003"));
        engine = new RecordingBuildEngine(Project);
        Assert.That(new VixensLintReport { BuildEngine = engine, CacheFile = Path.Combine(_dir, "missing.json") }.Execute(), Is.False);
        Assert.That(engine.Errors.Single().Code, Is.EqualTo("VXB004"));
    }
}
