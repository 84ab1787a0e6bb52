using Vixens.Lint.Yaml;

namespace Vixens.Lint.Patching.Tests;

public class StrategicMergeProvenanceTests
{
    [Test]
    public void A_patched_value_points_into_the_patch_file()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c2\n  image: patched"));
        var c2 = ((YamlSequence)Smp.PodSpec(result)["containers"]!).Items.OfType<YamlMapping>().Single(c => c.GetString("name") == "c2");
        var image = c2["image"]!;
        Assert.Multiple(() =>
        {
            Assert.That(image.Provenance, Is.Not.Null);
            Assert.That(image.Provenance!.Kind, Is.EqualTo(ProvenanceKind.Patch));
            Assert.That(image.Provenance.Field, Is.EqualTo("patches"));
            Assert.That(image.Provenance.Span.File, Is.EqualTo(Yaml.PatchFile));
            Assert.That(image.Span.File, Is.EqualTo(Yaml.PatchFile));
            Assert.That(image.Span.StartLine, Is.EqualTo(10));
            Assert.That(image.EditLocation, Is.EqualTo(image.Span));
        });
    }

    [Test]
    public void Added_subtrees_and_their_keys_point_into_the_patch()
    {
        var result = Smp.Result(Smp.Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    tier: front");
        var entry = ((YamlMapping)result["metadata"]!).GetEntry("labels")!;
        Assert.Multiple(() =>
        {
            Assert.That(entry.Key.Provenance?.Kind, Is.EqualTo(ProvenanceKind.Patch));
            Assert.That(entry.Value.DescendantsAndSelf().All(n => n.Provenance?.Kind == ProvenanceKind.Patch), Is.True);
            Assert.That(((YamlMapping)entry.Value)["tier"]!.Span.StartLine, Is.EqualTo(6));
        });
    }

    [Test]
    public void Untouched_target_nodes_keep_their_spans_and_no_provenance()
    {
        var result = Smp.Result(Smp.Deployment, Smp.PodPatch("containers:\n- name: c2\n  image: patched"));
        var c1 = ((YamlSequence)Smp.PodSpec(result)["containers"]!).Items.OfType<YamlMapping>().Single(c => c.GetString("name") == "c1");
        Assert.Multiple(() =>
        {
            Assert.That(c1.DescendantsAndSelf().All(n => n.Provenance is null), Is.True);
            Assert.That(c1["image"]!.Span.File, Is.EqualTo(Yaml.TargetFile));
            Assert.That(c1["image"]!.Span.StartLine, Is.EqualTo(11));
        });
    }
}
