using System.Diagnostics;
using Vixens.Lint.Helm.Charts;

namespace Vixens.Lint.Helm.Tests.Charts;

public sealed class ChartLoaderTests
{
    private const string ChartYaml = "apiVersion: v2\nname: demo\nversion: 1.2.3\n";

    [Test]
    public void Directory_chart_has_metadata_templates_values_files_and_subcharts()
    {
        using var charts = new TestCharts();
        var dir = charts.Dir("demo",
            ("Chart.yaml", ChartYaml + "dependencies:\n  - name: sub\n    version: '>=0.1.0'\n    condition: sub.enabled\n"),
            ("values.yaml", "replicas: 2\nsub:\n  enabled: true\n"),
            ("templates/a.yaml", "kind: ConfigMap"),
            ("templates/_helpers.tpl", "{{ define \"x\" }}{{ end }}"),
            ("files/conf.txt", "hello"),
            ("crds/crd.yaml", "kind: CustomResourceDefinition"),
            ("charts/sub/Chart.yaml", "name: sub\nversion: 0.1.0\n"),
            ("charts/sub/templates/b.yaml", "kind: Service"));

        var chart = ChartLoader.Load(dir);

        Assert.Multiple(() =>
        {
            Assert.That(chart.Name, Is.EqualTo("demo"));
            Assert.That(chart.Metadata.APIVersion, Is.EqualTo("v2"));
            Assert.That(chart.Templates.Select(t => t.Name), Is.EqualTo(new[] { "templates/_helpers.tpl", "templates/a.yaml" }));
            Assert.That(chart.Values["replicas"], Is.EqualTo(2.0), "values.yaml numbers are float64");
            Assert.That(chart.Files.Select(f => f.Name), Is.EquivalentTo(new[] { "crds/crd.yaml", "files/conf.txt" }));
            Assert.That(chart.Dependencies.Single().Name, Is.EqualTo("sub"));
            Assert.That(chart.Dependencies.Single().Metadata.APIVersion, Is.EqualTo("v1"), "no apiVersion means v1");
            Assert.That(chart.Dependencies.Single().FullPath, Is.EqualTo("demo/charts/sub"));
            Assert.That(chart.Metadata.Dependencies!.Single()!.Condition, Is.EqualTo("sub.enabled"));
            Assert.That(chart.CrdObjects().Select(c => c.OutputName), Is.EqualTo(new[] { "demo/crds/crd.yaml" }));
        });
    }

    [Test]
    public void Archive_chart_drops_the_top_folder_and_loads_nested_archives()
    {
        using var charts = new TestCharts();
        var sub = TestCharts.Tgz(TestCharts.FileEntry("sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0\n"));
        var outer = TestCharts.Tgz(
            TestCharts.FileEntry("demo/Chart.yaml", ChartYaml),
            TestCharts.FileEntry("demo/templates/a.yaml", "kind: ConfigMap"),
            new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "demo/charts/sub-0.1.0.tgz") { DataStream = new MemoryStream(sub) });
        var path = charts.WriteFile("demo-1.2.3.tgz", outer);

