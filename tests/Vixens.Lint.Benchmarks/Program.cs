using System.Diagnostics;
using BenchmarkDotNet.Running;
using Vixens.Lint.Benchmarks;
using Vixens.Lint.Schemas;

// `--render-all`: wall time of rendering every corpus kustomization in one process (compare-with-kubectl.sh uses it).
if (args.Contains("--render-all"))
{
    var directories = CorpusOverlays.Directories();
    var watch = Stopwatch.StartNew();
    var (bytes, objects, failed) = CorpusOverlays.RenderAll(directories);
    Console.WriteLine($"rendered {directories.Count} kustomization directories ({bytes} bytes of YAML) in {watch.ElapsedMilliseconds} ms");
    // Machine-readable totals for compare-with-kubectl.sh, which checks them against kubectl's.
    Console.WriteLine($"totals: {objects} objects, {failed} failed");
    return;
}

// `--generate N DIR`: write a synthetic repository with N applications × 2 environments (see SyntheticRepository).
if (args.Length == 3 && args[0] == "--generate")
{
    SyntheticRepository.Write(args[2], int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"wrote {args[1]} applications × 2 environments to {args[2]}");
    return;
}

// `--check-twice`: the whole-corpus check, cold then warm, to separate start-up (JIT, bundle loading) from work.
if (args.Contains("--check-twice"))
{
    for (var run = 1; run <= 3; run++)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = Vixens.Lint.Analysis.LintEngine.Run(new Vixens.Lint.Analysis.LintRequest(CorpusLoader.CorpusDirectory()));
        Console.WriteLine($"check run {run}: {watch.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, {result.Diagnostics.Count} findings");
    }

    return;
}

// `--quick [--by-kind]`: a plain stopwatch run for a fast look; anything else goes to BenchmarkDotNet
// (e.g. `--filter '*' --job short`).
if (args.Contains("--quick"))
{
    var resources = CorpusLoader.Load();
    var validator = new SchemaValidator();
    var cold = Stopwatch.StartNew();
    var count = validator.Validate(resources, SchemaSettings.Default).Count;
    Console.WriteLine($"{resources.Count} resources, {count} findings, first run {cold.ElapsedMilliseconds} ms");
    for (var i = 0; i < 5; i++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var warm = Stopwatch.StartNew();
        validator.Validate(resources, SchemaSettings.Default);
        Console.WriteLine($"warm run {i + 1}: {warm.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU");
    }

    if (args.Contains("--by-kind"))
    {
        var store = new SchemaStore(SchemaSettings.Default, resources);
        var storeWatch = Stopwatch.StartNew();
        _ = new SchemaStore(SchemaSettings.Default, resources);
        Console.WriteLine($"store construction: {storeWatch.ElapsedMilliseconds} ms");
        foreach (var group in resources.GroupBy(r => r.ApiVersion + "/" + r.Kind).OrderByDescending(g => g.Count()))
        {
            var watch = Stopwatch.StartNew();
            foreach (var resource in group)
            {
                SchemaValidator.ValidateOne(resource, store, SchemaSettings.Default);
            }

            Console.WriteLine($"{group.Key}: {group.Count()} in {watch.Elapsed.TotalMilliseconds:F1} ms");
        }
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CorpusLoader).Assembly).Run(args);
