using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Tests.Template;

/// <summary>Go's fmt, checked against the output of helm v3.17.2 (go1.23.7) for the same operands.</summary>
public sealed class GoFmtTests
{
    private static Dictionary<string, object?> SampleMap() => new()
    {
        ["b"] = 2.0,
        ["a"] = "x",
        ["c"] = new List<object?> { 1.0, "y", null },
    };

    [Test]
    public void Float64_prints_shortest_with_exponent_from_six_digits()
    {
        Assert.That(GoFmt.Sprint(1000000.0), Is.EqualTo("1e+06"));
        Assert.That(GoFmt.Sprint(123456789.0), Is.EqualTo("1.23456789e+08"));
        Assert.That(GoFmt.Sprint(0.00001), Is.EqualTo("1e-05"));
        Assert.That(GoFmt.Sprint(3.5), Is.EqualTo("3.5"));
        Assert.That(GoFmt.Sprint(100000.0), Is.EqualTo("100000"));
        Assert.That(GoFmt.Sprintf("%v|%v|%v|%v|%.3v|%10.4v|%g", 1e6, 1e-5, 123456.0, 1.0, 3.14159, 3.14159, 100000000.0),
            Is.EqualTo("1e+06|1e-05|123456|1|3.14|     3.142|1e+08"));
    }

    [Test]
    public void Maps_and_slices_print_sorted_and_bracketed()
    {
        Assert.That(GoFmt.Sprint(SampleMap()), Is.EqualTo("map[a:x b:2 c:[1 y <nil>]]"));
        Assert.That(GoFmt.Sprint(new List<object?> { 1.0, 2.5, "z" }), Is.EqualTo("[1 2.5 z]"));
        Assert.That(GoFmt.Sprintf("%v|%+v|%#v|%T|%T|%T|%T", SampleMap(), SampleMap(), SampleMap(), SampleMap(), new List<object?>(), 1.0, 1),
            Is.EqualTo("map[a:x b:2 c:[1 y <nil>]]|map[a:x b:2 c:[1 y <nil>]]|map[string]interface {}{\"a\":\"x\", \"b\":2, \"c\":[]interface {}{1, \"y\", interface {}(nil)}}|map[string]interface {}|[]interface {}|float64|int"));
    }

    [Test]
    public void Integer_verbs_and_flags()
    {
        Assert.That(GoFmt.Sprintf("%d|%5d|%-5d|%05d|%x|%X|%o|%b|%c|%q|%U|%#U|%#x|%#o|%+d|% d", 42, 42, 42, 42, 255, 255, 8, 5, 65, 65, 65, 65, 255, 8, 5, 5),
            Is.EqualTo("42|   42|42   |00042|ff|FF|10|101|A|'A'|U+0041|U+0041 'A'|0xff|010|+5| 5"));
        Assert.That(GoFmt.Sprintf("%6.2f|%-6d|%06d|%+06d|%x|%#v|%#v|%#v", -1.5, -42, -42, 42, -255, "s", 1.0, null),
            Is.EqualTo(" -1.50|-42   |-00042|+00042|-ff|\"s\"|1|<nil>"));
    }

    [Test]
    public void Float_verbs_round_half_even_on_the_exact_value()
    {
        Assert.That(GoFmt.Sprintf("%f|%.2f|%e|%E|%g|%G|%.3g|%8.3f|%-8.2f|%08.3f|%+.1e|%v", 3.14159, 2.675, 123456.789, 0.000123, 1e21, 1e-7, 1234.5678, -3.14159, 2.5, -3.14159, 12345.0, 1e20),
            Is.EqualTo("3.141590|2.67|1.234568e+05|1.230000E-04|1e+21|1E-07|1.23e+03|  -3.142|2.50    |-003.142|+1.2e+04|1e+20"));
        Assert.That(GoFmt.Sprintf("%.0f|%.0f|%.0f|%.1f|%.2f|%5.1f%%|%x|%X|%b", 0.5, 1.5, 2.5, 0.25, 1.005, 12.345, 3.5, -1.0, 1.0),
            Is.EqualTo("0|2|2|0.2|1.00| 12.3%|0x1.cp+01|-0X1P+00|4503599627370496p-52"));
    }

    [Test]
    public void String_verbs()
    {
        Assert.That(GoFmt.Sprintf("%s|%q|%x|% x|%#x|%X|%10s|%-10s|%.2s|%q", "hi", "a\"b\n\tc", "hi", "hi", "hi", "hi", "r", "l", "hello", "é☺\u0001"),
            Is.EqualTo("hi|\"a\\\"b\\n\\tc\"|6869|68 69|0x6869|6869|         r|l         |he|\"é☺\\x01\""));
    }

    [Test]
    public void Errors_in_the_format_print_as_go_does()
    {
        Assert.That(GoFmt.Sprintf("%d|%s|%t|%z", "x", 1, 2, 3), Is.EqualTo("%!d(string=x)|%!s(int=1)|%!t(int=2)|%!z(int=3)"));
        Assert.That(GoFmt.Sprintf("%s %s", "a"), Is.EqualTo("a %!s(MISSING)"));
        Assert.That(GoFmt.Sprintf("%s", "a", "b", 1, null), Is.EqualTo("a%!(EXTRA string=b, int=1, <nil>)"));
        Assert.That(GoFmt.Sprintf("%!"), Is.EqualTo("%!!(MISSING)"));
        Assert.That(GoFmt.Sprintf("%"), Is.EqualTo("%!(NOVERB)"));
        Assert.That(GoFmt.Sprintf("%v %d %s", null, null, null), Is.EqualTo("<nil> %!d(<nil>) %!s(<nil>)"));
        Assert.That(GoFmt.Sprintf("%*d|%-*d|%.*f", 5, 1, 5, 2, 2, 3.14159), Is.EqualTo("    1|2    |3.14"));
    }

    [Test]
    public void Sprint_spaces_only_between_non_strings()
    {
        Assert.That(GoFmt.Sprint(1, 2, "a", "b", 3, null, 4), Is.EqualTo("1 2ab3 <nil> 4"));
        Assert.That(GoFmt.Sprintln(1, "a", null), Is.EqualTo("1 a <nil>\n"));
        Assert.That(GoFmt.Sprint(new List<object?>()), Is.EqualTo("[]"));
    }
}
