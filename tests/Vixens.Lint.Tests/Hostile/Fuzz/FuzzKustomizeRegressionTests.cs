using NUnit.Framework;
using Vixens.Lint.Kustomize;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Hostile.Fuzz;

/// <summary>
/// Kustomizations the fuzzer's <c>kustomize</c> target found (docs/fuzzing.md), kept under <c>inputs/kustomize</c>, each
/// rendered as the <c>kustomization.yaml</c> of an otherwise empty directory. The render must end in diagnostics of its
/// own, not in the renderer's last-resort catch ("kustomize build failed: …"), which only hides an exception.
/// </summary>
public sealed class FuzzKustomizeRegressionTests
{
    private static IEnumerable<TestCaseData> Inputs() =>
        Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Hostile", "Fuzz", "inputs", "kustomize"))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(f)));

    [TestCaseSource(nameof(Inputs))]
    public void Renders_without_reaching_the_last_resort_catch(string inputFile)
    {
        using var repo = new TempRepository();
        repo.Write("kustomization.yaml", File.ReadAllText(inputFile));
        var result = new KustomizeRenderer().Render(repo.Root, new KustomizeOptions { RepositoryRoot = repo.Root });
        Assert.That(result.Diagnostics.Select(d => d.Message), Has.None.StartsWith("kustomize build failed:"));
    }

    [Test]
    public void Quote_in_an_IAMPolicyGenerator_name_is_a_generator_error_on_the_entry()
    {
        using var repo = new TempRepository();
        var kustomization = repo.Write("kustomization.yaml", """
            generators:
            - |-
              apiVersion: builtin
              kind: IAMPolicyGenerator
              metadata:
                name: gke
              cloud: gke
              kubernetesService:
                name: k8s-sa
              serviceAccount:
                name: gsa"x
                projectId: project-id
            """);
        var result = new KustomizeRenderer().Render(repo.Root, new KustomizeOptions { RepositoryRoot = repo.Root });
        var error = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Id, Is.EqualTo("VX0109"));
            Assert.That(error.Location.File, Is.EqualTo(kustomization));
            Assert.That(error.Location.StartLine, Is.EqualTo(2));
        });
    }
}
