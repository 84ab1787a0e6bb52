using BenchmarkDotNet.Attributes;
using Vixens.Lint.Analysis;
using Vixens.Lint.Kustomize;

namespace Vixens.Lint.Benchmarks;

/// <summary>
/// The whole product on the real corpus: rendering every kustomization directory in one process (what issue 3 compares
/// with one <c>kubectl kustomize</c> per overlay), and the full check (render, schemas, rules) that issue 6 compares.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private IReadOnlyList<string> _directories = [];

    [GlobalSetup]
    public void Setup() => _directories = CorpusOverlays.Directories();

    [Benchmark(Description = "Render every corpus kustomization (shared cache)")]
    public int RenderAll() => CorpusOverlays.RenderAll(_directories).Bytes;

    [Benchmark(Description = "Check the whole corpus (render + schemas + rules)")]
    public int CheckCorpus() => LintEngine.Run(new LintRequest(CorpusLoader.CorpusDirectory())).Diagnostics.Count;
}

/// <summary>The kustomization directories listed in <c>vixens.expected/index.tsv</c>, and a one-process render of them all.</summary>
internal static class CorpusOverlays
{
    public static IReadOnlyList<string> Directories()
    {
        var corpus = CorpusLoader.CorpusDirectory();
        var index = Path.Combine(Path.GetDirectoryName(corpus)!, "vixens.expected", "index.tsv");
        return File.ReadLines(index).Skip(1)
            .Select(line => line.Split('\t')[0])
            .Select(dir => Path.Combine(corpus, dir))
            .ToList();
    }

    /// <summary>Renders every directory; returns the YAML bytes written, the objects rendered and the renders that failed.</summary>
    public static (int Bytes, int Objects, int Failed) RenderAll(IReadOnlyList<string> directories)
    {
        var renderer = new KustomizeRenderer();
        var options = new KustomizeOptions { RepositoryRoot = CorpusLoader.CorpusDirectory(), Cache = new KustomizeCache() };
        // Both cores, one shared cache: the way the engine renders a repository.
        int bytes = 0, objects = 0, failed = 0;
        Parallel.ForEach(directories, directory =>
        {
            var result = renderer.Render(directory, options);
            Interlocked.Add(ref bytes, KustomizeYamlWriter.Write(result.Resources).Length);
            Interlocked.Add(ref objects, result.Succeeded ? result.Resources.Count : 0);
            Interlocked.Add(ref failed, result.Succeeded ? 0 : 1);
        });
        return (bytes, objects, failed);
    }
}
