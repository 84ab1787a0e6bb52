using System.Diagnostics;
using System.Text;

namespace Vixens.Lint.Kustomize.Tests;

/// <summary>Large input stays fast; broken trees give one clear diagnostic at the offending entry instead of a crash.</summary>
[TestFixture]
public sealed class RobustnessTests
{
    [Test]
    public void TenThousandResourceOverlayRendersInBoundedTime()
    {
        var many = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            many.Append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").Append(i).Append("\ndata:\n  k: v\n");
        }

        using var tree = new TempTree(
            ("base/many.yaml", many.ToString()),
            ("base/kustomization.yaml", "resources:\n- many.yaml\n"),
            ("overlay/kustomization.yaml", "resources:\n- ../base\nnamespace: big\nnamePrefix: x-\ncommonLabels:\n  app: big\n"));
        var sw = Stopwatch.StartNew();
        var result = new KustomizeRenderer().Render(tree.PathOf("overlay"));
        sw.Stop();
        Assert.That(result.Succeeded, Is.True, () => string.Join("\n", result.Diagnostics));
        Assert.That(result.Resources, Has.Count.EqualTo(10_000));
        Assert.That(sw.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void CycleBetweenKustomizationsIsReported()
    {
        using var tree = new TempTree(
            ("a/kustomization.yaml", "resources:\n- ../b\n"),
            ("b/kustomization.yaml", "resources:\n- ../a\n"));
        var result = new KustomizeRenderer().Render(tree.PathOf("a"));
        AssertFailsWith(result, "VX0103", tree.PathOf("b/kustomization.yaml"), 2);
    }

    [Test]
    public void CycleThroughAComponentIsReported()
    {
        using var tree = new TempTree(
            ("app/kustomization.yaml", "components:\n- ../comp\n"),
            ("comp/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncomponents:\n- ../comp\n"));
        var result = new KustomizeRenderer().Render(tree.PathOf("app"));
        AssertFailsWith(result, "VX0103", tree.PathOf("comp/kustomization.yaml"), 4);
    }

    [Test]
    public void PatchOnMissingTargetIsReported()
    {
        using var tree = new TempTree(
            ("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"),
            ("patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: missing\nspec:\n  replicas: 2\n"),
            ("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: patch.yaml\n"));
        var result = new KustomizeRenderer().Render(tree.Root);
        AssertFailsWith(result, "VX0105", tree.PathOf("kustomization.yaml"), 4);
    }

    [Test]
    public void FileOutsideTheKustomizationRootIsRefused()
    {
        using var tree = new TempTree(
            ("outside.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"),
            ("app/kustomization.yaml", "resources:\n- ../outside.yaml\n"));
        var result = new KustomizeRenderer().Render(tree.PathOf("app"));
        AssertFailsWith(result, "VX0102", tree.PathOf("app/kustomization.yaml"), 2);
    }

    [Test]
    public void BaseOutsideTheRepositoryIsRefused()
    {
        using var tree = new TempTree(
            ("elsewhere/kustomization.yaml", "resources: []\n"),
            ("repo/app/kustomization.yaml", "resources:\n- ../../elsewhere\n"));
        var result = new KustomizeRenderer().Render(tree.PathOf("repo/app"), new KustomizeOptions { RepositoryRoot = tree.PathOf("repo") });
        AssertFailsWith(result, "VX0102", tree.PathOf("repo/app/kustomization.yaml"), 2);
    }

    [Test]
    public void HelmChartsAreReportedAsUnsupported()
    {
        using var tree = new TempTree(("kustomization.yaml", "helmCharts:\n- name: x\n  repo: https://example.com\n"));
        var result = new KustomizeRenderer().Render(tree.Root);
        AssertFailsWith(result, "VX0106", tree.PathOf("kustomization.yaml"), 1);
    }

    [Test]
    public void GarbageKustomizationDoesNotCrash()
    {
        using var tree = new TempTree(("kustomization.yaml", "resources: [\n  - : :\n\t{{\n"));
        var result = new KustomizeRenderer().Render(tree.Root);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics, Is.Not.Empty);
    }

    private static void AssertFailsWith(RenderResult result, string id, string file, int line)
    {
        Assert.That(result.Succeeded, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo(id), diagnostic.ToString());
            Assert.That(diagnostic.Location.File, Is.EqualTo(file), diagnostic.ToString());
            Assert.That(diagnostic.Location.StartLine, Is.EqualTo(line), diagnostic.ToString());
        });
    }
}
