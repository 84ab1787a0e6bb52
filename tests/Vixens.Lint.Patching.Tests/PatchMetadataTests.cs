using Vixens.Lint.Kustomize.Patching;

namespace Vixens.Lint.Patching.Tests;

public class PatchMetadataTests
{
    [Test]
    public void Default_table_knows_pod_template_lists()
    {
        var deployment = PatchMetadata.Default.ForResource("apps/v1", "Deployment");
        var pod = deployment?.Field("spec")?.Field("template")?.Field("spec");
        var containers = pod?.Field("containers");
        Assert.Multiple(() =>
        {
            Assert.That(containers, Is.Not.Null);
            Assert.That(containers!.HasMergeStrategy, Is.True);
            Assert.That(containers.MergeKeys, Is.EqualTo(new[] { "name" }));
            Assert.That(containers.Elements()?.Field("ports")?.MergeKeys, Is.EqualTo(new[] { "containerPort", "protocol" }));
            Assert.That(containers.Elements()?.Field("volumeMounts")?.MergeKeys, Is.EqualTo(new[] { "mountPath" }));
            Assert.That(containers.Elements()?.Field("args")?.HasMergeStrategy ?? false, Is.False);
            Assert.That(pod!.Field("tolerations")?.HasMergeStrategy ?? false, Is.False);
        });
    }

    [Test]
    public void Primitive_merge_lists_have_a_strategy_but_no_key()
    {
        var finalizers = PatchMetadata.Default.ForResource("v1", "ConfigMap")?.Field("metadata")?.Field("finalizers");
        Assert.Multiple(() =>
        {
            Assert.That(finalizers?.HasMergeStrategy, Is.True);
            Assert.That(finalizers?.MergeKeys, Is.Empty);
        });
    }

    [Test]
    public void Map_values_get_the_value_schema()
    {
        // ConfigMap data is a map of strings: no schema below it; PodSpec overhead is a map of quantities.
        var schema = PatchMetadata.Default.ForResource("v1", "Pod")?.Field("spec")?.Field("overhead");
        Assert.That(schema?.Field("cpu"), Is.Not.Null);
    }

