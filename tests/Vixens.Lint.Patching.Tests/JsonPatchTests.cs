using Vixens.Lint.Kustomize.Patching;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Patching.Tests;

public class JsonPatchTests
{
    private const string Doc = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          finalizers: [a, b]
          annotations: {x: y}
        spec:
          template:
            spec:
              containers:
              - {name: c1, image: i1}
              - {name: c2, image: i2}
        """;

    private static PatchOutcome Run(string operations, string document = Doc) =>
        JsonPatch.Apply(Yaml.Parse(document), Yaml.Seq(operations), Yaml.PatchProvenance);

    private static string After(string operations, params string[] path)
    {
        var outcome = Run(operations);
        Assert.That(outcome.Error, Is.Null);
        return Yaml.Canon(((YamlMapping)outcome.Result!).GetPath(path));
    }

    [Test]
    public void Add_sets_a_new_key_or_overwrites_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(After("- {op: add, path: /metadata/labels, value: {app: web}}", "metadata", "labels"), Is.EqualTo("{app: web}"));
            Assert.That(After("- {op: add, path: /metadata/name, value: other}", "metadata", "name"), Is.EqualTo("other"));
        });
    }

    [Test]
    public void Add_inserts_in_arrays_by_index_dash_or_negative_index()
    {
        Assert.Multiple(() =>
        {
            Assert.That(After("- {op: add, path: /metadata/finalizers/-, value: z}", "metadata", "finalizers"), Is.EqualTo("[a, b, z]"));
            Assert.That(After("- {op: add, path: /metadata/finalizers/0, value: z}", "metadata", "finalizers"), Is.EqualTo("[z, a, b]"));
            Assert.That(After("- {op: add, path: /metadata/finalizers/2, value: z}", "metadata", "finalizers"), Is.EqualTo("[a, b, z]"));
            Assert.That(After("- {op: add, path: /metadata/finalizers/-1, value: z}", "metadata", "finalizers"), Is.EqualTo("[a, b, z]"));
            Assert.That(After("- {op: add, path: /metadata/finalizers/-3, value: z}", "metadata", "finalizers"), Is.EqualTo("[z, a, b]"));
        });
    }

    [Test]
    public void Pointer_segments_unescape_tilde_and_slash()
    {
        Assert.Multiple(() =>
        {
            Assert.That(After("- {op: add, path: /metadata/annotations/example.com~1a~0b, value: v}", "metadata", "annotations"), Is.EqualTo("{example.com/a~b: v, x: y}"));
            Assert.That(After("- {op: add, path: /metadata/annotations/~01, value: v}", "metadata", "annotations"), Is.EqualTo("{x: y, ~1: v}"));
        });
    }

    [Test]
    public void Remove_deletes_keys_and_array_items()
    {
        Assert.Multiple(() =>
        {
            Assert.That(After("- {op: remove, path: /metadata/annotations/x}", "metadata", "annotations"), Is.EqualTo("{}"));
            Assert.That(After("- {op: remove, path: /spec/template/spec/containers/0}", "spec", "template", "spec", "containers"), Is.EqualTo("[{image: i2, name: c2}]"));
            Assert.That(After("- {op: remove, path: /metadata/finalizers/-1}", "metadata", "finalizers"), Is.EqualTo("[a]"));
        });
    }

    [Test]
    public void Replace_changes_a_value_and_adds_a_missing_object_key()
    {
        Assert.Multiple(() =>
        {
            Assert.That(After("- {op: replace, path: /spec/template/spec/containers/1/image, value: new}", "spec", "template", "spec", "containers", "1"), Is.EqualTo("<none>"));
            Assert.That(After("- {op: replace, path: /spec/template/spec/containers/1/image, value: new}", "spec", "template", "spec", "containers"), Does.Contain("{image: new, name: c2}"));
            Assert.That(After("- {op: replace, path: /spec/replicas, value: 3}", "spec", "replicas"), Is.EqualTo("3"));
        });
    }

    [Test]
    public void Replace_of_the_root_swaps_the_document()
    {
        var outcome = Run("- {op: replace, path: '', value: {kind: ConfigMap}}");
        Assert.That(Yaml.Canon(outcome.Result), Is.EqualTo("{kind: ConfigMap}"));
    }

    [Test]
    public void Move_and_copy_relocate_values()
    {
        Assert.Multiple(() =>
        {
            Assert.That(After("- {op: move, from: /metadata/annotations, path: /metadata/labels}", "metadata"), Is.EqualTo("{finalizers: [a, b], labels: {x: y}, name: web}"));
            Assert.That(After("- {op: copy, from: /metadata/name, path: /metadata/annotations/n}", "metadata", "annotations"), Is.EqualTo("{n: web, x: y}"));
            Assert.That(After("- {op: move, from: /metadata/finalizers/1, path: /metadata/finalizers/0}", "metadata", "finalizers"), Is.EqualTo("[b, a]"));
        });
    }

    [Test]
    public void Test_passes_on_equal_json_values()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Run("- {op: test, path: /metadata/name, value: web}").Error, Is.Null);
            Assert.That(Run("- {op: test, path: /metadata/annotations, value: {x: y}}").Error, Is.Null);
            Assert.That(Run("- {op: test, path: /metadata/finalizers, value: [a, b]}").Error, Is.Null);
        });
    }

    [TestCase("- {op: add, path: /spec/template/spec/initContainers/-, value: {name: x}}", "add operation does not apply: doc is missing path: \"/spec/template/spec/initContainers/-\": missing value")]
    [TestCase("- {op: remove, path: /metadata/nope}", "error in remove for path: '/metadata/nope': Unable to remove nonexistent key: nope: missing value")]
    [TestCase("- {op: replace, path: /spec/template/spec/containers/5/image, value: x}", "replace operation does not apply: doc is missing path: /spec/template/spec/containers/5/image: missing value")]
    [TestCase("- {op: replace, path: /metadata/finalizers/-, value: x}", "replace operation does not apply: doc is missing key: /metadata/finalizers/-: missing value")]
    [TestCase("- {op: test, path: /metadata/name, value: other}", "testing value /metadata/name failed: test failed")]
    [TestCase("- {op: add, path: /spec/template/spec/containers/7, value: {}}", "error in add for path: '/spec/template/spec/containers/7': Unable to access invalid index: 7: invalid index referenced")]
    [TestCase("- {op: add, path: /spec/template/spec/containers/x, value: {}}", "error in add for path: '/spec/template/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax")]
    [TestCase("- {op: remove, path: /spec/template/spec/containers/-}", "error in remove for path: '/spec/template/spec/containers/-': strconv.Atoi: parsing \"-\": invalid syntax")]
    [TestCase("- {op: remove, path: /metadata/finalizers/-5}", "error in remove for path: '/metadata/finalizers/-5': Unable to access invalid index: -5: invalid index referenced")]
    [TestCase("- {op: move, from: /metadata/nope, path: /metadata/x}", "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value")]
    [TestCase("- {op: copy, from: /a/b, path: /metadata/x}", "copy operation does not apply: doc is missing from path: /a/b: missing value")]
    [TestCase("- {op: bogus, path: /metadata}", "Unexpected kind: bogus")]
    [TestCase("- {op: add, value: 1}", "add operation failed to decode path: missing value")]
    [TestCase("- {op: add, path: '', value: {a: 1}}", "add operation does not apply: doc is missing path: \"\": missing value")]
    [TestCase("- {op: add, path: /metadata/name/x, value: 1}", "add operation does not apply: doc is missing path: \"/metadata/name/x\": missing value")]
    public void Errors_use_kustomize_wording(string operations, string expected)
    {
        // Messages checked against kubectl v1.34.5 (kustomize v5.7.1), which prefixes them with "error: ".
        Assert.That(Run(operations).Error, Is.EqualTo(expected));
    }

    [Test]
    public void Operations_stop_at_the_first_error()
    {
        var outcome = Run("- {op: add, path: /a, value: 1}\n- {op: remove, path: /nope}\n- {op: add, path: /b, value: 2}");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Error, Does.StartWith("error in remove for path: '/nope'"));
            Assert.That(outcome.Result, Is.Null);
        });
    }

    [Test]
    public void Added_values_point_into_the_patch_file_and_the_patch_is_untouched()
    {
        var operations = Yaml.Seq("- op: add\n  path: /metadata/labels\n  value:\n    app: web\n");
        var before = Yaml.Canon(operations);
        var outcome = JsonPatch.Apply(Yaml.Parse(Doc), operations, Yaml.PatchProvenance);
        var labels = ((YamlMapping)outcome.Result!).GetPath("metadata", "labels")!;
        Assert.Multiple(() =>
        {
            Assert.That(labels.DescendantsAndSelf().All(n => n.Provenance?.Kind == ProvenanceKind.Patch), Is.True);
            Assert.That(((YamlMapping)labels)["app"]!.Span.File, Is.EqualTo(Yaml.PatchFile));
            Assert.That(((YamlMapping)labels)["app"]!.Span.StartLine, Is.EqualTo(4));
            Assert.That(Yaml.Canon(operations), Is.EqualTo(before));
        });
    }

    [Test]
    public void Copies_point_at_the_operation()
    {
        var outcome = Run("- {op: add, path: /a, value: 1}\n- {op: copy, from: /metadata/annotations, path: /metadata/labels}");
        var labels = ((YamlMapping)outcome.Result!).GetPath("metadata", "labels")!;
        Assert.Multiple(() =>
        {
            Assert.That(labels.Provenance?.Kind, Is.EqualTo(ProvenanceKind.Patch));
            Assert.That(labels.Provenance!.Span.StartLine, Is.EqualTo(2));
        });
    }

    [Test]
    public void Parse_accepts_json_and_yaml_and_rejects_objects()
    {
        var json = JsonPatch.Parse("/k/kustomization.yaml", """[{"op": "add", "path": "/a", "value": 1}]""");
        var yaml = JsonPatch.Parse("/k/kustomization.yaml", "- op: add\n  path: /a\n  value: 1\n");
        var bad = JsonPatch.Parse("/k/kustomization.yaml", "op: add\n");
        Assert.Multiple(() =>
        {
            Assert.That(json.Error, Is.Null);
            Assert.That(json.Operations!.Count, Is.EqualTo(1));
            Assert.That(Yaml.Canon(json.Operations), Is.EqualTo(Yaml.Canon(yaml.Operations)));
            Assert.That(bad.Error, Is.EqualTo("json: cannot unmarshal object into Go value of type jsonpatch.Patch"));
        });
    }
}
