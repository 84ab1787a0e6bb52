using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Kustomize;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.GitOps;

/// <summary>
/// Follows ArgoCD the way it deploys: render each environment root, read its Applications (app-of-apps, recursively),
/// render the local path of each, apply ArgoCD's namespace defaulting; then render every top-level overlay that no
/// Application reached and report it as orphaned (docs/architecture.md, "The ArgoCD view").
/// </summary>
public sealed class WorkspaceBuilder
{
    private static readonly HashSet<string> SystemNamespaces = new(StringComparer.Ordinal) { "default", "kube-system", "kube-public", "kube-node-lease" };

    private readonly string _root;
    private readonly IOverlayRenderer _renderer;
    private readonly WorkspaceOptions _options;
    private readonly KustomizationIndex _index;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<AnalysisUnit> _units = [];
    private readonly HashSet<string> _reached = new(StringComparer.Ordinal);
    private readonly HashSet<string> _valuesFiles = new(StringComparer.Ordinal);
    private HashSet<string> _localUrls = new(StringComparer.Ordinal);

    public WorkspaceBuilder(string repositoryRoot, IOverlayRenderer renderer, KustomizationIndex index, WorkspaceOptions? options = null)
    {
        _root = Path.GetFullPath(repositoryRoot);
        _renderer = renderer;
        _index = index;
        _options = options ?? new WorkspaceOptions();
    }

    public Workspace Build()
    {
        var environmentRoots = FindEnvironmentRoots();
        _localUrls = InferLocalUrls(environmentRoots);
        var environments = new List<EnvironmentModel>();
        foreach (var (name, directory) in environmentRoots)
        {
            environments.Add(BuildEnvironment(name, directory));
        }

        var orphans = new List<string>();
        foreach (var directory in _index.TopLevel())
        {
            if (_reached.Contains(directory))
            {
                continue;
            }

            var relative = RepositoryPaths.Relative(_root, directory);
            orphans.Add(relative);
            var environment = EnvironmentFromPath(relative);
            var rendered = _renderer.Render(directory);
            _diagnostics.AddRange(rendered.Diagnostics);
            Stamp(rendered.Resources, application: null, environment, relative);
            InferOrphanNamespace(rendered.Resources);
            _units.Add(new AnalysisUnit(UnitKind.Orphan, relative, environment, relative, rendered.Resources));
            if (environmentRoots.Count > 0)
            {
                var file = KustomizationIndex.FindKustomizationFile(directory) ?? directory;
                var orphaned = Diagnostic.Create(
                    GitOpsDescriptors.OrphanedOverlay,
                    SourceSpan.StartOf(file),
                    relative,
                    environment is null ? string.Empty : $" in environment {environment}");
                // An overlay named after an environment belongs to it, so `--env` keeps or drops its note with the rest.
                _diagnostics.Add(environment is null ? orphaned : orphaned.WithProperties(new Dictionary<string, string> { ["environment"] = environment }));
            }
        }

        return new Workspace(_units, environments, orphans, _diagnostics) { ValuesFiles = _valuesFiles };
    }

    /// <summary>Every directory a unit was rendered from, with its includes: what the workspace covered.</summary>
    public IReadOnlySet<string> CoveredDirectories => _reached;

