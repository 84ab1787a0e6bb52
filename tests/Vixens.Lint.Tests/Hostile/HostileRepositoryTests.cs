using System.Text;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Hostile;

/// <summary>
/// Repositories built to break a linter. Each must end within the documented bound (10 s, 1 GiB; see
/// <see cref="HostileRun"/>) with exit code 1 or 2, a diagnostic naming the offending file, and no stack trace.
/// </summary>
[NonParallelizable]
public sealed class HostileRepositoryTests
{
    private const string Kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";

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
        var result = AssertEndsCleanly(repo, "app/kustomization.yaml");
        Assert.That(result.Output, Does.Not.Contain("do-not-read"));
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
        var result = AssertEndsCleanly(repo, "app/kustomization.yaml");
        Assert.That(result.Stdout, Does.Contain("kustomization.yaml(4,"));
    }

    [Test]
    public void Patch_on_a_missing_target_is_reported_at_the_patch_entry()
    {
        using var repo = new TempRepository();
        repo.Write("app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: present\n");
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - cm.yaml\npatches:\n  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: absent\n      data:\n        a: b\n");
        var result = AssertEndsCleanly(repo, "app/kustomization.yaml");
        Assert.That(result.Stdout, Does.Contain("absent"));
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
        // 2,000 flat inclusions stay under the component limit (VX0115): the build is slow-ish but legitimate.
        var result = CliProcess.Run("check", repo.Root, "--fail-on", "error");
        HostileRun.Record(nameof(Component_included_many_times_does_not_blow_up), result);
        HostileRun.AssertWithinBounds(result);
        Assert.That(result.ExitCode, Is.AnyOf(0, 1, 2));
        HostileRun.AssertSarifIsWholeOrAbsent(repo.Root);
    }

    [Test]
    public void Components_including_the_next_level_twice_30_deep_hit_the_component_limit()
    {
        using var repo = new TempRepository();
        repo.Write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n");
        repo.Write("base/kustomization.yaml", Kustomization + "resources:\n  - cm.yaml\n");
        const int levels = 30;
        for (var level = 0; level < levels; level++)
        {
            var next = level + 1 < levels ? $"components:\n  - ../c{level + 1}\n  - ../c{level + 1}\n" : string.Empty;
            repo.Write($"c{level}/kustomization.yaml", $"apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  level-{level}: \"on\"\n{next}");
        }

        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - ../base\ncomponents:\n  - ../c0\n");
        var result = AssertEndsCleanly(repo, "kustomization.yaml");
        Assert.That(result.Stdout, Does.Contain("error VX0115"));
    }

    [Test]
    public void Catastrophic_regex_in_a_patch_target_ends_in_bounded_time()
    {
        using var repo = new TempRepository();
        var name = new string('a', 40) + "!";
        repo.Write("app/cm.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name.TrimEnd('!')}x\n");
        repo.Write("app/kustomization.yaml", Kustomization + "resources:\n  - cm.yaml\npatches:\n  - target:\n      name: \"(a+)+$\"\n    patch: |-\n      - op: add\n        path: /data\n        value: {a: b}\n");
        var result = CliProcess.Run("check", repo.Root);
        HostileRun.Record(nameof(Catastrophic_regex_in_a_patch_target_ends_in_bounded_time), result);
        HostileRun.AssertWithinBounds(result);
        Assert.That(result.ExitCode, Is.AnyOf(0, 1, 2));
        HostileRun.AssertSarifIsWholeOrAbsent(repo.Root);
    }

    private static CliProcessResult AssertEndsCleanly(TempRepository repo, string expectedFileInDiagnostic, [System.Runtime.CompilerServices.CallerMemberName] string caseName = "") =>
        HostileRun.AssertEndsCleanly(caseName, repo.Root, expectedFileInDiagnostic);
}
