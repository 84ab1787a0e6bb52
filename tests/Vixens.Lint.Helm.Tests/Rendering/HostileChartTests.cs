using System.Diagnostics;
using Vixens.Lint.Helm.Tests.Charts;

namespace Vixens.Lint.Helm.Tests.Rendering;

/// <summary>Hostile charts end with a diagnostic in bounded time and memory, never a hang or a crash.</summary>
public sealed class HostileChartTests
{
    private const string ChartYaml = "apiVersion: v2\nname: evil\nversion: 1.0.0\n";
    // Generous: the suite runs on shared, loaded machines; unbounded cases would run for hours.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private const long MemoryBound = 1L << 30;

    private static HelmTemplateResult Render(TestCharts charts, params (string Path, string Text)[] files)
    {
        var dir = charts.Dir("evil", [("Chart.yaml", ChartYaml), .. files]);
        return new HelmTemplateRunner().Run(new HelmTemplateOptions { ReleaseName = "r", ChartPath = dir, WorkingDirectory = charts.Root });
    }

    private static void AssertBounded(Func<HelmTemplateResult> render, string expectedInMessage)
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        var stopwatch = Stopwatch.StartNew();
        var result = render();
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False, "a hostile chart must fail");
            Assert.That(result.Error?.Message, Does.Contain(expectedInMessage));
            Assert.That(stopwatch.Elapsed, Is.LessThan(Bound));
            Assert.That(allocated, Is.LessThan(MemoryBound * 8), "allocation stays bounded");
        });
    }

    [Test]
    public void Include_that_calls_itself_stops_at_helms_nesting_limit()
    {
        using var charts = new TestCharts();
        AssertBounded(
            () => Render(charts, ("templates/_loop.tpl", "{{ define \"loop\" }}{{ include \"loop\" . }}{{ end }}"), ("templates/cm.yaml", "x: {{ include \"loop\" . }}")),
            "rendering template has a nested reference name: loop");
    }

    [Test]
    public void Template_action_that_calls_itself_is_stopped_by_the_depth_budget()
    {
        using var charts = new TestCharts();
        var result = Render(charts, ("templates/_loop.tpl", "{{ define \"loop\" }}{{ template \"loop\" . }}{{ end }}"), ("templates/cm.yaml", "x: {{ template \"loop\" . }}"));

        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void Tpl_bomb_is_stopped_by_a_budget()
    {
        using var charts = new TestCharts();
        // Each level doubles the work (2^1000 expansions) unless a limit stops it.
        var define = "{{ define \"b\" }}{{ tpl \"{{ include \\\"b\\\" . }}{{ include \\\"b\\\" . }}\" . }}{{ end }}";
        var result = RenderTimed(charts, ("templates/_b.tpl", define), ("templates/cm.yaml", "x: {{ include \"b\" . }}"));

        Assert.That(result.Error?.Message, Does.Contain("nested reference name: b").Or.Contain("budget").Or.Contain("limit"));
    }

    [Test]
    public void Huge_range_is_stopped_by_a_budget()
    {
        using var charts = new TestCharts();
        var template = "{{ range $i := .Values.a }}{{ range $.Values.a }}{{ range $.Values.a }}{{ range $.Values.a }}xxxxxxxxxxxxxxxx{{ end }}{{ end }}{{ end }}{{ end }}";
        var values = "a: [" + string.Join(',', Enumerable.Repeat("1", 500)) + "]\n";
        var result = RenderTimed(charts, ("values.yaml", values), ("templates/cm.yaml", template));

        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void Deeply_nested_values_fail_cleanly()
    {
        using var charts = new TestCharts();
        var values = new string('[', 100_000) + new string(']', 100_000);
        var result = RenderTimed(charts, ("values.yaml", "a: " + values + "\n"), ("templates/cm.yaml", "x: 1"));

        Assert.That(result.Succeeded, Is.False);
    }

    private static HelmTemplateResult RenderTimed(TestCharts charts, params (string Path, string Text)[] files)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = Render(charts, files);
        Assert.That(stopwatch.Elapsed, Is.LessThan(Bound));
        return result;
    }
}
