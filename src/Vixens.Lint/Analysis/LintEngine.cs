using System.Collections.Concurrent;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Rules;

namespace Vixens.Lint.Analysis;

/// <summary>
/// Runs the whole pipeline (DESIGN §2): discover, load, analyse, apply settings, sort. Never throws for bad input;
/// problems with the input are diagnostics.
/// </summary>
public static class LintEngine
{
    public static LintResult Run(LintRequest request)
    {
        var root = Path.GetFullPath(request.RepositoryRoot ?? RepositoryPaths.FindRepositoryRoot(request.Path));
        var files = ManifestDiscovery.FindYamlFiles(request.Path, root, request.Settings.Exclude);
        var loaded = LoadAll(files, request);

        var diagnostics = new List<Diagnostic>();
        foreach (var manifest in loaded)
        {
            diagnostics.AddRange(manifest.Diagnostics);
        }

        var resources = loaded.SelectMany(m => m.Resources).ToList();
        foreach (var resource in resources)
        {
            resource.Origin ??= RepositoryPaths.Relative(root, Path.GetDirectoryName(resource.Span.File) ?? root);
        }

        RunRules(request.Catalog, resources, diagnostics);

        // Rule-pack engine hooks: in-source suppressions, then settings, then the baseline.
        var suppressed = Suppressions.SuppressionProcessor.Apply(resources, diagnostics, request.Catalog);
        var final = ApplySettings(suppressed, request.Settings);
        IReadOnlyList<Baselines.BaselineEntry> absent = [];
        if ((request.BaselinePath ?? ResolveFromRoot(root, request.Settings.BaselinePath)) is { } baselinePath)
        {
            (final, var gone) = Baselines.Baseline.Load(baselinePath).Apply(final);
            absent = gone;
        }

        return new LintResult(root, final, request.Catalog, files.Count, resources.Count) { BaselineAbsent = absent, Resources = resources };
    }

    private static string? ResolveFromRoot(string root, string? path) => path is null ? null : Path.GetFullPath(Path.Combine(root, path));

    private static List<LoadedManifest> LoadAll(IReadOnlyList<string> files, LintRequest request)
    {
        var results = new LoadedManifest[files.Count];
        Parallel.For(0, files.Count, i => results[i] = ManifestLoader.Load(files[i], request.LoadOptions));
        return [.. results];
    }

    private static void RunRules(RuleCatalog catalog, IReadOnlyList<KubeResource> resources, List<Diagnostic> diagnostics)
    {
        var bag = new ConcurrentBag<List<Diagnostic>>();
        var cache = new AnalysisCache();
        Parallel.ForEach(catalog.Rules, rule =>
        {
            var sink = new List<Diagnostic>();
            rule.Analyze(new RuleContext(resources, sink, cache: cache));
            bag.Add(sink);
        });
        foreach (var sink in bag)
        {
            diagnostics.AddRange(sink);
        }
    }

    /// <summary>Applies severity overrides, drops disabled rules and duplicates, and sorts.</summary>
    internal static List<Diagnostic> ApplySettings(IEnumerable<Diagnostic> diagnostics, LintSettings settings)
    {
        var seen = new HashSet<(string, string, int, int, string)>();
        var result = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var severity = settings.EffectiveSeverity(diagnostic.Descriptor, diagnostic.Severity);
            if (severity == Severity.None)
            {
                continue;
            }

            var key = (diagnostic.Id, diagnostic.Location.File, diagnostic.Location.StartLine, diagnostic.Location.StartColumn, diagnostic.Message);
            if (seen.Add(key))
            {
                result.Add(severity == diagnostic.Severity ? diagnostic : diagnostic.WithSeverity(severity));
            }
        }

        result.Sort(DiagnosticComparer.Instance);
        return result;
    }
}
