using System.Globalization;
using BenchmarkDotNet.Attributes;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Kustomize;
using Vixens.Lint.Model;
using Vixens.Lint.Rules;
using Vixens.Lint.Sarif;
using Vixens.Lint.Schemas;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Benchmarks;

/// <summary>
/// Each pipeline stage on its own, on a synthetic repository of N applications × 2 environments (SyntheticRepository,
/// written once per N in <c>[GlobalSetup]</c>), to see how each grows with N. N is 50 and 200 by default;
/// <c>VIXENS_BENCH_SIZES=50,200,1000</c> adds the large repository (BenchmarkDotNet's child processes inherit it).
/// Every stage works like the engine: loading and rendering use both cores, rules run per overlay.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private string _root = string.Empty;
    private string[] _files = [];
    private string[] _overlays = [];
    private YamlFile[] _parsed = [];
    private List<KubeResource> _resources = [];
    private List<IGrouping<string, KubeResource>> _units = [];
    private LintResult? _result;
    private readonly SchemaValidator _validator = new();

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes() =>
        (Environment.GetEnvironmentVariable("VIXENS_BENCH_SIZES") ?? "50,200")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(size => int.Parse(size, CultureInfo.InvariantCulture));

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "vixens-bench", $"synthetic-{N}-{Environment.ProcessId}");
        SyntheticRepository.Write(_root, N);
        _files = [.. Directory.EnumerateFiles(_root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        _overlays = [.. _files
            .Where(f => Path.GetFileName(f) == "kustomization.yaml" && (f.Contains("/overlays/", StringComparison.Ordinal)))
            .Select(f => Path.GetDirectoryName(f)!)];
        _parsed = Load();
        _result = LintEngine.Run(new LintRequest(_root) { RepositoryRoot = _root });
        _resources = [.. _result.Resources];
        _units = [.. _resources.GroupBy(r => (r.Environment ?? string.Empty) + "|" + (r.Application ?? r.Origin ?? string.Empty), StringComparer.Ordinal)];
        _validator.Validate(_resources, SchemaSettings.Default);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a benchmark.
        }
    }

    [Benchmark(Description = "load: parse every YAML file")]
    public YamlFile[] Load()
    {
        var parsed = new YamlFile[_files.Length];
        Parallel.For(0, _files.Length, i => parsed[i] = YamlLoader.LoadFile(_files[i]));
        return parsed;
    }

    [Benchmark(Description = "render: every overlay (files already parsed, fresh base cache)")]
    public int Render()
    {
        var cache = new KustomizeCache();
        foreach (var file in _parsed)
        {
            cache.AddParsedFile(file);
        }

        var renderer = new KustomizeRenderer();
        var options = new KustomizeOptions { RepositoryRoot = _root, Cache = cache };
        var total = 0;
        Parallel.ForEach(_overlays, overlay => Interlocked.Add(ref total, renderer.Render(overlay, options).Resources.Count));
        return total;
    }

    [Benchmark(Description = "schemas: validate every rendered resource")]
    public int Validate() => _validator.Validate(_resources, SchemaSettings.Default).Count;

    [Benchmark(Description = "rules: every built-in rule, per application and environment")]
    public int Rules()
    {
        var catalog = RuleCatalog.Default;
        var cache = new AnalysisCache();
        var index = _resources.GroupBy(r => r.Environment ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ResourceIndex(g.ToList()), StringComparer.Ordinal);
        var count = 0;
        Parallel.ForEach(_units, unit =>
        {
            var sink = new List<Diagnostic>();
            var resources = unit.ToList();
            var environment = resources[0].Environment;
            var context = new RuleContext(resources, sink, environment, index[environment ?? string.Empty], cache: cache);
            foreach (var rule in catalog.Rules)
            {
                rule.Analyze(context);
            }

            Interlocked.Add(ref count, sink.Count);
        });
        return count;
    }

    [Benchmark(Description = "sarif: write the report of the whole check")]
    public long WriteSarif()
    {
        using var output = new CountingWriter();
        new SarifReportWriter().Write(_result!, output);
        return output.Count;
    }

    /// <summary>Counts what is written without keeping it, so that the benchmark measures the writer, not a buffer.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Count { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Count++;

        public override void Write(char[] buffer, int index, int count) => Count += count;

        public override void Write(string? value) => Count += value?.Length ?? 0;
    }
}
