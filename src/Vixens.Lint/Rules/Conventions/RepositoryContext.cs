using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Conventions;

/// <summary>One Application source that deploys (or reads Helm values from) a folder of this repository.</summary>
public sealed record AppDeployment(string Environment, ArgoApplication Application, ApplicationSource Source, YamlScalar PathNode, string Path, AppFolder? Folder, bool IsValuesFile);

/// <summary>What repository rules see: the root, the environments with their Applications, the units, and a sink.</summary>
public sealed class RepositoryContext
{
    /// <summary>Where application pages live, repository-relative.</summary>
    public const string DefaultDocsRoot = "docs/applications";

    private readonly List<Diagnostic> _sink;

    public RepositoryContext(string root, IReadOnlyList<EnvironmentModel> environments, List<Diagnostic> sink, IReadOnlyList<AnalysisUnit>? units = null, string docsRoot = DefaultDocsRoot)
    {
        Root = Path.GetFullPath(root);
        Environments = environments;
        Units = units ?? [];
        DocsRoot = docsRoot;
        _sink = sink;
        Deployments = FindDeployments();
    }

    public static RepositoryContext From(string root, Workspace workspace, List<Diagnostic> sink) =>
        new(root, workspace.Environments, sink, workspace.Units);

    public string Root { get; }

    public string DocsRoot { get; }

    public IReadOnlyList<EnvironmentModel> Environments { get; }

    public IReadOnlyList<AnalysisUnit> Units { get; }

    /// <summary>Every local path or <c>$ref/…</c> values file of every Application, environments in name order.</summary>
    public IReadOnlyList<AppDeployment> Deployments { get; }

    public string FullPath(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public bool FileExists(string relative) => File.Exists(FullPath(relative));

    public bool DirectoryExists(string relative) => Directory.Exists(FullPath(relative));

    /// <summary>Names of the Namespace objects some Application of <paramref name="environment"/> creates.</summary>
    public IReadOnlySet<string> NamespacesCreatedIn(string environment) =>
        Units.Where(u => u.Environment == environment).SelectMany(u => u.Resources)
            .Where(r => r.Kind == "Namespace" && r.Group.Length == 0 && r.Name is not null)
            .Select(r => r.Name!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reports a diagnostic built by the rule (its own message format, properties).</summary>
    public void Report(Diagnostic diagnostic) => _sink.Add(diagnostic);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan location, AppDeployment? about, params object?[] args) =>
        Report(descriptor, location, about, null, args);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan location, AppDeployment? about, Severity? severity, params object?[] args)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (about is not null)
        {
            properties["application"] = about.Application.Name;
            properties["environment"] = about.Environment;
        }

        _sink.Add(new Diagnostic(descriptor, location, descriptor.FormatMessage(args), severity, properties: properties));
    }

    private List<AppDeployment> FindDeployments()
    {
        var result = new List<AppDeployment>();
        foreach (var environment in Environments.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            foreach (var application in environment.Applications)
            {
                foreach (var source in application.Sources)
                {
                    if (!source.IsHelmChart && source.Node.GetScalar("path") is { IsNull: false } pathNode && IsLocal(application, source, pathNode.Value))
                    {
                        var path = AppFolder.Normalize(pathNode.Value);
                        result.Add(new AppDeployment(environment.Name, application, source, pathNode, path, AppFolder.FromPath(path), false));
                    }

                    foreach (var valueFile in source.ValueFiles)
                    {
                        // $values/apps/… names a file of the source whose ref is "values" (this repository in practice).
                        var slash = valueFile.Value.IndexOf('/', StringComparison.Ordinal);
                        if (valueFile.Value.StartsWith('$') && slash > 0)
                        {
                            var path = AppFolder.Normalize(valueFile.Value[(slash + 1)..]);
                            result.Add(new AppDeployment(environment.Name, application, source, valueFile, path, AppFolder.FromPath(path), true));
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>A path is this repository's when it exists here or follows the apps/ layout (a remote repository's path does neither).</summary>
    private bool IsLocal(ArgoApplication application, ApplicationSource source, string path) =>
        DirectoryExists(AppFolder.Normalize(path)) || AppFolder.Normalize(path).StartsWith(AppFolder.AppsRoot + "/", StringComparison.Ordinal)
        || application.Sources.Any(s => s != source && s.RepoUrl == source.RepoUrl && s.Path is { } other && DirectoryExists(AppFolder.Normalize(other)));
}
