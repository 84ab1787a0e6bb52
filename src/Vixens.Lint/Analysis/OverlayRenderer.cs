using System.Collections.Concurrent;
using Vixens.Lint.GitOps;
using Vixens.Lint.Kustomize;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Analysis;

/// <summary>
/// Renders what an ArgoCD source path holds, as ArgoCD would: a kustomization through the offline Kustomize renderer,
/// anything else as a plain directory of manifests (ArgoCD's "directory" source type, not recursive by default).
/// One instance shares the renderer's cache, so bases used by many overlays are parsed once.
/// </summary>
public sealed class OverlayRenderer : IOverlayRenderer
{
    private readonly KustomizeRenderer _renderer = new();
    private readonly KustomizeOptions _options;
    private readonly ConcurrentDictionary<string, byte> _plainDirectories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RenderedOverlay> _rendered = new(StringComparer.Ordinal);
    private readonly KustomizeCache _cache = new();

    public OverlayRenderer(string repositoryRoot, YamlLoadOptions loadOptions, IEnumerable<YamlFile>? parsedFiles = null)
    {
        foreach (var file in parsedFiles ?? [])
        {
            _cache.AddParsedFile(file);
        }

        _options = new KustomizeOptions { RepositoryRoot = repositoryRoot, Cache = _cache, YamlLoadOptions = loadOptions };
        LoadOptions = loadOptions;
    }

    /// <summary>
    /// Renders the directories on all cores ahead of the (sequential) ArgoCD walk, which then only clones the results.
    /// </summary>
    public void Prerender(IEnumerable<string> directories) =>
        Parallel.ForEach(directories.Distinct(StringComparer.Ordinal), directory => _rendered.GetOrAdd(Key(directory), _ => RenderFresh(directory)));

    public YamlLoadOptions LoadOptions { get; }

    /// <summary>Plain directories rendered so far: their files are covered by an Application.</summary>
    public IReadOnlyCollection<string> PlainDirectories => _plainDirectories.Keys.ToList();

    public RenderedOverlay Render(string directory)
    {
        var result = _rendered.GetOrAdd(Key(directory), _ => RenderFresh(directory));

        // Every caller gets its own trees: the workspace stamps namespaces and context on what it receives.
        var resources = result.Resources.Select(r => new KubeResource((YamlMapping)r.Root.DeepClone()) { Origin = r.Origin }).ToList();
        return result with { Resources = resources };
    }

    private static string Key(string directory) => Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);

    private RenderedOverlay RenderFresh(string directory)
    {
        if (KustomizationIndex.FindKustomizationFile(directory) is not null)
        {
            var result = _renderer.Render(directory, _options);
            return new RenderedOverlay(result.Resources, result.Diagnostics, result.Succeeded);
        }

        _plainDirectories.TryAdd(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar), 0);
        var resources = new List<KubeResource>();
        var diagnostics = new List<Diagnostics.Diagnostic>();
        foreach (var file in Directory.EnumerateFiles(directory).Where(IsYaml).OrderBy(f => f, StringComparer.Ordinal))
        {
            var loaded = ManifestLoader.Load(file, LoadOptions);
            resources.AddRange(loaded.Resources);
            diagnostics.AddRange(loaded.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error));
        }

        return new RenderedOverlay(resources, diagnostics, !diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error));
    }

    internal static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
