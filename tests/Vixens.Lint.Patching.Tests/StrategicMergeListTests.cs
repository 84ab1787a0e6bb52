namespace Vixens.Lint.Patching.Tests;

public class StrategicMergeListTests
{
    [Test]
    public void Containers_merge_by_name_with_patch_items_first_then_the_other_target_items()
    {
        // kustomize prepends: the patch order wins, target-only items follow (apimachinery would keep target order).
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("""
            containers:
            - name: n1
              image: new1
            - name: c2
              image: i2b
            """));
        var containers = Smp.PodSpec(result)["containers"];
        Assert.Multiple(() =>
        {
            Assert.That(Smp.Names(containers), Is.EqualTo(new[] { "n1", "c2", "c1" }));
            Assert.That(Yaml.Canon(containers), Does.Contain("{image: i2b, name: c2}"));
        });
    }

    [Test]
    public void Env_merges_by_name()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c1\n  env:\n  - {name: C, value: '3'}\n  - {name: A, value: 1b}"));
        var env = Smp.PodSpec(result).GetPath("containers");
        Assert.That(Yaml.Canon(env), Does.Contain("env: [{name: C, value: 3}, {name: A, value: 1b}, {name: B, value: 2}]"));
    }

    [Test]
    public void Volumes_merge_by_name_and_volume_mounts_by_mount_path()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("""
            volumes:
            - {name: v2, configMap: {name: other}}
            containers:
            - name: c2
              volumeMounts:
              - {mountPath: /data, name: v2}
            """));
        var pod = Smp.PodSpec(result);
        Assert.Multiple(() =>
        {
            Assert.That(Yaml.Canon(pod["volumes"]), Is.EqualTo("[{configMap: {name: other}, name: v2}, {emptyDir: {}, name: v1}]"));
            Assert.That(Yaml.Canon(pod["containers"]), Does.Contain("volumeMounts: [{mountPath: /data, name: v2}]"));
        });
    }

    [Test]
    public void Ports_use_the_list_map_keys_and_new_ports_come_first()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c1\n  ports:\n  - containerPort: 81"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["containers"]), Does.Contain("ports: [{containerPort: 81}, {containerPort: 80, protocol: TCP}]"));
    }

    [Test]
    public void A_port_patched_without_protocol_loses_its_other_fields()
    {
        // kustomize quirk (TestPatchPortHasNoProtocol): the patch item is matched on [containerPort, protocol] and dropped.
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c1\n  ports:\n  - {containerPort: 80, name: http}"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["containers"]), Does.Contain("ports: [{containerPort: 80, protocol: TCP}]"));
    }

    [Test]
    public void Ports_differing_by_protocol_stay_apart_and_matched_target_ports_move_last()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("""
            containers:
            - name: c1
              ports:
              - {containerPort: 80, protocol: TCP, name: http}
              - {containerPort: 80, protocol: UDP, name: udp}
            """));
        Assert.That(
            Yaml.Canon(Smp.PodSpec(result)["containers"]),
            Does.Contain("ports: [{containerPort: 80, name: udp, protocol: UDP}, {containerPort: 80, name: http, protocol: TCP}]"));
    }

    [Test]
    public void Merge_keys_compare_as_text()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c1\n  ports:\n  - {containerPort: '80', protocol: TCP, name: http}"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["containers"]), Does.Contain("ports: [{containerPort: 80, name: http, protocol: TCP}]"));
    }

    [Test]
    public void Primitive_merge_list_is_a_union_with_patch_values_first()
    {
        var result = Smp.Result(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  finalizers: [c, a]");
        Assert.That(Smp.Canon(result, "metadata", "finalizers"), Is.EqualTo("[c, a, b]"));
    }

    [Test]
    public void Lists_without_merge_strategy_are_replaced()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c1\n  args: [z]\ntolerations:\n- {key: k, operator: Exists}"));
        var pod = Smp.PodSpec(result);
        Assert.Multiple(() =>
        {
            Assert.That(Yaml.Canon(pod["containers"]), Does.Contain("args: [z]"));
            Assert.That(Yaml.Canon(pod["tolerations"]), Is.EqualTo("[{key: k, operator: Exists}]"));
        });
    }

    [Test]
    public void An_empty_patch_list_leaves_a_merge_list_alone()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c1\n  ports: []"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["containers"]), Does.Contain("ports: [{containerPort: 80, protocol: TCP}]"));
    }

    [Test]
    public void Unknown_kinds_replace_every_list()
    {
        const string Crd = """
            apiVersion: example.com/v1
            kind: Foo
            metadata: {name: f}
            spec:
              items:
              - {name: a, v: 1}
              - {name: b, v: 2}
            """;
        var result = Smp.Result(Crd, "apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\nspec:\n  items:\n  - {name: a, v: 9}");
        Assert.That(Smp.Canon(result, "spec", "items"), Is.EqualTo("[{name: a, v: 9}]"));
    }

    [Test]
    public void An_embedded_object_with_api_version_and_kind_gets_its_schema_back()
    {
        const string Crd = """
            apiVersion: example.com/v1
            kind: Foo
            metadata: {name: f}
            spec:
              template:
                apiVersion: apps/v1
                kind: Deployment
                spec: {template: {spec: {containers: [{name: x, image: x}]}}}
            """;
        var result = Smp.Result(Crd, "apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\nspec:\n  template:\n    spec: {template: {spec: {containers: [{name: y, image: y}]}}}");
        Assert.That(Smp.Names(result.GetPath("spec", "template", "spec", "template", "spec", "containers")), Is.EqualTo(new[] { "y", "x" }));
    }

    [Test]
    public void A_wildcard_container_name_is_just_a_new_container()
    {
        // kustomize has no "*" wildcard: the probe container is prepended as a container literally named "*".
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: '*'\n  livenessProbe: {periodSeconds: 10}"));
        Assert.That(Smp.Names(Smp.PodSpec(result)["containers"]), Is.EqualTo(new[] { "*", "c1", "c2" }));
    }

    [Test]
    public void A_patch_item_without_its_merge_key_wipes_the_list()
    {
        // kyaml matches an empty key value against every item that has the key: all named containers disappear.
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- image: nameless"));
        Assert.That(Yaml.Canon(Smp.PodSpec(result)["containers"]), Is.EqualTo("[]"));
    }

    [Test]
    public void A_null_item_in_a_multi_key_patch_list_is_handled_like_kustomize()
    {
        // Oracle output of kubectl v1.34.5: the empty key tuple of the null item unifies with every other tuple.
        var result = Smp.Result(
            """{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}, "spec": {"ports": [{"port": 53}, {"port": 443}, {"port": 443, "name": "b"}, {"port": 80, "name": "c", "targetPort": 9090}]}}""",
            """{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}, "spec": {"ports": [null, {"port": 443, "name": "b", "targetPort": 8080}, {"port": 443, "targetPort": 8080}]}}""");
        Assert.That(Smp.Canon(result, "spec", "ports"), Is.EqualTo("[{name: c, port: 80, targetPort: 9090}, {name: b, port: 443}, {port: 53}]"));
    }
}