    private EnvironmentModel BuildEnvironment(string name, string directory)
    {
        var relative = RepositoryPaths.Relative(_root, directory);
        var rendered = _renderer.Render(directory);
        _diagnostics.AddRange(rendered.Diagnostics);
        MarkReached(directory);
        Stamp(rendered.Resources, application: null, name, relative);
        var environmentUnits = new List<AnalysisUnit> { new(UnitKind.EnvironmentRoot, relative, name, relative, rendered.Resources) };

        var applications = new List<ArgoApplication>();
        var helmOnly = new List<string>();
        var sources = new List<SourceResolution>();
        var queue = new Queue<ArgoApplication>(rendered.Resources.Where(ArgoApplication.IsApplication).Select(ArgoApplication.Read));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var application = queue.Dequeue();
            if (!seen.Add(application.Name))
            {
                continue;
            }

            applications.Add(application);
            ValidateSpec(application);
            var resources = new List<KubeResource>();
            var renderedAny = false;
            foreach (var source in application.Sources)
            {
                if (source.IsHelmChart)
                {
                    CheckHelmSource(application, source);
                    sources.Add(new SourceResolution(application.Name, source, SourceState.HelmChart, "Helm charts are not rendered offline"));
                    continue;
                }

                if (Unrenderable(source) is { } skipped)
                {
                    sources.Add(new SourceResolution(application.Name, source, skipped.State, skipped.Reason));
                    continue;
                }

                var (sourceResources, state) = RenderSource(application, source, name);
                sources.Add(new SourceResolution(application.Name, source, state, state switch
                {
                    SourceState.PathMissing => "the path does not exist in this repository",
                    SourceState.BuildFailed => "the kustomization fails to build",
                    SourceState.NotRenderedOffline => "it needs the network or the helm binary (VX0106); ArgoCD can render it, an offline check cannot",
                    _ => "rendered",
                }));
                if (sourceResources is null)
                {
                    continue;
                }

                renderedAny = true;
                resources.AddRange(sourceResources);
                foreach (var nested in sourceResources.Where(ArgoApplication.IsApplication))
                {
                    queue.Enqueue(ArgoApplication.Read(nested));
                }
            }

            if (!renderedAny && application.Sources.Any(s => s.IsHelmChart))
            {
                helmOnly.Add(application.Name);
            }

            ApplyDestinationNamespace(application, resources);
            environmentUnits.Add(new AnalysisUnit(UnitKind.Application, application.Name, name, application.Sources.FirstOrDefault(s => s.Path is not null)?.Path ?? string.Empty, resources, application));
        }

        CheckDuplicates(name, environmentUnits);
        CheckNamespaces(name, applications, environmentUnits);
        _diagnostics.AddRange(NamespaceWaveCheck.Run(name, environmentUnits));
        _units.AddRange(environmentUnits);
        var unlisted = FindUnlistedApplications(directory, applications);
        foreach (var application in unlisted)
        {
            var at = (YamlNode?)application.Resource.Metadata?.GetScalar("name") ?? application.Resource.Root;
            _diagnostics.Add(new Diagnostic(
                GitOpsDescriptors.ApplicationNotListed,
                at.Span,
                GitOpsDescriptors.ApplicationNotListed.FormatMessage(application.Name, RepositoryPaths.Relative(_root, application.Resource.Span.File), name),
                properties: new Dictionary<string, string> { ["application"] = application.Name, ["environment"] = name }));
        }

