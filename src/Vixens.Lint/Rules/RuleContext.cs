using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules;

/// <summary>What a rule sees: the resources of the unit under analysis, and a way to report at a node.</summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly Func<KubeResource, ArgoApplication?>? _applicationOf;

    /// <param name="applicationOf">
    /// Finds the ArgoCD Application that deploys a resource (see <see cref="ApplicationLookup"/>); null when the engine
    /// analyses plain files, in which case no Application-level setting (ignoreDifferences…) is applied.
    /// </param>
    public RuleContext(
        IReadOnlyList<KubeResource> resources,
        List<Diagnostic> sink,
        string? environment = null,
        ResourceIndex? environmentIndex = null,
        Func<KubeResource, ArgoApplication?>? applicationOf = null,
        AnalysisCache? cache = null)
    {
        Resources = resources;
        Environment = environment;
        _diagnostics = sink;
        EnvironmentIndex = environmentIndex ?? new ResourceIndex(resources);
        _applicationOf = applicationOf;
        Cache = cache ?? new AnalysisCache();
    }

    /// <summary>Work shared by the rules of one run (YAML→JSON conversions for rule packs).</summary>
    public AnalysisCache Cache { get; }

    /// <summary>The resources of the unit under analysis (one Application in one environment, an orphan overlay…).</summary>
    public IReadOnlyList<KubeResource> Resources { get; }

    /// <summary>
    /// Every resource deployed in the same environment, across Applications: what cross-resource rules search when they
    /// ask "does the Secret / Service / PriorityClass this refers to exist?".
    /// </summary>
    public ResourceIndex EnvironmentIndex { get; }

    /// <summary>
    /// Every Helm chart an Application of the repository installs, in any environment and including Application manifests
    /// their root does not list (see <see cref="HelmChartSource.From"/>): what may explain a missing object in an overlay
    /// no Application deploys. Empty when the engine analyses plain files.
    /// </summary>
    public IReadOnlyList<HelmChartSource> RepositoryHelmCharts { get; init; } = [];

    /// <summary>The repository root (full path) when the engine knows it; resource origins are relative to it.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The ArgoCD environment of this unit, when known.</summary>
    public string? Environment { get; }

    /// <summary>The Application that deploys <paramref name="resource"/>, when the engine knows it.</summary>
    public ArgoApplication? ApplicationOf(KubeResource resource) =>
        resource.Application is null ? null : _applicationOf?.Invoke(resource);

    /// <summary>
    /// Whether ArgoCD leaves the field at <paramref name="path"/> (keys and list indexes from the object's root) out of
    /// its comparison, through the deploying Application's <c>spec.ignoreDifferences</c>.
    /// </summary>
    public bool IsDiffIgnored(KubeResource resource, IReadOnlyList<string> path) =>
        ApplicationOf(resource)?.IgnoresDifference(resource, path) ?? false;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Reports at <paramref name="node"/>'s edit location (the source map), tagged with the resource it is about.</summary>
    public void Report(DiagnosticDescriptor descriptor, KubeResource resource, YamlNode node, params object?[] messageArgs) =>
        _diagnostics.Add(new Diagnostic(descriptor, node.EditLocation, descriptor.FormatMessage(messageArgs), properties: PropertiesOf(resource)));

    public static IReadOnlyDictionary<string, string> PropertiesOf(KubeResource resource)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["resource"] = resource.Id.Display };
        if (resource.Application is { } application)
        {
            properties["application"] = application;
        }

        if (resource.Environment is { } environment)
        {
            properties["environment"] = environment;
        }

        // Lets suppressions and baselines tell apart same-named objects rendered from different directories.
        if (resource.Origin is { } origin)
        {
            properties["origin"] = origin;
        }

        return properties;
    }
}
