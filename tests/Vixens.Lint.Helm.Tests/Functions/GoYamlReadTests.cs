using Vixens.Lint.Helm.Functions;

namespace Vixens.Lint.Helm.Tests.Functions;

/// <summary>
/// GoYaml.Unmarshal against helm v3.17.2: each expectation is what <c>{{ fromYaml X | toJson }}</c> (or the values file
/// printed with toJson) gave the real helm, so the typing, key strings and errors are Go's.
/// </summary>
public sealed class GoYamlReadTests
{
    private static string ReadAsJson(string yaml)
    {
        try
        {
            return GoJson.Marshal(GoYaml.UnmarshalMap(yaml));
        }
        catch (GoYamlException e)
        {
            return GoJson.Marshal(new Dictionary<string, object?> { ["Error"] = e.Message });
        }
    }

    [TestCase("a: 1e400\nb: 08\nc: 0o17\nd: 0x_1F\ne: +12\nf: 1__0\ng: -0b11\nh: .5\ni: 1.\nj: 0.1e-7\n1e3: x\n0.1: y\n123456789.0: z\nk: !!float 3\nl: !!str 3\nm: !foo bar\nn: 2001-12-14T21:59:43.10-05:00",
        """{"0.1":true,"1.2345679e+08":"z","1000":"x","a":"1e400","b":8,"c":15,"d":31,"e":12,"f":10,"false":"2001-12-14T21:59:43.10-05:00","g":-3,"h":0.5,"i":1,"j":1e-8,"k":3,"l":"3","m":"bar"}""")]
    [TestCase("a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2\nf:\n  <<: [{g: 1}, {g: 2, h: 3}]\n  h: 4",
        """{"a":{"b":1},"c":{"b":1},"d":{"b":1,"e":2},"f":{"g":1,"h":4}}""")]
    [TestCase("- a", """{"Error":"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"}""")]
    [TestCase("x", """{"Error":"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}"}""")]
    [TestCase("a: *x", """{"Error":"error converting YAML to JSON: yaml: unknown anchor 'x' referenced"}""")]
    [TestCase("a: .inf", """{"Error":"error converting YAML to JSON: json: unsupported value: +Inf"}""")]
    [TestCase("a: [b", """{"Error":"error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"}""")]
    [TestCase("a:\n  b: 1\n c: 2", """{"Error":"error converting YAML to JSON: yaml: line 2: did not find expected key"}""")]
    [TestCase("", "{}")]
    [TestCase("~", "{}")]
    public void FromYaml_matches_helm(string yaml, string expectedJson) =>
        Assert.That(ReadAsJson(yaml), Is.EqualTo(expectedJson));

    [Test]
    public void Values_file_types_match_helm()
    {
        const string values = "a: 1000000\nb: [1, \"x\", yes, n]\nn: 1\n\"1.5\": x\n0x10: 3\nc: 1e21\nd: 2001-12-14\ne: 12345678901234567890\nl: ~\nm: 1_000\no: 0b101\np: 017\nq: 1.0\nt: -.5\nu: 3.\n";
        var map = GoYaml.UnmarshalMap(values);
        Assert.Multiple(() =>
        {
            Assert.That(map["a"], Is.EqualTo(1e6).And.TypeOf<double>());
            Assert.That(map["b"], Is.EqualTo(new List<object?> { 1d, "x", true, false }));
            Assert.That(map["false"], Is.EqualTo(1d));
            Assert.That(map["16"], Is.EqualTo(3d));
            Assert.That(map["1.5"], Is.EqualTo("x"));
            Assert.That(map["c"], Is.EqualTo(1e21));
            Assert.That(map["d"], Is.EqualTo("2001-12-14"));
            Assert.That(map["e"], Is.EqualTo(12345678901234567890d));
            Assert.That(map["l"], Is.Null);
            Assert.That(map["m"], Is.EqualTo(1000d));
            Assert.That(map["o"], Is.EqualTo(5d));
            Assert.That(map["p"], Is.EqualTo(15d));
            Assert.That(map["q"], Is.EqualTo(1d));
            Assert.That(map["t"], Is.EqualTo(-0.5d));
            Assert.That(map["u"], Is.EqualTo(3d));
        });
    }

    [Test]
    public void Aliases_are_separate_copies()
    {
        var map = GoYaml.UnmarshalMap("a: &x {b: 1}\nc: *x\n");
        ((Dictionary<string, object?>)map["c"]!)["b"] = 2d;
        Assert.That(((Dictionary<string, object?>)map["a"]!)["b"], Is.EqualTo(1d));
    }

    [Test]
    public void Alias_bombs_stop_with_an_error()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 0; i < 9; i++)
        {
            yaml += $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n";
        }

        Assert.That(() => GoYaml.Unmarshal(yaml), Throws.TypeOf<GoYamlException>());
    }

    [Test]
    public void FromYamlArray_errors_match_helm()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => GoYaml.UnmarshalList("a: 1"), Throws.TypeOf<GoYamlException>().With.Message.EqualTo(
                "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}"));
            Assert.That(GoYaml.UnmarshalList(""), Is.Empty);
        });
    }

    [TestCase("[1]", "json: cannot unmarshal array into Go value of type map[string]interface {}")]
    [TestCase("", "unexpected end of JSON input")]
    [TestCase("{\"a\":1,}", "invalid character '}' looking for beginning of object key string")]
    [TestCase("{\"a\":1} x", "invalid character 'x' after top-level value")]
    public void FromJson_errors_match_helm(string json, string expected)
    {
        string message;
        try
        {
            var value = GoJson.Unmarshal(json);
            message = value is Dictionary<string, object?> ? "ok" : $"json: cannot unmarshal {GoYaml.JsonKind(value)} into Go value of type map[string]interface {{}}";
        }
        catch (GoYamlException e)
        {
            message = e.Message;
        }

        Assert.That(message, Is.EqualTo(expected));
    }
}
