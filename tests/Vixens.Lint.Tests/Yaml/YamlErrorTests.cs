using System.Text;
using NUnit.Framework;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.Yaml;

public sealed class YamlErrorTests
{
    private static YamlFile Parse(string text) => YamlLoader.Parse("/repo/bad.yaml", text);

    [Test]
    public void Duplicate_key_is_reported_at_the_second_key_with_the_first_as_related()
    {
        var file = Parse("metadata:\n  name: a\n  name: b\n");
        var diagnostic = file.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("VX0002"));
            Assert.That((diagnostic.Location.StartLine, diagnostic.Location.StartColumn), Is.EqualTo((3, 3)));
            Assert.That(diagnostic.RelatedLocations.Single().StartLine, Is.EqualTo(2));
            Assert.That(diagnostic.Message, Does.Contain("\"name\"").And.Contain("line 2"));
        });
    }

    [Test]
    public void Syntax_error_is_a_diagnostic_at_its_position_and_earlier_documents_are_kept()
    {
        var file = Parse("a: 1\n---\nb: [1, 2\nc: 3\n");
        var diagnostic = file.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("VX0001"));
            Assert.That(diagnostic.Location.StartLine, Is.GreaterThanOrEqualTo(3));
            Assert.That(file.Documents, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        var file = Parse("spec:\n\treplicas: 2\n");
        var diagnostic = file.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("VX0003"));
            Assert.That((diagnostic.Location.StartLine, diagnostic.Location.StartColumn), Is.EqualTo((2, 1)));
        });
    }

    [Test]
    public void Invalid_utf8_is_reported_with_its_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("a: 1\nb: x").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        var file = YamlLoader.LoadBytes("/repo/bin.yaml", bytes);
        var diagnostic = file.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("VX0005"));
            Assert.That((diagnostic.Location.StartLine, diagnostic.Location.StartColumn), Is.EqualTo((2, 5)));
            Assert.That(diagnostic.Message, Does.Contain("0xC3"));
        });
    }

    [Test]
    public void Nul_bytes_are_reported()
    {
        var file = YamlLoader.LoadBytes("/repo/nul.yaml", Encoding.UTF8.GetBytes("a: 1\nb: \0\n"));
        Assert.That(file.Diagnostics.Single().Id, Is.EqualTo("VX0005"));
    }

    [Test]
    public void Utf16_with_bom_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("kind: Pod\n")).ToArray();
        var file = YamlLoader.LoadBytes("/repo/u16.yaml", bytes);
        Assert.Multiple(() =>
        {
            Assert.That(file.Diagnostics, Is.Empty);
            Assert.That(((YamlMapping)file.Documents[0].Root!).GetString("kind"), Is.EqualTo("Pod"));
        });
    }

    [Test]
    public void Complex_keys_are_reported_not_thrown()
    {
        var file = Parse("? [a, b]\n: value\nok: 1\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.Diagnostics.Single().Id, Is.EqualTo("VX0008"));
            Assert.That(((YamlMapping)file.Documents[0].Root!).GetString("ok"), Is.EqualTo("1"));
        });
    }
}
