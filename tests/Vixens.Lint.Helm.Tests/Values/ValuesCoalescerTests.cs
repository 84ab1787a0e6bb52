using Vixens.Lint.Helm.Charts;
using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm.Tests.Values;

public sealed class ValuesCoalescerTests
{
    private static Chart Chart(string name, Dictionary<string, object?> values, params Chart[] subcharts)
    {
        var chart = new Chart(new ChartMetadata { Name = name, Version = "1.0.0", APIVersion = "v2" }) { Values = values };
        foreach (var sub in subcharts)
        {
            chart.AddDependency(sub);
        }

        return chart;
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = ValueMaps.NewMap();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    [Test]
    public void User_values_win_nested_maps_merge_and_null_deletes_a_default()
    {
        var chart = Chart("root", Map(("a", 1.0), ("b", Map(("x", 1.0), ("y", 2.0))), ("gone", "default")));
        var user = Map(("a", 5.0), ("b", Map(("y", 9.0))), ("gone", null));

        var result = ValuesCoalescer.Coalesce(chart, user);

        Assert.Multiple(() =>
        {
            Assert.That(result["a"], Is.EqualTo(5.0));
            Assert.That(result["b"], Is.EqualTo(Map(("x", 1.0), ("y", 9.0))));
            Assert.That(result.ContainsKey("gone"), Is.False);
            Assert.That(user["a"], Is.EqualTo(5.0), "the input is not changed");
        });
    }

    [Test]
    public void Subcharts_get_their_table_and_the_parents_globals()
    {
        var sub = Chart("sub", Map(("port", 80.0), ("global", Map(("region", "sub-default")))));
        var chart = Chart("root", Map(("global", Map(("region", "eu"), ("env", "prod"))), ("sub", Map(("port", 8080.0)))), sub);

        var result = ValuesCoalescer.Coalesce(chart, null);
        var subValues = (Dictionary<string, object?>)result["sub"]!;

        Assert.Multiple(() =>
        {
            Assert.That(subValues["port"], Is.EqualTo(8080.0));
            Assert.That(subValues["global"], Is.EqualTo(Map(("region", "eu"), ("env", "prod"))));
        });
    }

    [Test]
    public void Merge_keeps_nulls_that_coalesce_deletes()
    {
        var chart = Chart("root", Map(("a", 1.0)));

        Assert.Multiple(() =>
        {
            Assert.That(ValuesCoalescer.Merge(chart, Map(("a", null))).ContainsKey("a"), Is.True);
            Assert.That(ValuesCoalescer.Coalesce(chart, Map(("a", null))).ContainsKey("a"), Is.False);
        });
    }
}
