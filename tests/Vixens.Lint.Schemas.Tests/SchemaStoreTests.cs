using Vixens.Lint.Schemas.Bundle;

namespace Vixens.Lint.Schemas.Tests;

/// <summary>Resolution order and the sources beyond the bundled Kubernetes API.</summary>
public class SchemaStoreTests
{
    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets, singular: widget}
          versions:
            - name: v1beta1
              served: true
              storage: false
              deprecated: true
              deprecationWarning: example.com/v1beta1 Widget is deprecated
              schema:
                openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      required: [size]
                      properties:
                        size: {type: integer, minimum: 1}
                        port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
                        colour: {type: string, enum: [red, blue]}
                        labels: {type: object, additionalProperties: {type: string}}
                        extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                        target:
                          type: object
                          oneOf:
                            - required: [name]
                            - required: [selector]
                          properties:
                            name: {type: string}
                            selector: {type: string}
        """;

    [Test]
    public void Crd_in_the_repository_defines_its_kinds_strictly()
    {
        var yaml = WidgetCrd + """

            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
            spec:
              sise: 3
              port: http
              colour: green
              extra: {anything: [1, 2]}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w2
            spec:
              size: 0
              target: {}
            """;
        var found = Manifests.Validate(yaml).Select(Manifests.Format).ToList();
        Assert.That(found, Is.EqualTo(new[]
        {
            "47:3 VX1001 unknown field \"spec.sise\" (did you mean \"size\"?)",
            "47:3 VX1002 spec: missing required field \"size\"",
            "49:11 VX1004 spec.colour: \"green\" is not one of red, blue",
            "57:9 VX1004 spec.size: 0 should be at least 1",
            "58:11 VX1002 spec.target: missing required field, one of \"name\", \"selector\"",
        }));
    }

    [Test]
    public void Deprecated_crd_version_names_the_version_to_use()
    {
        var yaml = WidgetCrd + """

            ---
            apiVersion: example.com/v1beta1
            kind: Widget
            metadata:
              name: old
            spec: {whatever: true}
            """;
        Assert.That(Manifests.Validate(yaml).Select(Manifests.Format), Is.EqualTo(new[]
        {
            "42:13 VX1014 example.com/v1beta1 Widget is deprecated by its CustomResourceDefinition; use example.com/v1 (\"example.com/v1beta1 Widget is deprecated\")",
        }));
    }

    [Test]
    public void Repository_crd_replaces_the_catalog_for_its_kind()
    {
        const string yaml = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: certificates.cert-manager.io
            spec:
              group: cert-manager.io
              scope: Namespaced
              names: {kind: Certificate, plural: certificates}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec: {type: object, properties: {homeGrown: {type: string}}}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: c
            spec:
              homeGrown: yes
              secretName: from-the-catalog
            ---
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata:
              name: selfsigned
            spec:
              selfSigned: {}
            """;
        var resources = Manifests.Parse(yaml);
        var store = new SchemaStore(SchemaSettings.Default, resources);
        Assert.Multiple(() =>
        {
            Assert.That(store.Locate("cert-manager.io/v1", "Certificate"), Is.EqualTo(SchemaSource.RepositoryCrd));
            Assert.That(store.Locate("cert-manager.io/v1", "ClusterIssuer"), Is.EqualTo(SchemaSource.CrdCatalog));
            Assert.That(store.Locate("cert-manager.io/v1alpha2", "Certificate"), Is.Null, "a version the repository's CRD does not serve");
            Assert.That(store.Locate("apps/v1", "Deployment"), Is.EqualTo(SchemaSource.Kubernetes));
        });
        Assert.That(Manifests.Validate(yaml).Select(Manifests.Format), Is.EqualTo(new[]
        {
            "25:3 VX1001 unknown field \"spec.secretName\"",
        }));
    }

    [Test]
    public void User_schema_folders_use_the_kubeconform_layout()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vixens-schemas-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "example.org"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "example.org", "gadget_v1.json"), """
                {"type": "object", "required": ["spec"], "properties": {"spec": {"type": "object", "properties": {"count": {"type": "integer"}}, "additionalProperties": false}}}
                """);
            File.WriteAllText(Path.Combine(folder, "broken_v1.json"), "{ not json");
            const string yaml = """
                apiVersion: example.org/v1
                kind: Gadget
                metadata:
                  name: g
                spec:
                  count: many
                ---
                apiVersion: other.org/v1
                kind: Broken
                metadata:
                  name: b
                """;
            var settings = new SchemaSettings { ExtraSchemaDirectories = [folder] };
            var found = Manifests.Validate(yaml, settings).Select(Manifests.Format).ToList();
            Assert.That(found, Has.Count.EqualTo(2));
            Assert.That(found[0], Is.EqualTo("6:10 VX1003 spec.count: expected integer, got string \"many\""));
            Assert.That(found[1], Does.StartWith("9:7 VX1091 The schema for other.org/v1 Broken from " + Path.Combine(folder, "broken_v1.json") + " cannot be used: "));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Bundles_are_embedded_and_opened_lazily()
    {
        var kubernetes = BundledSchemas.Kubernetes("1.34");
        var catalog = BundledSchemas.Catalog;
        Assert.Multiple(() =>
        {
            Assert.That(BundledSchemas.KubernetesVersions, Is.EqualTo(new[] { "1.34" }));
            Assert.That(kubernetes, Is.Not.Null);
            Assert.That(kubernetes!.Kinds, Does.ContainKey("apps/v1/Deployment"));
            Assert.That(kubernetes.DefinitionCount, Is.GreaterThan(700));
            Assert.That(catalog, Is.Not.Null);
            Assert.That(catalog!.Kinds, Does.ContainKey("argoproj.io/v1alpha1/Application"));
            Assert.That(BundledSchemas.Kubernetes("1.20"), Is.Null);
        });
    }

    [Test]
    public void Output_is_deterministic_and_parallel_validation_is_safe()
    {
        var yaml = string.Join("\n---\n", Enumerable.Range(0, 200).Select(i => $$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app-{{{i}}}
            spec:
              replica: {{{i}}}
              selector: {matchLabels: {app: a}}
              template:
                metadata: {labels: {app: a}}
                spec:
                  containers: [{name: a, image: nginx, imagePullPolicy: Sometimes}]
            """));
        var first = Manifests.Validate(yaml).Select(Manifests.Format).ToList();
        var second = Manifests.Validate(yaml).Select(Manifests.Format).ToList();
        Assert.That(first, Has.Count.EqualTo(400));
        Assert.That(second, Is.EqualTo(first));
    }
}

public class RobustnessTests
{
    [Test]
    public void Unusable_repository_crd_is_reported_once_and_nothing_throws()
    {
        const string yaml = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: gizmos.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Gizmo, plural: gizmos}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec: {type: object, properties: {code: {type: string, pattern: "(["}}}
            ---
            apiVersion: example.com/v1
            kind: Gizmo
            metadata: {name: a}
            spec: {code: x}
            ---
            apiVersion: example.com/v1
            kind: Gizmo
            metadata: {name: b}
            spec: {code: y}
            """;
        var found = Manifests.Validate(yaml).Select(Manifests.Format).ToList();
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0], Does.StartWith("20:7 VX1091 The schema for example.com/v1 Gizmo from CRD gizmos.example.com (/test/manifest.yaml) cannot be used: "));
    }

    [Test]
    public void Every_schema_rule_has_a_documentation_page()
    {
        var missing = SchemaDescriptors.All
            .Where(d => !File.Exists(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", d.Id + ".md")))
            .Select(d => d.Id);
        Assert.That(missing, Is.Empty);
        Assert.That(SchemaDescriptors.All.Select(d => d.Id), Is.Unique);
        Assert.That(SchemaDescriptors.All.Select(d => d.Id), Has.All.Match("^VX10[0-9][0-9]$"));
    }
}
