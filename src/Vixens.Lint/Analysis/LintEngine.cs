using System.Collections.Concurrent;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Rules;
using Vixens.Lint.Foundation;
using Vixens.Lint.Configuration;

namespace Vixens.Lint.Analysis;

/// <summary>
/// Runs the whole pipeline (docs/architecture.md, "Data flow"): discover files, follow ArgoCD and render overlays offline (when the path holds
/// kustomizations), analyse each unit against its environment, apply settings, sort. Never throws for bad input:
/// problems with the input are diagnostics.
/// </summary>
public static class LintEngine
{
    public static LintResult Run(LintRequest request)
    {
        var target = Path.GetFullPath(request.Path);
        var root = Path.GetFullPath(request.RepositoryRoot ?? RepositoryPaths.FindRepositoryRoot(target));
        var timer = new StageTimer();
        var files = ManifestDiscovery.FindYamlFiles(target, root, request.Settings.Exclude);
        timer.Mark("discover files");
        var loaded = LoadAll(files, request);
        timer.Mark("load YAML");

        var diagnostics = new List<Diagnostic>();
        Workspace? workspace = null;
        List<AnalysisUnit> units;
        if (Directory.Exists(target) && loaded.Any(m => m.Kind == ManifestKind.Kustomization))
        {
            (units, workspace) = BuildWorkspace(target, root, loaded, request, diagnostics);
        }
        else
        {
            units = [PlainUnit(loaded, diagnostics, _ => false)];
        }

        timer.Mark("workspace + render");
        if (request.Environments.Count > 0)
        {
            units = units.Where(u => u.Environment is null || request.Environments.Contains(u.Environment, StringComparer.Ordinal)).ToList();
            diagnostics.RemoveAll(d => d.Properties.TryGetValue("environment", out var environment) && !request.Environments.Contains(environment, StringComparer.Ordinal));
        }

        var resources = units.SelectMany(u => u.Resources).ToList();
        foreach (var resource in resources)
        {
            // Repository-relative, like every path in reports (the renderer stamps absolute directories).
            resource.Origin = resource.Origin is null
                ? RepositoryPaths.Relative(root, Path.GetDirectoryName(resource.Span.File) ?? root)
                : Path.IsPathRooted(resource.Origin) ? RepositoryPaths.Relative(root, resource.Origin) : resource.Origin;
        }

        SchemaStage.Run(units, request.Settings, diagnostics);
        timer.Mark("schema validation");
        var lookup = workspace is null ? null : ApplicationLookup.From(workspace);
        RunRules(request.Catalog, units, lookup, workspace, root, diagnostics);
        if (workspace is not null)
        {
            RunRepositoryRules(request.Catalog, target, workspace, diagnostics);
        }

        timer.Mark("rules");
        // Secret values never reach any output: collected from every resource, blanked in every message.
        var redactor = new Rules.Security.SecretRedactor();
        foreach (var resource in resources)
        {
            redactor.Collect(resource);
        }

        // In-source suppressions (per unit, before findings of several environments are merged), then settings, then the baseline.
        var suppressed = Suppressions.SuppressionProcessor.Apply(resources, diagnostics.Select(redactor.Redact).ToList(), request.Catalog);
        var final = ApplySettings(suppressed, request.Settings);
        IReadOnlyList<Baselines.BaselineEntry> absent = [];
        if ((request.BaselinePath ?? ResolveFromRoot(root, request.Settings.BaselinePath)) is { } baselinePath)
        {
            (final, var gone) = Baselines.Baseline.Load(baselinePath).Apply(final);
            absent = gone;
        }

        timer.Mark("suppressions + settings");
        return new LintResult(root, final, request.Catalog, files.Count, resources.Count) { BaselineAbsent = absent, Resources = resources, Workspace = workspace };
    }

    /// <summary>
    /// Discovers and renders the ArgoCD workspace only (no schema stage, no rules): what <c>vixens-lint apps</c> lists.
    /// Null when <see cref="LintRequest.Path"/> holds no kustomization.
    /// </summary>
    public static Workspace? DiscoverWorkspace(LintRequest request)
    {
        var target = Path.GetFullPath(request.Path);
        var root = Path.GetFullPath(request.RepositoryRoot ?? RepositoryPaths.FindRepositoryRoot(target));
        var loaded = LoadAll(ManifestDiscovery.FindYamlFiles(target, root, request.Settings.Exclude), request);
        if (!Directory.Exists(target) || !loaded.Any(m => m.Kind == ManifestKind.Kustomization))
        {
            return null;
        }

        return BuildWorkspace(target, root, loaded, request, []).Workspace;
    }

