using System.Diagnostics;
using System.Text;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Hostile;

/// <summary>
/// Repositories built to break a linter. Each must end within the documented bound (10 s) with exit code 1 or 2, a
/// diagnostic naming the offending file, and no stack trace.
/// </summary>
[NonParallelizable]
public sealed class HostileRepositoryTests
{
    private const string Kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public void Self_referencing_kustomization_is_a_cycle_diagnostic()
    {
        using var repo = new TempRepository();
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - .\n");
        AssertEndsCleanly(repo, "app/kustomization.yaml");
    }

    [Test]
    public void Mutual_kustomization_cycle_is_a_diagnostic()
    {
        using var repo = new TempRepository();
        repo.Write("a/kustomization.yaml", Kustomization + "resources:\n  - ../b\n");
        repo.Write("b/kustomization.yaml", Kustomization + "resources:\n  - ../a\n");
        AssertEndsCleanly(repo, "kustomization.yaml");
    }

    [Test]
    public void Cycle_through_components_is_a_diagnostic()
    {
        using var repo = new TempRepository();
        repo.Write("app/kustomization.yaml", Kustomization + "components:\n  - ../comp\n");
        repo.Write("comp/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncomponents:\n  - ../comp\n");
        AssertEndsCleanly(repo, "kustomization.yaml");
    }

    [Test]
    public void Resource_path_escaping_the_repository_is_refused()
    {
        using var repo = new TempRepository();
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - ../../../../../../../../etc/hostname\n");
        AssertEndsCleanly(repo, "app/kustomization.yaml");
    }

    [Test]
    public void Absolute_resource_path_is_refused()
    {
        using var repo = new TempRepository();
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - /etc/hostname\n");
        AssertEndsCleanly(repo, "app/kustomization.yaml");
    }

    [Test]
    public void Symlink_to_a_file_outside_the_repository_is_refused()
    {
        using var repo = new TempRepository();
        using var outside = new TempRepository();
        var secret = outside.Write("secret.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stolen\ndata:\n  key: do-not-read\n");
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - link.yaml\n");
        File.CreateSymbolicLink(repo.PathOf("app/link.yaml"), secret);
        var (_, stdout, _) = AssertEndsCleanly(repo, "app/kustomization.yaml");
        Assert.That(stdout, Does.Not.Contain("do-not-read"));
    }

    [Test]
    public void Symlink_loop_is_a_diagnostic()
    {
        using var repo = new TempRepository();
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - loop\n");
        Directory.CreateDirectory(repo.PathOf("app"));
        File.CreateSymbolicLink(repo.PathOf("app/loop"), repo.PathOf("app/loop2"));
        File.CreateSymbolicLink(repo.PathOf("app/loop2"), repo.PathOf("app/loop"));
        AssertEndsCleanly(repo, "app/loop");
    }

    [Test]
    public void Missing_resource_file_is_reported_at_its_entry()
    {
        using var repo = new TempRepository();
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - deployment.yaml\n");
        var (_, stdout, _) = AssertEndsCleanly(repo, "app/kustomization.yaml");
        Assert.That(stdout, Does.Contain("kustomization.yaml(4,"));
    }

    [Test]
    public void Patch_on_a_missing_target_is_reported_at_the_patch_entry()
    {
        using var repo = new TempRepository();
        repo.Write("app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: present\n");
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - cm.yaml\npatches:\n  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: absent\n      data:\n        a: b\n");
        var (_, stdout, _) = AssertEndsCleanly(repo, "app/kustomization.yaml");
        Assert.That(stdout, Does.Contain("absent"));
    }

    [Test]
    public void Hundred_thousand_item_resource_list_ends_in_bounded_time()
    {
        using var repo = new TempRepository();
        var text = new StringBuilder(Kustomization).Append("resources:\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("  - missing-").Append(i).Append(".yaml\n");
        }

        repo.Write("app/kustomization.yaml", text.ToString());
        AssertEndsCleanly(repo, "app/kustomization.yaml");
    }

    [Test]
    public void Component_included_many_times_does_not_blow_up()
    {
        using var repo = new TempRepository();
        repo.Write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n");
        repo.Write("base/kustomization.yaml", Kustomization + "resources:\n  - cm.yaml\n");
        repo.Write("comp/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  x: y\n");
        var components = string.Concat(Enumerable.Repeat("  - ../comp\n", 2_000));
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - ../base\ncomponents:\n" + components);
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, _, stderr) = CliRunner.Run("check", repo.Root, "--fail-on", "error");
        Assert.Multiple(() =>
        {
            Assert.That(stopwatch.Elapsed, Is.LessThan(Bound));
            Assert.That(exitCode, Is.AnyOf(0, 1, 2));
            Assert.That(stderr, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void Catastrophic_regex_in_a_patch_target_ends_in_bounded_time()
    {
        using var repo = new TempRepository();
        var name = new string('a', 40) + "!";
        repo.Write("app/cm.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name.TrimEnd('!')}x\n");
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - cm.yaml\npatches:\n  - target:\n      name: \"(a+)+$\"\n    patch: |-\n      - op: add\n        path: /data\n        value: {a: b}\n");
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, _, stderr) = CliRunner.Run("check", repo.Root);
        Assert.Multiple(() =>
        {
            Assert.That(stopwatch.Elapsed, Is.LessThan(Bound));
            Assert.That(exitCode, Is.AnyOf(0, 1, 2));
            Assert.That(stderr, Does.Not.Contain("   at "));
        });
    }

    private static (int ExitCode, string Stdout, string Stderr) AssertEndsCleanly(TempRepository repo, string expectedFileInDiagnostic)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = CliRunner.Run("check", repo.Root);
        var elapsed = stopwatch.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(Bound), "time bound");
            Assert.That(result.ExitCode, Is.AnyOf(1, 2), result.Stdout + result.Stderr);
            Assert.That(result.Stdout, Does.Match(@"\(\d+,\d+\): error VX\d{4}"), "a diagnostic with a position");
            Assert.That(result.Stdout, Does.Contain(expectedFileInDiagnostic), "the diagnostic names the file");
            Assert.That(result.Stdout + result.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
        });
        return result;
    }
}