    [Test]
    public void Unknown_kinds_have_no_schema()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PatchMetadata.Default.ForResource("example.com/v1", "Foo"), Is.Null);
            Assert.That(PatchMetadata.Default.ForResource(null, "Deployment"), Is.Null);
        });
    }

    [Test]
    public void Builder_reads_swagger_extensions_and_the_table_round_trips()
    {
        const string Swagger = """
            {"definitions": {
              "x.v1.Thing": {
                "x-kubernetes-group-version-kind": [{"group": "x", "version": "v1", "kind": "Thing"}],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/definitions/x.v1.Item"},
                            "x-kubernetes-patch-strategy": "merge", "x-kubernetes-patch-merge-key": "id",
                            "x-kubernetes-list-map-keys": ["id", "zone"]},
                  "name": {"type": "string"}
                }},
              "x.v1.Item": {"properties": {"sub": {"$ref": "#/definitions/x.v1.Thing"}}}
            }}
            """;
        var metadata = PatchMetadata.FromSwaggerJson(Swagger, "test");
        var reread = PatchMetadata.FromTableJson(PatchMetadataTable.Write(metadata));
        foreach (var table in new[] { metadata, reread })
        {
            var items = table.ForResource("x/v1", "Thing")?.Field("items");
            Assert.Multiple(() =>
            {
                Assert.That(items?.MergeKeys, Is.EqualTo(new[] { "id", "zone" }));
                Assert.That(items?.Elements()?.Field("sub")?.Field("items")?.HasMergeStrategy, Is.True);
                Assert.That(table.ForResource("x/v1", "Thing")?.Field("name"), Is.Null);
                Assert.That(table.Source, Is.EqualTo("test"));
            });
        }
    }

    [Test]
    public void Generated_source_wraps_the_same_table()
    {
        var text = PatchMetadataTable.WriteCSharp(PatchMetadata.Empty);
        Assert.That(text, Does.Contain("internal static class GeneratedPatchMetadata"));
    }

    [Test]
    public void A_custom_schema_turns_merging_on_for_a_crd()
    {
        const string Swagger = """
            {"definitions": {"x.v1.Foo": {
                "x-kubernetes-group-version-kind": [{"group": "example.com", "version": "v1", "kind": "Foo"}],
                "properties": {"spec": {"$ref": "#/definitions/x.v1.FooSpec"}}},
              "x.v1.FooSpec": {"properties": {"items": {"type": "array", "items": {"$ref": "#/definitions/x.v1.Item"},
                 "x-kubernetes-patch-strategy": "merge", "x-kubernetes-patch-merge-key": "name"}}},
              "x.v1.Item": {"properties": {}}
            }}
            """;
        var target = Yaml.Map("apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\nspec:\n  items: [{name: a, v: 1}, {name: b, v: 2}]");
        var patch = Yaml.Map("apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\nspec:\n  items: [{name: a, v: 9}]", Yaml.PatchFile);
        var outcome = StrategicMergePatch.Apply(target, patch, Yaml.PatchProvenance, PatchMetadata.FromSwaggerJson(Swagger));
        Assert.That(Yaml.Canon(((Vixens.Lint.Yaml.YamlMapping)outcome.Result!).GetPath("spec", "items")), Is.EqualTo("[{name: a, v: 9}, {name: b, v: 2}]"));
    }

    [TestCase("not json")]
    [TestCase("{\"swagger\": \"2.0\"}")]
    [TestCase("[1, 2]")]
    public void A_malformed_swagger_is_reported_not_thrown(string json)
    {
        var ok = PatchMetadata.TryFromSwaggerJson(json, null, out var metadata, out var error);
        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(metadata, Is.Null);
            Assert.That(error, Is.Not.Empty);
        });
    }

    [Test]
    public void A_yaml_custom_schema_with_inline_objects_drives_the_merge()
    {
        // Shape of the conformance case openapicustomschema__TestCustomOpenApiFieldYaml.
        const string Schema = """
            definitions:
              v1alpha1.MyCRD:
                properties:
                  spec:
                    properties:
                      template:
                        "$ref": "#/definitions/io.k8s.api.core.v1.PodTemplateSpec"
                    type: object
                type: object
                x-kubernetes-group-version-kind:
                  - {group: example.com, kind: MyCRD, version: v1alpha1}
              io.k8s.api.core.v1.PodTemplateSpec:
                properties:
                  spec: {"$ref": "#/definitions/io.k8s.api.core.v1.PodSpec"}
              io.k8s.api.core.v1.PodSpec:
                properties:
                  containers:
                    items: {"$ref": "#/definitions/io.k8s.api.core.v1.Container"}
                    type: array
                    x-kubernetes-patch-merge-key: name
                    x-kubernetes-patch-strategy: merge
              io.k8s.api.core.v1.Container:
                properties:
                  name: {type: string}
            """;
        Assert.That(PatchMetadata.TryFromSwaggerText("/k/schema.yaml", Schema, out var metadata, out var error), Is.True, error);
        var target = Yaml.Map("apiVersion: example.com/v1alpha1\nkind: MyCRD\nmetadata: {name: s}\nspec:\n  template:\n    spec:\n      containers: [{name: server, command: example}]");
        var patch = Yaml.Map("apiVersion: example.com/v1alpha1\nkind: MyCRD\nmetadata: {name: s}\nspec:\n  template:\n    spec:\n      containers: [{name: server, image: nginx}]", Yaml.PatchFile);
        var outcome = StrategicMergePatch.Apply(target, patch, Yaml.PatchProvenance, metadata!);
        Assert.That(
            Yaml.Canon(((Vixens.Lint.Yaml.YamlMapping)outcome.Result!).GetPath("spec", "template", "spec", "containers")),
            Is.EqualTo("[{command: example, image: nginx, name: server}]"));
    }

    [Test]
    public void Overlay_adds_custom_kinds_and_keeps_the_builtin_ones()
    {
        const string Swagger = """{"definitions": {"x.v1.Foo": {"x-kubernetes-group-version-kind": [{"group": "example.com", "version": "v1", "kind": "Foo"}], "properties": {"spec": {"$ref": "#/definitions/io.k8s.api.core.v1.PodSpec"}}}}}""";
        var combined = PatchMetadata.Default.OverlaidWith(PatchMetadata.FromSwaggerJson(Swagger, "custom"));
        Assert.Multiple(() =>
        {
            Assert.That(combined.ForResource("example.com/v1", "Foo")?.Field("spec")?.Field("containers")?.HasMergeStrategy, Is.True);
            Assert.That(combined.ForResource("apps/v1", "Deployment"), Is.Not.Null);
            Assert.That(combined.Source, Is.EqualTo("custom"));
        });
    }
}