    private static (List<AnalysisUnit> Units, Workspace Workspace) BuildWorkspace(string target, string repositoryRoot, IReadOnlyList<LoadedManifest> loaded, LintRequest request, List<Diagnostic> diagnostics)
    {
        var kustomizationFiles = loaded
            .Where(m => m.Kind == ManifestKind.Kustomization && KustomizationIndex.FileNames.Contains(Path.GetFileName(m.File.Path)))
            .Select(m => m.File.Path);
        var index = KustomizationIndex.Build(kustomizationFiles);
        // Bases may live anywhere in the repository, even when only a sub-directory is checked.
        var renderer = new OverlayRenderer(RepositoryPaths.IsInside(repositoryRoot, target) ? repositoryRoot : target, request.LoadOptions, loaded.Select(m => m.File));
        renderer.Prerender(index.TopLevel());
        var workspace = new WorkspaceBuilder(target, renderer, index, request.Workspace).Build();
        diagnostics.AddRange(workspace.Diagnostics);

        // Files under a kustomization (resources, patches, generator inputs) are analysed through the renders; only the
        // rest is analysed as loose manifests, so that patch fragments never look like incomplete objects.
        // A file is covered when one of its ancestor directories is; walking up (depth) keeps this linear in files.
        var coveredRoots = new HashSet<string>(index.Directories.Concat(renderer.PlainDirectories), StringComparer.Ordinal);
        bool IsCovered(string file)
        {
            // Helm values files are read by the Application that uses them (VX3006), so "not a manifest" says nothing new.
            if (workspace.ValuesFiles.Contains(file))
            {
                return true;
            }

            for (var directory = Path.GetDirectoryName(file); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                if (coveredRoots.Contains(directory))
                {
                    return true;
                }
            }

            return false;
        }
        var units = new List<AnalysisUnit>(workspace.Units) { PlainUnit(loaded, diagnostics, IsCovered) };
        return (units, workspace);
    }

    /// <summary>Loose manifests outside any kustomization; also reports every file's YAML problems exactly once.</summary>
    private static AnalysisUnit PlainUnit(IReadOnlyList<LoadedManifest> loaded, List<Diagnostic> diagnostics, Func<string, bool> isCovered)
    {
        var resources = new List<KubeResource>();
        foreach (var manifest in loaded)
        {
            var covered = isCovered(manifest.File.Path);
            foreach (var diagnostic in manifest.Diagnostics)
            {
                if (!covered || diagnostic.Descriptor.Category == "input" && diagnostic.Severity == Severity.Error && diagnostic.Id != InputDescriptors.MissingKindOrApiVersion.Id)
                {
                    diagnostics.Add(diagnostic);
                }
            }

            if (!covered)
            {
                resources.AddRange(manifest.Resources);
            }
        }

        return new AnalysisUnit(UnitKind.PlainFiles, "(loose manifests)", null, string.Empty, resources);
    }

    private static string? ResolveFromRoot(string root, string? path) => path is null ? null : Path.GetFullPath(Path.Combine(root, path));

    private static List<LoadedManifest> LoadAll(IReadOnlyList<string> files, LintRequest request)
    {
        var results = new LoadedManifest[files.Count];
        Parallel.For(0, files.Count, i => results[i] = ManifestLoader.Load(files[i], request.LoadOptions));
        return [.. results];
    }

    /// <summary>Rules about the repository as a whole (layout, docs pages): once per run, on the workspace.</summary>
    private static void RunRepositoryRules(RuleCatalog catalog, string root, Workspace workspace, List<Diagnostic> diagnostics)
    {
        var repositoryRules = catalog.Rules.OfType<Rules.Conventions.RepositoryRule>().ToList();
        if (repositoryRules.Count == 0)
        {
            return;
        }

        var context = Rules.Conventions.RepositoryContext.From(root, workspace, diagnostics);
        foreach (var rule in repositoryRules)
        {
            rule.AnalyzeRepository(context);
        }
    }

