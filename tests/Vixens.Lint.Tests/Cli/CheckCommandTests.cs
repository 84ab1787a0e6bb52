using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Cli;

[NonParallelizable]
public sealed class CheckCommandTests
{
    [Test]
    public void Text_output_on_the_homelab_sample_is_approved()
    {
        var (exitCode, stdout, _) = CliRunner.Run("check", "samples/homelab");
        Assert.That(exitCode, Is.EqualTo(1), "the sample has deliberate errors");
        ApprovedFile.Verify("check-homelab.text", stdout);
    }

    [Test]
    public void Json_output_on_the_homelab_sample_is_approved()
    {
        var (exitCode, stdout, _) = CliRunner.Run("check", "samples/homelab", "--format", "json");
        Assert.That(exitCode, Is.EqualTo(1));
        ApprovedFile.Verify("check-homelab", stdout, "json");
    }

    [Test]
    public void Output_is_deterministic()
    {
        var first = CliRunner.Run("check", "samples/homelab", "--format", "json").Stdout;
        var second = CliRunner.Run("check", "samples/homelab", "--format", "json").Stdout;
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Fail_on_note_with_only_warnings_and_errors_disabled_still_fails()
    {
        Assert.That(CliRunner.Run("check", "samples/homelab/apps/10-web/whoami/overlays/dev", "--fail-on", "note").ExitCode, Is.EqualTo(0), "whoami in dev is clean");
        Assert.That(CliRunner.Run("check", "samples/homelab/apps/20-tools", "--fail-on", "warning").ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Usage_errors_exit_2()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CliRunner.Run("check", "samples/homelab", "--format", "xml").ExitCode, Is.EqualTo(2));
            Assert.That(CliRunner.Run("check", "does/not/exist").ExitCode, Is.EqualTo(2));
            Assert.That(CliRunner.Run("explain", "VX9999").ExitCode, Is.EqualTo(2));
            Assert.That(CliRunner.Run("--no-such-flag").ExitCode, Is.EqualTo(2));
        });
    }

    [Test]
    public void Output_file_receives_the_report_and_stderr_the_summary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vixens-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("check", "samples/homelab", "--format", "json", "--output", path);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(1));
                Assert.That(stdout, Is.Empty);
                Assert.That(stderr, Does.Contain("error(s)"));
                Assert.That(File.ReadAllText(path), Does.Contain("\"VX4001\""));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Rules_and_explain_list_the_catalog()
    {
        var rules = CliRunner.Run("rules");
        var explain = CliRunner.Run("explain", "vx4001");
        Assert.Multiple(() =>
        {
            Assert.That(rules.ExitCode, Is.EqualTo(0));
            Assert.That(rules.Stdout, Does.Contain("VX0001").And.Contain("VX4005"));
            Assert.That(explain.ExitCode, Is.EqualTo(0));
            Assert.That(explain.Stdout, Does.StartWith("VX4001 ImageTagMustBePinned"));
        });
    }
}
