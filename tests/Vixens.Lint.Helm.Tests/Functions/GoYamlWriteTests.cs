using Vixens.Lint.Helm.Functions;

namespace Vixens.Lint.Helm.Tests.Functions;

/// <summary>GoYaml.Marshal against helm v3.17.2's <c>toYaml</c> (which is Marshal without its last line break).</summary>
public sealed class GoYamlWriteTests
{
    private static string ToYaml(object? value)
    {
        var text = GoYaml.Marshal(value);
        Assert.That(text, Does.EndWith("\n"));
        return text[..^1];
    }

    private static Dictionary<string, object?> Dict(params object?[] kv)
    {
        var d = new Dictionary<string, object?>();
        for (var i = 0; i < kv.Length; i += 2)
        {
            d[(string)kv[i]!] = kv[i + 1];
        }

        return d;
    }

    private static List<object?> List(params object?[] items) => [.. items];

    [TestCase("abc", "abc")]
    [TestCase("a\nb\n", "|\n  a\n  b")]
    [TestCase("a\n\n", "|+\n  a\n")]
    [TestCase(" a\nb", "|2-\n   a\n  b")]
    [TestCase("a \nb", "\"a \\nb\"")]
    public void Top_level_strings(string value, string expected) => Assert.That(ToYaml(value), Is.EqualTo(expected));

    [Test]
    public void Collections_and_numbers()
    {
        var value = List("x", List(1, 2), Dict("a", 1, "b", List(3)), List(), Dict(), null, 1.5, 0.000001, 123456789.5);
        Assert.That(ToYaml(value), Is.EqualTo("- x\n- - 1\n  - 2\n- a: 1\n  b:\n  - 3\n- []\n- {}\n- null\n- 1.5\n- 1e-06\n- 1.234567895e+08"));
    }

    [Test]
    public void Nested_sequences_and_maps()
    {
        var value = Dict("k", List(List("a", "b"), Dict("x", Dict("y", 1))));
        Assert.That(ToYaml(value), Is.EqualTo("k:\n- - a\n  - b\n- x:\n    \"y\": 1"));
    }

    [Test]
    public void Keys_in_go_yaml_order()
    {
        var value = Dict("a10", 1, "a2", 2, "a1", 3, "b", 4, "B", 5, "_", 6, "1", 7, "10", 8, "9", 9, "a01", 10, "a001", 11, "é", 12, "z", 13, "a b", 14);
        Assert.That(ToYaml(value), Is.EqualTo("_: 6\n\"1\": 7\n\"9\": 9\n\"10\": 8\nB: 5\na b: 14\na1: 3\na01: 10\na001: 11\na2: 2\na10: 1\nb: 4\nz: 13\né: 12"));
    }

    [Test]
    public void Long_lines_fold_past_column_80()
    {
        var value = Dict(
            "long", "aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiii: jjj",
            "dq", "aaaaaaaaaa\tbbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiii jjj kkk");
        Assert.That(ToYaml(value), Is.EqualTo(
            "dq: \"aaaaaaaaaa\\tbbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg\n  hhhhhhhhhh iiiiiiii jjj kkk\"\n" +
            "long: 'aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg\n  hhhhhhhhhh iiiiiiii: jjj'"));
    }

    [Test]
    public void Plain_long_line_from_values_folds()
    {
        var value = Dict("ah", "this is a long long long long long long long long long long long long long long long line of text words words");
        Assert.That(ToYaml(value), Is.EqualTo("ah: this is a long long long long long long long long long long long long long long\n  long line of text words words"));
    }

    [Test]
    public void Quoting_rules()
    {
        var value = List("\u2028", "\0", "😀", "é", "-", "- ", "a:", ":a", "? x", "[a", "a,b", "a]", "*a", "!a", "a #", "a#", "---", "...", "null", "NULL", "Yes", "0x1F", "1_0", "1:30", "+1", ".5", "1e3", "0o7", "08", "1.2.3", "~", "=", "<<", "y", "2001-12-14");
        const string expected = "- '\u2028'\n- \"\\0\"\n- \"\\U0001F600\"\n- é\n- '-'\n- '- '\n- 'a:'\n- :a\n- '? x'\n- '[a'\n- a,b\n- a]\n- '*a'\n- '!a'\n- 'a #'\n- a#\n- '---'\n- '...'\n- \"null\"\n- \"NULL\"\n- \"Yes\"\n- \"0x1F\"\n- \"1_0\"\n- \"1:30\"\n- \"+1\"\n- \".5\"\n- \"1e3\"\n- \"0o7\"\n- \"08\"\n- 1.2.3\n- \"~\"\n- =\n- <<\n- \"y\"\n- \"2001-12-14\"";
        Assert.That(ToYaml(value), Is.EqualTo(expected));
    }

    [Test]
    public void Values_round_trip_like_helm()
    {
        var values = GoYaml.UnmarshalMap("a: 1000000\nc: 1e21\ne: 12345678901234567890\nk: \"\"\nl: ~\nq: 1.0\nt: -.5\nw: [ ]\nz: {}\ni: |\n  lit\n  text\n");
        Assert.That(ToYaml(values), Is.EqualTo("a: 1000000\nc: 1e+21\ne: 12345678901234567000\ni: |\n  lit\n  text\nk: \"\"\nl: null\nq: 1\nt: -0.5\nw: []\nz: {}"));
    }

    [Test]
    public void NaN_is_an_error() =>
        Assert.That(() => GoYaml.Marshal(double.NaN), Throws.TypeOf<GoYamlException>().With.Message.EqualTo("error marshaling into JSON: json: unsupported value: NaN"));
}
