using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Baselines;

/// <summary>Adopting the tool with existing debt: baseline today, fail only on what is new, in text and in SARIF.</summary>
[NonParallelizable]
public sealed class BaselineCliTests
{
    private static string Pod(string name) => $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  namespace: app\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n";

    [Test]
    public void Only_new_findings_fail_and_sarif_marks_baseline_state()
    {
        using var repo = new TempRepository();
        repo.Write("old.yaml", Pod("old"));
        var baseline = repo.PathOf("baseline.json");
        Assert.That(CliRunner.Run("baseline", repo.Root, "--output", baseline).ExitCode, Is.EqualTo(0));

        // Unrelated edits move the old finding down; it must still match the baseline.
        repo.Write("old.yaml", "# a comment added above\n\n" + Pod("old"));
        Assert.That(CliRunner.Run("check", repo.Root, "--baseline", baseline).ExitCode, Is.EqualTo(0), "only baselined findings");

        repo.Write("new.yaml", Pod("new"));
        var (exitCode, _, _) = CliRunner.Run("check", repo.Root, "--baseline", baseline);
        var sarif = CliRunner.Run("check", repo.Root, "--baseline", baseline, "--format", "sarif").Stdout;
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), "a new finding fails");
            Assert.That(sarif, Does.Contain("\"baselineState\": \"unchanged\"").And.Contain("\"baselineState\": \"new\""));
            Assert.That(sarif, Does.Contain("vixensBaseline/v1"));
        });
    }
}
