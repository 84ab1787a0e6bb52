using Vixens.Lint.Model;

namespace Vixens.Lint.GitOps;

/// <summary>
/// Finds the ArgoCD Application that deploys a resource, from the <see cref="KubeResource.Environment"/> and
/// <see cref="KubeResource.Application"/> the workspace stamps on every rendered object. The engine passes
/// <see cref="Find"/> to <c>RuleContext</c> so rules can honour Application settings such as <c>ignoreDifferences</c>.
/// </summary>
public sealed class ApplicationLookup
{
    private readonly Dictionary<(string Environment, string Name), ArgoApplication> _byKey = [];

    public ApplicationLookup(IEnumerable<(string Environment, ArgoApplication Application)> applications)
    {
        foreach (var (environment, application) in applications)
        {
            _byKey.TryAdd((environment, application.Name), application);
        }
    }

    public static ApplicationLookup From(Workspace workspace) =>
        new(workspace.Environments.SelectMany(e => e.Applications.Select(a => (e.Name, a))));

    public ArgoApplication? Find(KubeResource resource) =>
        resource.Application is { } name && _byKey.TryGetValue((resource.Environment ?? string.Empty, name), out var application) ? application : null;
}