        var chart = ChartLoader.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(chart.Templates.Single().Name, Is.EqualTo("templates/a.yaml"));
            Assert.That(chart.Dependencies.Single().Name, Is.EqualTo("sub"));
        });
    }

    [Test]
    public void Helmignore_rules_leave_files_out_and_hidden_templates_are_ignored()
    {
        using var charts = new TestCharts();
        var dir = charts.Dir("demo",
            ("Chart.yaml", ChartYaml),
            (".helmignore", "# comment\n*.bak\nsecret/\n"),
            ("templates/a.yaml", "kind: ConfigMap"),
            ("templates/.hidden.yaml", "kind: Secret"),
            ("notes.bak", "x"),
            ("secret/key", "x"),
            ("keep.txt", "x"));

        var chart = ChartLoader.Load(dir);

        Assert.Multiple(() =>
        {
            Assert.That(chart.Templates.Select(t => t.Name), Is.EqualTo(new[] { "templates/a.yaml" }));
            Assert.That(chart.Files.Select(f => f.Name), Is.EquivalentTo(new[] { ".helmignore", "keep.txt" }));
        });
    }

    [TestCase("Chart.yaml", "apiVersion: v2\nname: demo\n", "validation: chart.metadata.version is required")]
    [TestCase("Chart.yaml", "apiVersion: v2\nname: demo\nversion: one\n", "validation: chart.metadata.version \"one\" is invalid")]
    [TestCase("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 1.0.0\ntype: plugin\n", "validation: chart.metadata.type must be application or library")]
    [TestCase("values.yaml", "a: [1", null)]
    public void Invalid_chart_files_fail_with_helms_message(string file, string text, string? message)
    {
        using var charts = new TestCharts();
        var dir = charts.Dir("demo", ("Chart.yaml", ChartYaml), (file, text));

        var error = Assert.Throws<HelmException>(() => ChartLoader.Load(dir))!;

        Assert.That(error.Message, message is null ? Does.StartWith("cannot load values.yaml: ") : Is.EqualTo(message));
    }

    [Test]
    public void Missing_chart_yaml_is_helms_error()
    {
        using var charts = new TestCharts();
        var dir = charts.Dir("demo", ("values.yaml", "a: 1"));

        Assert.That(() => ChartLoader.Load(dir), Throws.TypeOf<HelmException>().With.Message.EqualTo("Chart.yaml file is missing"));
    }

    [TestCase("demo/../../evil.yaml", "chart illegally references parent directory")]
    [TestCase("demo//etc/passwd", "chart illegally contains absolute paths")]
    [TestCase("Chart.yaml", "chart illegally contains content outside the base directory: \"Chart.yaml\"")]
    public void Archive_entries_that_escape_the_chart_are_refused(string entryName, string message)
    {
        using var charts = new TestCharts();
        var path = charts.WriteFile("evil.tgz", TestCharts.Tgz(TestCharts.FileEntry("demo/Chart.yaml", ChartYaml), TestCharts.FileEntry(entryName, "x")));

        Assert.That(() => ChartLoader.Load(path), Throws.TypeOf<HelmException>().With.Message.EqualTo(message));
    }

    [TestCase("/etc/passwd")]
    [TestCase("../../../etc/passwd")]
    public void Archive_links_pointing_outside_the_chart_are_refused(string target)
    {
        using var charts = new TestCharts();
        var path = charts.WriteFile("link.tgz", TestCharts.Tgz(TestCharts.FileEntry("demo/Chart.yaml", ChartYaml), TestCharts.LinkEntry("demo/templates/a.yaml", target)));

        Assert.That(() => ChartLoader.Load(path), Throws.TypeOf<HelmException>().With.Message.Contains("is a link to"));
    }

    [Test]
    public void Directory_symlink_to_a_file_outside_the_chart_is_refused()
    {
        using var charts = new TestCharts();
        var outside = charts.WriteFile("secret.txt", "top secret"u8.ToArray());
        var dir = charts.Dir("demo", ("Chart.yaml", ChartYaml));
        File.CreateSymbolicLink(Path.Combine(dir, "stolen.txt"), outside);

        Assert.That(() => ChartLoader.Load(dir), Throws.TypeOf<HelmException>().With.Message.Contains("outside the chart directory"));
    }

    [Test]
    public void Directory_symlink_inside_the_chart_is_followed_and_a_link_cycle_is_an_error()
    {
        using var charts = new TestCharts();
        var dir = charts.Dir("demo", ("Chart.yaml", ChartYaml), ("files/a.txt", "A"));
        File.CreateSymbolicLink(Path.Combine(dir, "b.txt"), Path.Combine(dir, "files", "a.txt"));

        var chart = ChartLoader.Load(dir);
        Assert.That(chart.Files.Single(f => f.Name == "b.txt").Text, Is.EqualTo("A"));

        Directory.CreateSymbolicLink(Path.Combine(dir, "files", "loop"), dir);
        Assert.That(() => ChartLoader.Load(dir), Throws.TypeOf<HelmException>().With.Message.Contains("symbolic link cycle"));
    }

    [Test]
    public void Invalid_archive_is_a_clear_error()
    {
        using var charts = new TestCharts();
        var notGzip = charts.WriteFile("bad.tgz", "this is not an archive"u8.ToArray());
        var truncated = charts.WriteFile("cut.tgz", TestCharts.Tgz(TestCharts.FileEntry("demo/Chart.yaml", ChartYaml))[..20]);

        Assert.Multiple(() =>
        {
            Assert.That(() => ChartLoader.Load(notGzip), Throws.TypeOf<HelmException>().With.Message.EqualTo($"file '{notGzip}' does not appear to be a gzipped archive; got 'text/plain; charset=utf-8'"));
            Assert.That(() => ChartLoader.Load(truncated), Throws.TypeOf<HelmException>());
        });
    }

    [Test]
    public void Oversized_files_and_gzip_bombs_stop_at_the_limits_quickly()
    {
        using var charts = new TestCharts();
        // 100 MB of zeros compresses to ~100 KB: the per-file limit stops decompression early.
        var bomb = TestCharts.Tgz(TestCharts.FileEntry("demo/Chart.yaml", ChartYaml), new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "demo/values.yaml") { DataStream = new MemoryStream(new byte[100_000_000]) });
        var path = charts.WriteFile("bomb.tgz", bomb);
        var dir = charts.Dir("big", ("Chart.yaml", ChartYaml));
        using (var stream = File.Create(Path.Combine(dir, "values.yaml")))
        {
            stream.SetLength(100_000_000);
        }

        var stopwatch = Stopwatch.StartNew();
        Assert.Multiple(() =>
        {
            Assert.That(() => ChartLoader.Load(path), Throws.TypeOf<HelmException>().With.Message.Contains("larger than"));
            Assert.That(() => ChartLoader.Load(dir), Throws.TypeOf<HelmException>().With.Message.Contains("larger than"));
        });
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Subcharts_nested_past_the_depth_limit_are_refused()
    {
        using var charts = new TestCharts();
        var files = new List<(string, string)>();
        var prefix = string.Empty;
        for (var i = 0; i < 20; i++)
        {
            files.Add((prefix + "Chart.yaml", $"apiVersion: v2\nname: c{i}\nversion: 1.0.0\n"));
            prefix += $"charts/c{i + 1}/";
        }

        var dir = charts.Dir("deep", [.. files]);

        Assert.That(() => ChartLoader.Load(dir, ChartLoadLimits.Default with { MaxChartDepth = 10 }), Throws.TypeOf<HelmException>().With.Message.Contains("nested more than 10"));
    }
}
