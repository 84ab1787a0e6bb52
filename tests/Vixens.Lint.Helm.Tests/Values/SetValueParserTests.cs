using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm.Tests.Values;

public sealed class SetValueParserTests
{
    private static Dictionary<string, object?> Set(string text)
    {
        var values = ValueMaps.NewMap();
        SetValueParser.ParseSet(text, values);
        return values;
    }

    [Test]
    public void Set_types_integers_booleans_and_null_and_keeps_other_text()
    {
        var values = Set("a=3,b=true,c=null,d=1.5,e=007,f=0,g=99999999999999999999,h=-4");

        Assert.Multiple(() =>
        {
            Assert.That(values["a"], Is.EqualTo(3L));
            Assert.That(values["b"], Is.EqualTo(true));
            Assert.That(values["c"], Is.Null);
            Assert.That(values["d"], Is.EqualTo("1.5"));
            Assert.That(values["e"], Is.EqualTo("007"));
            Assert.That(values["f"], Is.EqualTo(0L));
            Assert.That(values["g"], Is.EqualTo("99999999999999999999"));
            Assert.That(values["h"], Is.EqualTo(-4L));
        });
    }

    [Test]
    public void Set_builds_nested_maps_lists_and_brace_lists()
    {
        var values = Set(@"a.b.c=x,list[1]=y,arr={1,two},esc=a\,b,m[0].k=v");

        Assert.Multiple(() =>
        {
            Assert.That(((Dictionary<string, object?>)((Dictionary<string, object?>)values["a"]!)["b"]!)["c"], Is.EqualTo("x"));
            Assert.That(values["list"], Is.EqualTo(new List<object?> { null, "y" }));
            Assert.That(values["arr"], Is.EqualTo(new List<object?> { 1L, "two" }));
            Assert.That(values["esc"], Is.EqualTo("a,b"));
            Assert.That(((Dictionary<string, object?>)((List<object?>)values["m"]!)[0]!)["k"], Is.EqualTo("v"));
        });
    }

    [Test]
    public void Set_string_and_set_json_type_values_their_own_way()
    {
        var values = ValueMaps.NewMap();
        SetValueParser.ParseSetString("a=3,b=true", values);
        SetValueParser.ParseSetJson("j={\"n\":1,\"l\":[true]},k=2", values);

        Assert.Multiple(() =>
        {
            Assert.That(values["a"], Is.EqualTo("3"));
            Assert.That(values["b"], Is.EqualTo("true"));
            Assert.That(((Dictionary<string, object?>)values["j"]!)["n"], Is.EqualTo(1.0));
            Assert.That(values["k"], Is.EqualTo(2.0));
        });
    }

    [TestCase("a", "key \"a\" has no value")]
    [TestCase("a,b=c", "key \"a\" has no value (cannot end with ,)")]
    [TestCase("a={b,c", "list must terminate with '}'")]
    [TestCase("a[70000]=x", "index of 70000 is greater than maximum supported index of 65536")]
    public void Malformed_set_is_helms_error(string text, string message) =>
        Assert.That(() => Set(text), Throws.TypeOf<HelmException>().With.Message.EqualTo(message));
}
