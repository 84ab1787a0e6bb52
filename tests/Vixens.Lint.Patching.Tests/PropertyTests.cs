using CsCheck;
using Vixens.Lint.Kustomize.Patching;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Patching.Tests;

public class PropertyTests
{
    private static readonly SourceSpan TargetSpan = SourceSpan.StartOf(Yaml.TargetFile);
    private static readonly SourceSpan PatchSpan = SourceSpan.StartOf(Yaml.PatchFile);

    private static readonly Gen<string> Word = Gen.OneOfConst("a", "b", "c", "d", "e");

    private static readonly Gen<string> Value = Gen.OneOf(Word, Gen.Int[0, 99].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A small string map with keys from a tiny alphabet, so target and patch overlap.</summary>
    private static Gen<List<(string Key, string Value)>> Pairs(int max) =>
        Gen.Select(Word, Value).List[0, max].Select(l => l.DistinctBy(p => p.Item1).ToList());

    private sealed record Container(string Name, string? Image, List<(string Key, string Value)> Env, List<string> Args);

    private static readonly Gen<Container> ContainerGen =
        Gen.Select(Word, Word.Null(), Pairs(3), Word.List[0, 3], (n, i, e, a) => new Container(n, i, e, a));

    private static readonly Gen<(List<(string, string)> Labels, List<Container> Containers, List<string> Finalizers)> DeploymentGen =
        Gen.Select(Pairs(4), ContainerGen.List[0, 4], Word.List[0, 3])
            .Select((l, c, f) => (l, c.DistinctBy(x => x.Name).ToList(), f.Distinct().ToList()));

    private static YamlMapping Build((List<(string, string)> Labels, List<Container> Containers, List<string> Finalizers) d, SourceSpan span)
    {
        YamlScalar S(string text) => new(text, span);
        YamlMapping M(IEnumerable<(string Key, YamlNode Value)> entries)
        {
            var map = new YamlMapping(span);
            foreach (var (key, value) in entries)
            {
                map.Set(key, value);
            }

            return map;
        }

        YamlSequence Q(IEnumerable<YamlNode> items)
        {
            var seq = new YamlSequence(span);
            seq.Items.AddRange(items);
            return seq;
        }

        var containers = d.Containers.Select(c =>
        {
            var entries = new List<(string, YamlNode)> { ("name", S(c.Name)) };
            if (c.Image is not null)
            {
                entries.Add(("image", S(c.Image)));
            }

            if (c.Env.Count > 0)
            {
                entries.Add(("env", Q(c.Env.Select(e => (YamlNode)M([("name", S(e.Key)), ("value", S(e.Value))])))));
            }

            if (c.Args.Count > 0)
            {
                entries.Add(("args", Q(c.Args.Select(a => (YamlNode)S(a)))));
            }

            return (YamlNode)M(entries);
        });

        var metadata = new List<(string, YamlNode)> { ("name", S("web")) };
        if (d.Labels.Count > 0)
        {
            metadata.Add(("labels", M(d.Labels.Select(l => (l.Item1, (YamlNode)S(l.Item2))))));
        }

        if (d.Finalizers.Count > 0)
        {
            metadata.Add(("finalizers", Q(d.Finalizers.Select(f => (YamlNode)S(f)))));
        }

        return M([
            ("apiVersion", S("apps/v1")),
            ("kind", S("Deployment")),
            ("metadata", M(metadata)),
            ("spec", M([("template", M([("spec", M([("containers", Q(containers))]))]))])),
        ]);
    }

    [Test]
    public void Strategic_merge_is_idempotent()
    {
        Gen.Select(DeploymentGen, DeploymentGen).Sample((targetShape, patchShape) =>
        {
            var patch = Build(patchShape, PatchSpan);
            var once = StrategicMergePatch.Apply(Build(targetShape, TargetSpan), patch, Yaml.PatchProvenance);
            var onceText = Yaml.Canon(once.Result);
            var twice = StrategicMergePatch.Apply((YamlMapping)once.Result!, patch, Yaml.PatchProvenance);
            return once.Error is null && twice.Error is null && onceText == Yaml.Canon(twice.Result);
        });
    }

    [Test]
    public void Json_patch_add_then_remove_restores_the_document()
    {
        Gen.Select(DeploymentGen, Word, Value, Gen.Int[0, 10]).Sample((shape, key, value, index) =>
        {
            var document = Build(shape, TargetSpan);
            var original = Yaml.Canon(document);

            // A fresh key in an existing map, and an item at a valid position of an existing list.
            var finalizers = (document["metadata"] as YamlMapping)?.GetSequence("finalizers");
            var position = finalizers is null ? 0 : index % (finalizers.Count + 1);
            var ops = finalizers is null
                ? $"- {{op: add, path: /metadata/x-{key}, value: {value}}}\n- {{op: remove, path: /metadata/x-{key}}}"
                : $"- {{op: add, path: /metadata/finalizers/{position}, value: {value}}}\n- {{op: remove, path: /metadata/finalizers/{position}}}";
            var outcome = JsonPatch.Apply(document, Yaml.Seq(ops), Yaml.PatchProvenance);
            return outcome.Error is null && Yaml.Canon(outcome.Result) == original;
        });
    }

    [Test]
    public void Applying_never_throws_on_arbitrary_small_documents()
    {
        var scalar = Gen.OneOfConst("null", "x", "1", "$patch", "delete", "replace", "merge", "name");
        Gen<YamlNode> Node(int depth) => depth == 0
            ? scalar.Select(s => (YamlNode)new YamlScalar(s, PatchSpan))
            : Gen.Frequency(
                (2, scalar.Select(s => (YamlNode)new YamlScalar(s, PatchSpan))),
                (1, Gen.Select(scalar, Node(depth - 1)).List[0, 3].Select(entries =>
                {
                    var map = new YamlMapping(PatchSpan);
                    foreach (var (k, v) in entries)
                    {
                        map.Set(k, v);
                    }

                    return (YamlNode)map;
                })),
                (1, Node(depth - 1).List[0, 3].Select(items =>
                {
                    var seq = new YamlSequence(PatchSpan);
                    seq.Items.AddRange(items);
                    return (YamlNode)seq;
                })));

        var fragment = Node(3);
        Gen.Select(DeploymentGen, fragment, fragment).Sample((shape, a, b) =>
        {
            var patch = Yaml.Map("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {spec: {}}}", Yaml.PatchFile);
            var pod = (YamlMapping)patch.GetPath("spec", "template", "spec")!;
            pod.Set("containers", a);
            pod.Set("volumes", b);
            patch.Set("$patch", b is YamlScalar s ? s : new YamlScalar("merge", PatchSpan));
            _ = StrategicMergePatch.Apply(Build(shape, TargetSpan), patch, Yaml.PatchProvenance);
            var ops = new YamlSequence(PatchSpan);
            ops.Items.Add(a);
            ops.Items.Add(b);
            _ = JsonPatch.Apply(Build(shape, TargetSpan), ops, Yaml.PatchProvenance);
        });
    }
}
