using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Tests;

/// <summary>Rendered nodes point where a human edits them: the kustomization entry, the generator, the component's patch.</summary>
[TestFixture]
public sealed class SourceMapTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
                image: nginx:1.0
        """;

    [Test]
    public void LabelAddedByLabelsPointsAtTheEntry()
    {
        using var tree = new TempTree(
            ("deploy.yaml", Deployment),
            ("kustomization.yaml", """
                resources:
                - deploy.yaml
                labels:
                - pairs:
                    team: blue
                """));
        var result = Render(tree.Root);
        var label = (YamlScalar)result.Resources[0].Metadata!.GetMapping("labels")!["team"]!;
        Assert.That(label.Provenance, Is.Not.Null);
        Assert.That(label.Provenance!.Kind, Is.EqualTo(ProvenanceKind.Transformer));
        Assert.That(label.Provenance.Field, Is.EqualTo("labels"));
        Assert.That(label.EditLocation.File, Is.EqualTo(tree.PathOf("kustomization.yaml")));
        Assert.That(label.EditLocation.StartLine, Is.EqualTo(5));
    }

    [Test]
    public void NameChangedByNamePrefixPointsAtIt()
    {
        using var tree = new TempTree(
            ("deploy.yaml", Deployment),
            ("kustomization.yaml", "resources:\n- deploy.yaml\nnamePrefix: dev-\n"));
        var result = Render(tree.Root);
        var name = result.Resources[0].Metadata!.GetScalar("name")!;
        Assert.That(name.Value, Is.EqualTo("dev-web"));
        Assert.That(name.Provenance!.Field, Is.EqualTo("namePrefix"));
        Assert.That(name.EditLocation.File, Is.EqualTo(tree.PathOf("kustomization.yaml")));
        Assert.That(name.EditLocation.StartLine, Is.EqualTo(3));
    }

    [Test]
    public void GeneratedConfigMapPointsAtItsGeneratorEntry()
    {
        using var tree = new TempTree(("kustomization.yaml", """
            configMapGenerator:
            - name: settings
              literals:
              - mode=fast
            """));
        var result = Render(tree.Root);
        var cm = result.Resources.Single();
        Assert.That(cm.Name, Does.StartWith("settings-"));
        var value = cm.Root.GetMapping("data")!["mode"]!;
        Assert.That(value.Provenance!.Kind, Is.EqualTo(ProvenanceKind.Generator));
        Assert.That(value.EditLocation.File, Is.EqualTo(tree.PathOf("kustomization.yaml")));
        Assert.That(value.EditLocation.StartLine, Is.EqualTo(2));
        Assert.That(cm.Root.Provenance!.Field, Is.EqualTo("configMapGenerator"));
    }

    [Test]
    public void FieldPatchedByAComponentPointsIntoTheComponent()
    {
        using var tree = new TempTree(
            ("app/deploy.yaml", Deployment),
            ("app/kustomization.yaml", "resources:\n- deploy.yaml\ncomponents:\n- ../comp\n"),
            ("comp/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                patches:
                - target:
                    kind: Deployment
                  patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: any
                    spec:
                      replicas: 3
                """));
        var result = new KustomizeRenderer().Render(tree.PathOf("app"), new KustomizeOptions { Cache = new KustomizeCache() });
        Assert.That(result.Succeeded, Is.True, () => string.Join("\n", result.Diagnostics));
        var replicas = result.Resources[0].Root.GetMapping("spec")!["replicas"]!;
        Assert.That(replicas.EditLocation.File, Is.EqualTo(tree.PathOf("comp/kustomization.yaml")));
        // Line 12 of the component file is "replicas: 3" inside the inline patch block.
        Assert.That(replicas.EditLocation.StartLine, Is.EqualTo(12));
        Assert.That(replicas.Provenance?.Kind, Is.EqualTo(ProvenanceKind.Patch));
    }

    private static RenderResult Render(string dir)
    {
        var result = new KustomizeRenderer().Render(dir, new KustomizeOptions { Cache = new KustomizeCache() });
        Assert.That(result.Succeeded, Is.True, () => string.Join("\n", result.Diagnostics));
        return result;
    }
}
