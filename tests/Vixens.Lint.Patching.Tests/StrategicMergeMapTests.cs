using Vixens.Lint.Kustomize.Patching;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Patching.Tests;

public class StrategicMergeMapTests
{
    [Test]
    public void Maps_merge_recursively_and_gain_new_keys()
    {
        var result = Smp.Result(Smp.Deployment, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web}
            spec:
              replicas: 3
            """);

        Assert.Multiple(() =>
        {
            Assert.That(Smp.Canon(result, "metadata", "labels"), Is.EqualTo("{app: web}"));
            Assert.That(Smp.Canon(result, "spec", "replicas"), Is.EqualTo("3"));
            Assert.That(Smp.Names(result.GetPath("spec", "template", "spec", "containers")), Is.EqualTo(new[] { "c1", "c2" }));
        });
    }

    [Test]
    public void Null_removes_a_key_and_is_not_added_when_absent()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("volumes: null\nhostNetwork: null"));
        var pod = Smp.PodSpec(result);
        Assert.Multiple(() =>
        {
            Assert.That(pod.ContainsKey("volumes"), Is.False);
            Assert.That(pod.ContainsKey("hostNetwork"), Is.False);
        });
    }

    [Test]
    public void Null_values_inside_an_added_map_are_dropped()
    {
        var result = Smp.Result(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {a: null, b: '1'}");
        Assert.That(Smp.Canon(result, "metadata", "labels"), Is.EqualTo("{b: 1}"));
    }

    [Test]
    public void Scalar_is_overridden()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c2\n  image: new"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result).GetPath("containers")), Does.Contain("{image: new, name: c2}"));
    }

    [Test]
    public void An_explicit_null_in_the_target_survives_but_an_empty_value_is_dropped()
    {
        // kyaml keeps "~"/"null" written in the target but clears a key written with no value at all.
        var result = Smp.Result("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: x}
            data:
              tilde: ~
              empty:
              word: null
            """, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {other: y}");
        Assert.That(Yaml.Canon(result["data"]), Is.EqualTo("{other: y, tilde: null, word: null}"));
    }

    [Test]
    public void Kind_mismatch_is_an_error_not_an_exception()
    {
        var outcome = Smp.Apply(Smp.Deployment, Smp.PodPatch("containers: {a: 1}"));
        Assert.That(outcome.Error, Does.StartWith("wrong node kind: expected SequenceNode but got MappingNode"));
    }

    [Test]
    public void The_patch_tree_is_not_modified()
    {
        var patch = Yaml.Map(Smp.PodPatch("containers:\n- name: c1\n  $patch: delete\n- name: n\n  image: i\nvolumes:\n- $patch: replace"), Yaml.PatchFile);
        var before = Yaml.Canon(patch);
        var outcome = StrategicMergePatch.Apply(Yaml.Map(Smp.Deployment), patch, Yaml.PatchProvenance);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Error, Is.Null);
            Assert.That(Yaml.Canon(patch), Is.EqualTo(before));
        });
    }

    [Test]
    public void Nesting_of_256_levels_merges_without_overflow()
    {
        static YamlMapping Nest(string file, string leafKey)
        {
            var span = SourceSpan.StartOf(file);
            var root = Yaml.Map("apiVersion: example.com/v1\nkind: Deep\nmetadata: {name: x}", file);
            var current = new YamlMapping(span);
            root.Set("spec", current);
            for (var i = 0; i < 256; i++)
            {
                var next = new YamlMapping(span);
                current.Set("a", next);
                current = next;
            }

            current.Set(leafKey, new YamlScalar("1", span));
            return root;
        }

        var outcome = StrategicMergePatch.Apply(Nest(Yaml.TargetFile, "x"), Nest(Yaml.PatchFile, "y"), Yaml.PatchProvenance);
        Assert.That(Yaml.Canon(outcome.Result), Does.Contain("{x: 1, y: 1}"));
    }
}
