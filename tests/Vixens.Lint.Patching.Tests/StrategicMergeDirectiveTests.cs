namespace Vixens.Lint.Patching.Tests;

public class StrategicMergeDirectiveTests
{
    [Test]
    public void Delete_on_a_list_item_removes_it()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("volumes:\n- name: v1\n  $patch: delete"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["volumes"]), Is.EqualTo("[{configMap: {name: cm}, name: v2}]"));
    }

    [Test]
    public void Delete_of_an_absent_item_changes_nothing()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("volumes:\n- name: nope\n  $patch: delete"));
        Assert.That(Smp.Names(Smp.PodSpec(result)["volumes"]), Is.EqualTo(new[] { "v1", "v2" }));
    }

    [Test]
    public void Delete_on_a_map_removes_it()
    {
        var result = Smp.Result(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      $patch: delete");
        Assert.That(result.GetPath("spec", "template"), Is.Not.Null);
        Assert.That(result.GetPath("spec", "template", "spec"), Is.Null);
    }

    [Test]
    public void Delete_at_the_top_deletes_the_resource()
    {
        var outcome = Smp.Apply(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n$patch: delete");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Error, Is.Null);
            Assert.That(outcome.Result, Is.Null);
        });
    }

    [Test]
    public void Replace_on_a_map_takes_the_patch_map()
    {
        var result = Smp.Result(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  $patch: replace\n  replicas: 3");
        Assert.That(Yaml.Canon(result["spec"]), Is.EqualTo("{replicas: 3}"));
    }

    [Test]
    public void Replace_on_a_list_takes_the_patch_items()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("volumes:\n- $patch: replace\n- {name: v3, emptyDir: {}}"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["volumes"]), Is.EqualTo("[{emptyDir: {}, name: v3}]"));
    }

    [Test]
    public void Replace_on_a_primitive_list_takes_the_patch_values()
    {
        var result = Smp.Result(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  finalizers:\n  - $patch: replace\n  - q");
        Assert.That(Smp.Canon(result, "metadata", "finalizers"), Is.EqualTo("[q]"));
    }

    [Test]
    public void Delete_on_a_list_removes_the_field()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("volumes:\n- $patch: delete"));
        Assert.That(Smp.PodSpec(result).ContainsKey("volumes"), Is.False);
    }

    [Test]
    public void Replace_on_a_matching_list_item_is_ignored()
    {
        // kustomize quirk: the replacement is computed but the target item is put back in its place.
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c2\n  image: X\n  $patch: replace"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["containers"]), Does.Contain("{image: i2, name: c2}"));
    }

    [Test]
    public void Replace_on_a_new_list_item_adds_it_without_the_directive()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: n\n  image: X\n  $patch: replace"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["containers"]), Does.StartWith("[{image: X, name: n}, "));
    }

    [Test]
    public void Merge_directive_is_the_default_and_is_removed()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c2\n  $patch: merge\n  image: Y"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["containers"]), Does.Contain("{image: Y, name: c2}"));
    }

    [Test]
    public void Directives_inside_added_subtrees_are_applied()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("initContainers:\n- name: i\n  env:\n  - name: E\n    $patch: delete"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["initContainers"]), Is.EqualTo("[{env: [], name: i}]"));
    }

    [Test]
    public void Delete_under_an_absent_parent_creates_an_empty_parent()
    {
        var result = Smp.Result(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    rollingUpdate:\n      $patch: delete");
        Assert.That(Smp.Canon(result, "spec", "strategy"), Is.EqualTo("{}"));
    }

    [TestCase("$setElementOrder/containers:\n- name: c2\n- name: c1", "$setElementOrder/containers")]
    [TestCase("$retainKeys: [containers]", "$retainKeys")]
    [TestCase("$deleteFromPrimitiveList/finalizers: [a]", "$deleteFromPrimitiveList/finalizers")]
    public void Apimachinery_only_directives_are_kept_as_plain_fields(string fragment, string key)
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch(fragment));
        var pod = Smp.PodSpec(result);
        Assert.Multiple(() =>
        {
            Assert.That(pod.ContainsKey(key), Is.True);
            Assert.That(Smp.Names(pod["containers"]), Is.EqualTo(new[] { "c1", "c2" }));
        });
    }

    [Test]
    public void An_unknown_directive_is_an_error()
    {
        var outcome = Smp.Apply(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  $patch: bogus");
        Assert.That(outcome.Error, Is.EqualTo("unknown patch strategy 'bogus'"));
    }
}