        return new EnvironmentModel(name, relative, applications, helmOnly)
        {
            Sources = sources,
            UnlistedApplications = unlisted,
        };
    }

    /// <summary>Why a source is not rendered before trying: no path, no repoURL, or another repository.</summary>
    private (SourceState State, string Reason)? Unrenderable(ApplicationSource source)
    {
        if (source.Path is null)
        {
            return source.Ref is not null
                ? (SourceState.ValuesReference, $"provides values files as ${source.Ref}")
                : (SourceState.Incomplete, "the source has neither path nor chart");
        }

        if (source.RepoUrl is null)
        {
            return (SourceState.Incomplete, "the source has no repoURL");
        }

        return IsLocal(source.RepoUrl) ? null : (SourceState.RemoteRepository, $"{source.RepoUrl} is not this repository");
    }

    /// <summary>Application manifests in files under the environment root that it does not deploy, by name.</summary>
    private static List<ArgoApplication> FindUnlistedApplications(string rootDirectory, IReadOnlyList<ArgoApplication> deployed)
    {
        var names = deployed.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var unlisted = new List<ArgoApplication>();
        foreach (var file in Directory.EnumerateFiles(rootDirectory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var document in YamlLoader.LoadFile(file).Documents)
            {
                if (document.Root is YamlMapping root && new KubeResource(root) is var resource && ArgoApplication.IsApplication(resource)
                    && resource.Name is { } applicationName && names.Add(applicationName))
                {
                    unlisted.Add(ArgoApplication.Read(resource));
                }
            }
        }

        return unlisted;
    }

    private (List<KubeResource>? Resources, SourceState State) RenderSource(ArgoApplication application, ApplicationSource source, string environment)
    {
        var pathNode = (YamlNode?)source.Node.GetScalar("path") ?? source.Node;
        var directory = Path.GetFullPath(Path.Combine(_root, source.Path!));
        if (!RepositoryPaths.IsInside(_root, directory) || !Directory.Exists(directory))
        {
            _diagnostics.Add(Diagnostic.Create(GitOpsDescriptors.ApplicationPathMissing, pathNode.Span, application.Name, source.Path, "does not exist in this repository"));
            return (null, SourceState.PathMissing);
        }

        var rendered = _renderer.Render(directory);
        _diagnostics.AddRange(rendered.Diagnostics);
        MarkReached(directory);
        // Remote bases and kustomize helmCharts stop the offline render (VX0106), not ArgoCD's: no Unknown claim then.
        var errors = rendered.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var offlineOnly = !rendered.Succeeded && errors.Count > 0 && errors.All(d => d.Id == KustomizeDescriptors.Unsupported.Id);
        if (!rendered.Succeeded && !offlineOnly)
        {
            var related = errors.Select(d => d.Location).Take(3).ToList();
            _diagnostics.Add(new Diagnostic(
                GitOpsDescriptors.OverlayBuildFailed,
                pathNode.Span,
                GitOpsDescriptors.OverlayBuildFailed.FormatMessage(application.Name, source.Path),
                relatedLocations: related,
                properties: new Dictionary<string, string> { ["application"] = application.Name, ["environment"] = environment }));
        }
        else if (rendered.Resources.Count == 0 && !_index.IsKustomization(directory))
        {
            _diagnostics.Add(Diagnostic.Create(GitOpsDescriptors.ApplicationPathMissing, pathNode.Span, application.Name, source.Path, "holds no manifests"));
        }

        var relative = RepositoryPaths.Relative(_root, directory);
        Stamp(rendered.Resources, application.Name, environment, relative);
        return ([.. rendered.Resources], rendered.Succeeded ? SourceState.Rendered : offlineOnly ? SourceState.NotRenderedOffline : SourceState.BuildFailed);
    }

    private void ValidateSpec(ArgoApplication application)
    {
        var at = (YamlNode?)application.Spec ?? application.Resource.Root;
        var problems = new List<string>();
        if (string.IsNullOrEmpty(application.Project))
        {
            problems.Add("has no spec.project");
        }

        if (application.Destination is null)
        {
            problems.Add("has no spec.destination");
        }
        else if (application.Destination.GetString("server") is null && application.Destination.GetString("name") is null)
        {
            problems.Add("has neither spec.destination.server nor spec.destination.name");
        }

        if (application.Sources.Count == 0)
        {
            problems.Add("has no spec.source or spec.sources");
        }
        else if (application.Sources.Any(s => s.RepoUrl is null))
        {
            problems.Add("has a source without repoURL");
        }

        if (problems.Count > 0)
        {
            _diagnostics.Add(Diagnostic.Create(GitOpsDescriptors.InvalidApplicationSpec, at.Span, application.Name, string.Join(", ", problems)));
        }
    }

    private void CheckHelmSource(ArgoApplication application, ApplicationSource source)
    {
        _diagnostics.Add(Diagnostic.Create(GitOpsDescriptors.HelmSourceNotRendered, ((YamlNode?)source.Node.GetScalar("chart") ?? source.Node).Span, application.Name, source.Chart, source.RepoUrl ?? "(no repoURL)"));
        foreach (var valueFile in source.ValueFiles)
        {
            var path = ResolveValuesFile(application, source, valueFile.Value);
            if (path is null)
            {
                continue;
            }

            if (!File.Exists(path))
            {
                _diagnostics.Add(Diagnostic.Create(GitOpsDescriptors.HelmValuesMissing, valueFile.Span, application.Name, valueFile.Value, "does not exist"));
                continue;
            }

            _valuesFiles.Add(path);

            var loaded = YamlLoader.LoadFile(path);
            if (loaded.HasErrors)
            {
                _diagnostics.Add(Diagnostic.Create(GitOpsDescriptors.HelmValuesMissing, valueFile.Span, application.Name, valueFile.Value, "does not parse as YAML"));
                _diagnostics.AddRange(loaded.Diagnostics);
            }
        }
    }

    /// <summary><c>$ref/path</c> names a file in the source whose <c>ref</c> is <c>ref</c>; a plain path is inside the chart (not checkable offline).</summary>
    private string? ResolveValuesFile(ArgoApplication application, ApplicationSource source, string value)
    {
        if (!value.StartsWith('$'))
        {
            return null;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var reference = value[1..slash];
        var refSource = application.Sources.FirstOrDefault(s => s.Ref == reference);
        if (refSource?.RepoUrl is null || !IsLocal(refSource.RepoUrl))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, value[(slash + 1)..]));
        return RepositoryPaths.IsInside(_root, full) ? full : null;
    }

    /// <summary>ArgoCD gives namespaced resources without a namespace the Application's destination namespace.</summary>
    private void ApplyDestinationNamespace(ArgoApplication application, List<KubeResource> resources)
    {
        var scopes = ResourceScopes.From(resources);
        var namespaceNode = application.Destination?.GetScalar("namespace");
        foreach (var resource in resources)
        {
            if (resource.Namespace is not null || scopes.IsClusterScoped(resource) || resource.Metadata is null)
            {
                continue;
            }

            if (namespaceNode is null || namespaceNode.IsNull)
            {
                _diagnostics.Add(new Diagnostic(
                    GitOpsDescriptors.NamespacedWithoutNamespace,
                    ((YamlNode?)resource.Metadata.GetScalar("name") ?? resource.Root).EditLocation,
                    GitOpsDescriptors.NamespacedWithoutNamespace.FormatMessage(resource.Id.Display, application.Name),
                    relatedLocations: [application.Resource.Span]));
                continue;
            }

            var value = new YamlScalar(namespaceNode.Value, namespaceNode.Span)
            {
                Provenance = new Provenance(ProvenanceKind.Transformer, namespaceNode.Span, "destination.namespace"),
            };
            resource.Metadata.Set("namespace", value);
        }
    }

    /// <summary>
    /// An orphan overlay has no Application to give its namespace-less objects a destination namespace; an overlay
    /// whose base sets the namespace of most objects (a typical <c>ingress.yaml</c> added beside <c>../../base</c>)
    /// would get that one from the Application deploying it, so cross-resource rules see the same picture.
    /// </summary>
    private static void InferOrphanNamespace(IReadOnlyList<KubeResource> resources)
    {
        var scopes = ResourceScopes.From(resources);
        var likely = resources
            .Where(r => r.Namespace is not null && !scopes.IsClusterScoped(r))
            .GroupBy(r => r.Namespace!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
        if (likely is null)
        {
            return;
        }

        foreach (var resource in resources)
        {
            if (resource.Namespace is null && resource.Metadata is { } metadata && !scopes.IsClusterScoped(resource))
            {
                metadata.Set("namespace", new YamlScalar(likely, metadata.Span) { Provenance = new Provenance(ProvenanceKind.Transformer, metadata.Span, "inferred destination namespace") });
            }
        }
    }

    private void CheckDuplicates(string environment, IReadOnlyList<AnalysisUnit> units)
    {
        var owners = new Dictionary<(string, string, string?, string), (string App, KubeResource Resource)>();
        foreach (var unit in units.Where(u => u.Kind == UnitKind.Application))
        {
            foreach (var resource in unit.Resources.DistinctBy(r => (r.Group, r.Kind, r.Namespace, r.Name)))
            {
                var key = (resource.Group, resource.Kind ?? string.Empty, resource.Namespace, resource.Name ?? string.Empty);
                if (!owners.TryGetValue(key, out var first))
                {
                    owners[key] = (unit.Name, resource);
                    continue;
                }

                if (first.App == unit.Name)
                {
                    continue;
                }

                var at = (YamlNode?)resource.Metadata?.GetScalar("name") ?? resource.Root;
                _diagnostics.Add(new Diagnostic(
                    GitOpsDescriptors.DuplicateResource,
                    at.EditLocation,
                    GitOpsDescriptors.DuplicateResource.FormatMessage(resource.Id.Display, first.App, unit.Name, environment),
                    relatedLocations: [first.Resource.Span],
                    properties: new Dictionary<string, string> { ["resource"] = resource.Id.Display, ["application"] = unit.Name, ["environment"] = environment }));
            }
        }
    }

    private void CheckNamespaces(string environment, IReadOnlyList<ArgoApplication> applications, IReadOnlyList<AnalysisUnit> units)
    {
        // A namespace exists when some Application of the environment defines it, or creates it as its own destination.
        var defined = units.SelectMany(u => u.Resources).Where(r => r.Kind == "Namespace" && r.Group.Length == 0).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        defined.UnionWith(applications.Where(a => a.HasSyncOption("CreateNamespace=true")).Select(a => a.DestinationNamespace));
        foreach (var application in applications)
        {
            var namespaceNode = application.Destination?.GetScalar("namespace");
            if (namespaceNode is null || namespaceNode.IsNull || SystemNamespaces.Contains(namespaceNode.Value))
            {
                continue;
            }

            if (!application.HasSyncOption("CreateNamespace=true") && !defined.Contains(namespaceNode.Value)
                && application.Spec?.GetMapping("syncPolicy")?.GetMapping("managedNamespaceMetadata") is null)
            {
                _diagnostics.Add(Diagnostic.Create(GitOpsDescriptors.NamespaceNotCreated, namespaceNode.Span, application.Name, namespaceNode.Value, $"environment {environment}"));
            }
        }
    }

    private List<(string Name, string Directory)> FindEnvironmentRoots()
    {
        if (_options.Environments.Count > 0)
        {
            return _options.Environments
                .Select(e => (Name: e.Key, Directory: Path.GetFullPath(Path.Combine(_root, e.Value))))
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
        }

        var overlays = Path.Combine(_root, "argocd", "overlays");
        if (!Directory.Exists(overlays))
        {
            return [];
        }

        return Directory.GetDirectories(overlays)
            .Where(d => KustomizationIndex.FindKustomizationFile(d) is not null)
            .Select(d => (Name: Path.GetFileName(d), Directory: Path.GetFullPath(d)))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// This repository's URLs: from settings, else the <c>origin</c> remote, else every repoURL whose Application paths
    /// exist here (a corpus copied without <c>.git</c>).
    /// </summary>
    private HashSet<string> InferLocalUrls(IReadOnlyList<(string Name, string Directory)> roots)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        if (urls.Count > 0)
        {
            return urls;
        }

        if (RepositoryUrls.ReadOrigin(_root) is { } origin)
        {
            urls.Add(RepositoryUrls.Normalize(origin));
        }

        foreach (var (_, directory) in roots)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories))
            {
                foreach (var document in YamlLoader.LoadFile(file).Documents)
                {
                    if (document.Root is not YamlMapping root || root.GetString("kind") != "Application")
                    {
                        continue;
                    }

                    var application = ArgoApplication.Read(new KubeResource(root));
                    foreach (var source in application.Sources.Where(s => s.Path is not null && s.RepoUrl is not null))
                    {
                        if (Directory.Exists(Path.Combine(_root, source.Path!)))
                        {
                            urls.Add(RepositoryUrls.Normalize(source.RepoUrl!));
                        }
                    }
                }
            }
        }

        return urls;
    }

    private bool IsLocal(string repoUrl) => _localUrls.Contains(RepositoryUrls.Normalize(repoUrl));

    private void MarkReached(string directory) => _reached.UnionWith(_index.Closure(directory));

    private static void Stamp(IEnumerable<KubeResource> resources, string? application, string? environment, string origin)
    {
        foreach (var resource in resources)
        {
            resource.Application ??= application;
            resource.Environment ??= environment;
            resource.Origin ??= origin;
        }
    }

    /// <summary><c>apps/x/overlays/prod</c> → <c>prod</c>; null when the path names no environment.</summary>
    internal static string? EnvironmentFromPath(string relative)
    {
        var parts = relative.Split('/');
        var index = Array.IndexOf(parts, "overlays");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : null;
    }
}