    private static void RunRules(RuleCatalog catalog, IReadOnlyList<AnalysisUnit> units, ApplicationLookup? lookup, Workspace? workspace, string root, List<Diagnostic> diagnostics)
    {
        var helmCharts = workspace?.HelmCharts ?? [];
        var environments = units
            .GroupBy(u => u.Environment ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ResourceIndex(g.SelectMany(u => u.Resources).ToList()), StringComparer.Ordinal);
        var bag = new ConcurrentBag<List<Diagnostic>>();
        var cache = new AnalysisCache();
        try
        {
            Parallel.ForEach(units.Where(u => u.Resources.Count > 0), unit =>
            {
                var sink = new List<Diagnostic>();
                var context = new RuleContext(unit.Resources, sink, unit.Environment, environments[unit.Environment ?? string.Empty], lookup is null ? null : lookup.Find, cache)
                {
                    RepositoryHelmCharts = helmCharts,
                    RepositoryRoot = root,
                };
                foreach (var rule in catalog.Rules)
                {
                    rule.Analyze(context);
                }

                bag.Add(sink);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<Configuration.ConfigurationException>().FirstOrDefault() is { } configuration)
        {
            // A rule pack found unusable while running (a pattern that backtracks) is a configuration error, exit 2.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(configuration).Throw();
        }
        foreach (var sink in bag)
        {
            diagnostics.AddRange(sink);
        }
    }

    /// <summary>Property of a merged finding seen in several Applications: <c>app@env,app@env</c>.</summary>
    public const string SeenInProperty = "seenIn";

    private const char SeenInSeparator = '@';

    /// <summary>
    /// Applies severity overrides, drops disabled rules, merges the same finding seen in several environments (a base
    /// file rendered by dev and prod) into one that names them all, and sorts.
    /// </summary>

    internal static List<Diagnostic> ApplySettings(IEnumerable<Diagnostic> diagnostics, LintSettings settings)
    {
        var merged = new Dictionary<(string, string, int, int, string), (Diagnostic First, SortedSet<string> Environments, SortedSet<string> Scopes)>();
        var order = new List<(string, string, int, int, string)>();
        // Units run in parallel, so arrival order varies; a total order first makes "the first of several" deterministic.
        var ordered = diagnostics
            .OrderBy(d => d, DiagnosticComparer.Instance)
            .ThenBy(d => string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)), StringComparer.Ordinal);
        foreach (var diagnostic in ordered)
        {
            var severity = settings.EffectiveSeverity(diagnostic.Descriptor, diagnostic.Severity);
            if (severity == Severity.None)
            {
                continue;
            }

            var key = (diagnostic.Id, diagnostic.Location.File, diagnostic.Location.StartLine, diagnostic.Location.StartColumn, diagnostic.Message);
            if (!merged.TryGetValue(key, out var entry))
            {
                entry = (severity == diagnostic.Severity ? diagnostic : diagnostic.WithSeverity(severity), new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
                merged[key] = entry;
                order.Add(key);
            }

            if (diagnostic.Properties.TryGetValue("environment", out var environment))
            {
                entry.Environments.Add(environment);
            }

            if (diagnostic.Properties.TryGetValue("application", out var application))
            {
                entry.Scopes.Add(application + SeenInSeparator + (environment ?? string.Empty));
            }
        }

        var result = new List<Diagnostic>(order.Count);
        foreach (var key in order)
        {
            var (first, environments, scopes) = merged[key];
            var extra = new Dictionary<string, string>();
            if (environments.Count > 1)
            {
                extra["environment"] = string.Join(",", environments);
            }

            // A file shared by several Applications (a component) yields one finding; the maturity report must still
            // charge it to each of them, so the merged finding names every application@environment it was seen in.
            if (scopes.Select(s => s[..s.IndexOf(SeenInSeparator, StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                extra[SeenInProperty] = string.Join(",", scopes);
            }

            result.Add(extra.Count > 0 ? first.WithProperties(extra) : first);
        }

        result.Sort(DiagnosticComparer.Instance);
        return result;
    }
}
