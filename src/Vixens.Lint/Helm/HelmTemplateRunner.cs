using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Vixens.Lint.Helm.Charts;
using Vixens.Lint.Helm.Rendering;
using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm;

/// <summary>
/// <c>helm template</c> offline, in the order helm v3.17.2 works: user values, chart load, installability and
/// dependency checks, release name, dependency processing (conditions, tags, aliases, import-values), values
/// coalescing and schema validation, kubeVersion, rendering, manifest sorting, and the printed output. One runner
/// caches loaded chart archives (by path and modification time), so rendering many releases of one chart reads it once.
/// </summary>
public sealed partial class HelmTemplateRunner
{
    private const int MaxReleaseNameLength = 53;

    private readonly ConcurrentDictionary<string, (DateTime Stamp, Chart Chart)> _charts = new(StringComparer.Ordinal);
    private readonly HelmFunctionLibrary _functions;

    /// <summary>A runner with the given function library (Sprig and Helm's data functions by default).</summary>
    public HelmTemplateRunner(HelmFunctionLibrary? functions = null)
    {
        _functions = functions ?? HelmFunctionLibrary.Default;
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex ReleaseName();

    /// <summary>Runs <c>helm template</c>; never throws for a bad chart or bad values (the result carries the error).</summary>
    public HelmTemplateResult Run(HelmTemplateOptions options)
    {
        var warnings = new List<string>();
        try
        {
            return new HelmTemplateResult(Render(options, warnings), null, warnings);
        }
        catch (HelmException e)
        {
            return new HelmTemplateResult(string.Empty, e, warnings);
        }
    }

    private string Render(HelmTemplateOptions options, List<string> warnings)
    {
        var userValues = options.Values.Build(options.WorkingDirectory);
        var chart = LoadChart(Path.GetFullPath(Path.Combine(options.WorkingDirectory, options.ChartPath)), options.LoadLimits).CloneTree();

        if (chart.Metadata.Type is not ("" or "application"))
        {
            throw new HelmException($"{chart.Metadata.Type} charts are not installable");
        }

        if (chart.Metadata.Dependencies is { } requirements)
        {
            var missing = requirements.OfType<ChartDependency>().Where(r => chart.Dependencies.All(d => d.Name != r.Name)).Select(r => r.Name).ToList();
            if (missing.Count > 0)
            {
                throw new HelmException("An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: " + string.Join(", ", missing));
            }
        }

        var releaseName = options.NameTemplate is { } nameTemplate ? HelmRenderer.RenderNameTemplate(nameTemplate, _functions) : options.ReleaseName;
        ValidateReleaseName(releaseName);
        DependencyProcessor.Process(chart, userValues, warnings);

        var values = ValuesCoalescer.Coalesce(chart, userValues, warnings);
        if (!options.SkipSchemaValidation)
        {
            ValuesSchemaValidator.Validate(chart, values);
        }

        if (chart.Metadata.KubeVersion.Length > 0 && !SemverConstraint.IsCompatibleRange(chart.Metadata.KubeVersion, options.Capabilities.KubeVersion))
        {
            throw new HelmException($"chart requires kubeVersion: {chart.Metadata.KubeVersion} which is incompatible with Kubernetes {options.Capabilities.KubeVersion}", HelmErrorKind.KubeVersion);
        }

        var release = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Name"] = releaseName,
            ["Namespace"] = options.Namespace,
            ["IsUpgrade"] = options.IsUpgrade,
            ["IsInstall"] = !options.IsUpgrade,
            ["Revision"] = 1,
            ["Service"] = "Helm",
        };
        var files = HelmRenderer.Render(chart, values, release, options.Capabilities.CreateObject(), _functions);

        // NOTES.txt files are rendered (their errors count) but never printed.
        foreach (var notes in files.Keys.Where(k => k.EndsWith("NOTES.txt", StringComparison.Ordinal)).ToList())
        {
            files.Remove(notes);
        }

        var (manifests, hooks) = ManifestSorter.Sort(files, warnings);
        return Assemble(chart, manifests, hooks, options);
    }

    private static string Assemble(Chart chart, List<Manifest> manifests, List<Manifest> hooks, HelmTemplateOptions options)
    {
        var release = new StringBuilder();
        if (options.IncludeCrds)
        {
            foreach (var (name, file) in chart.CrdObjects())
            {
                release.Append("---\n# Source: ").Append(name).Append('\n').Append(file.Text).Append('\n');
            }
        }

        foreach (var manifest in manifests)
        {
            release.Append("---\n# Source: ").Append(manifest.Path).Append('\n').Append(manifest.Content).Append('\n');
        }

        var output = new StringBuilder(release.ToString().Trim(ManifestSorter.GoSpace)).Append('\n');
        if (!options.NoHooks)
        {
            foreach (var hook in hooks.Where(h => !(options.SkipTests && h.IsTestHook)))
            {
                output.Append("---\n# Source: ").Append(hook.Path).Append('\n').Append(hook.Content).Append('\n');
            }
        }

        return options.ShowOnly.Count == 0 ? output.ToString() : ShowOnly(output.ToString(), options.ShowOnly);
    }

    /// <summary><c>--show-only</c>: the documents whose <c># Source:</c> path (chart name dropped) matches each pattern.</summary>
    private static string ShowOnly(string output, IReadOnlyList<string> patterns)
    {
        var documents = ManifestSorter.Split(output);
        var result = new StringBuilder();
        foreach (var pattern in patterns)
        {
            var missing = true;
            foreach (var document in documents)
            {
                var match = SourceLine().Match(document);
                if (!match.Success || !GoPathMatch.Match(pattern.Replace('\\', '/'), match.Groups[1].Value))
                {
                    continue;
                }

                result.Append("---\n").Append(document).Append('\n');
                missing = false;
            }

            if (missing)
            {
                throw new HelmException($"could not find template {pattern} in chart");
            }
        }

        return result.ToString();
    }

    [GeneratedRegex("# Source: [^/]+/(.+)")]
    private static partial Regex SourceLine();

    private static void ValidateReleaseName(string name)
    {
        if (name.Length == 0)
        {
            throw new HelmException("no name provided", HelmErrorKind.Usage);
        }

        if (name.Length > MaxReleaseNameLength || !ReleaseName().IsMatch(name))
        {
            throw new HelmException($"release name \"{name}\": invalid release name, must match regex {ReleaseName()} and the length must not be longer than {MaxReleaseNameLength}", HelmErrorKind.Usage);
        }
    }

    private Chart LoadChart(string path, ChartLoadLimits limits)
    {
        // A directory's time stamp does not change when a file inside it does: only archives are cached.
        if (Directory.Exists(path))
        {
            return ChartLoader.Load(path, limits);
        }

        var stamp = Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path) : File.GetLastWriteTimeUtc(path);
        if (_charts.TryGetValue(path, out var cached) && cached.Stamp == stamp)
        {
            return cached.Chart;
        }

        var chart = ChartLoader.Load(path, limits);
        _charts[path] = (stamp, chart);
        return chart;
    }
}
