using NUnit.Framework;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.Yaml;

public sealed class YamlPositionTests
{
    private static YamlFile Parse(string text) => YamlLoader.Parse("/repo/test.yaml", text);

    [Test]
    public void Nested_nodes_keep_1_based_line_and_column()
    {
        var file = Parse("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n");
        var root = (YamlMapping)file.Documents[0].Root!;
        var container = (YamlMapping)((YamlSequence)root.GetMapping("spec")!["containers"]!)[0];
        var image = container.GetScalar("image")!;

        Assert.Multiple(() =>
        {
            Assert.That(file.Diagnostics, Is.Empty);
            Assert.That((image.Span.StartLine, image.Span.StartColumn), Is.EqualTo((6, 14)));
            Assert.That((image.Span.EndLine, image.Span.EndColumn), Is.EqualTo((6, 24)));
            Assert.That((container.Span.StartLine, container.Span.StartColumn), Is.EqualTo((5, 7)));
            Assert.That(container.Entries[0].Key.Span.StartColumn, Is.EqualTo(7));
        });
    }

    [Test]
    public void Multi_document_files_keep_absolute_lines()
    {
        var file = Parse("a: 1\n---\nb: 2\n---\n# comment\nc:\n  d: 3\n");
        Assert.That(file.Documents, Has.Count.EqualTo(3));
        var d = ((YamlMapping)file.Documents[2].Root!).GetMapping("c")!.GetScalar("d")!;
        Assert.Multiple(() =>
        {
            Assert.That(d.Span.StartLine, Is.EqualTo(7));
            Assert.That(d.Span.StartColumn, Is.EqualTo(6));
            Assert.That(file.Documents[1].Index, Is.EqualTo(1));
        });
    }

    [Test]
    public void Block_scalars_start_at_the_indicator_and_keep_their_text()
    {
        var file = Parse("data:\n  script: |\n    echo one\n    echo two\n  next: x\n");
        var data = ((YamlMapping)file.Documents[0].Root!).GetMapping("data")!;
        var script = data.GetScalar("script")!;
        Assert.Multiple(() =>
        {
            Assert.That(script.Value, Is.EqualTo("echo one\necho two\n"));
            Assert.That(script.Style, Is.EqualTo(ScalarStyle.Literal));
            Assert.That((script.Span.StartLine, script.Span.StartColumn), Is.EqualTo((2, 11)));
            Assert.That(data.GetScalar("next")!.Span.StartLine, Is.EqualTo(5));
        });
    }

    [Test]
    public void Flow_collections_have_positions_inside_the_line()
    {
        var file = Parse("args: [\"--port\", 8080, {k: v}]\n");
        var args = ((YamlMapping)file.Documents[0].Root!).GetSequence("args")!;
        Assert.Multiple(() =>
        {
            Assert.That(args.Flow, Is.EqualTo(CollectionStyle.Flow));
            Assert.That(args[1].Span.StartColumn, Is.EqualTo(18));
            Assert.That(((YamlScalar)args[1]).Kind, Is.EqualTo(ScalarKind.Int));
            Assert.That(((YamlScalar)args[0]).Kind, Is.EqualTo(ScalarKind.String));
            Assert.That(((YamlMapping)args[2]).GetScalar("v") is null, Is.True);
            Assert.That(((YamlMapping)args[2]).Span.StartColumn, Is.EqualTo(24));
        });
    }

    [TestCase("1", ScalarKind.Int)]
    [TestCase("0x1F", ScalarKind.Int)]
    [TestCase("1.5", ScalarKind.Float)]
    [TestCase("true", ScalarKind.Bool)]
    [TestCase("yes", ScalarKind.String)]
    [TestCase("~", ScalarKind.Null)]
    [TestCase("1000m", ScalarKind.String)]
    [TestCase("08", ScalarKind.Int)]
    public void Plain_scalars_resolve_with_the_core_schema(string text, ScalarKind kind) =>
        Assert.That(YamlScalar.ResolvePlain(text), Is.EqualTo(kind));

    [Test]
    public void Aliases_are_expanded_as_copies_and_merge_keys_apply()
    {
        var file = Parse("base: &b {cpu: 1m, memory: 2Mi}\nother:\n  <<: *b\n  cpu: 5m\ncopy: *b\n");
        var root = (YamlMapping)file.Documents[0].Root!;
        var other = root.GetMapping("other")!;
        Assert.Multiple(() =>
        {
            Assert.That(file.Diagnostics, Is.Empty);
            Assert.That(other.GetString("cpu"), Is.EqualTo("5m"));
            Assert.That(other.GetString("memory"), Is.EqualTo("2Mi"));
            Assert.That(root.GetMapping("copy"), Is.Not.SameAs(root.GetMapping("base")));
        });
    }
}
