using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps;

/// <summary>The parts of an ArgoCD <c>Application</c> that decide what gets rendered and how ArgoCD compares it.</summary>
public sealed class ArgoApplication
{
    private ArgoApplication(KubeResource resource, IReadOnlyList<ApplicationSource> sources)
    {
        Resource = resource;
        Sources = sources;
    }

    public KubeResource Resource { get; }

    public string Name => Resource.Name ?? string.Empty;

    public YamlMapping? Spec => Resource.Root.GetMapping("spec");

    public string? Project => Spec?.GetString("project");

    public YamlMapping? Destination => Spec?.GetMapping("destination");

    public string? DestinationNamespace => Destination?.GetString("namespace");

    public IReadOnlyList<ApplicationSource> Sources { get; }

    public IReadOnlyList<string> SyncOptions =>
        Spec?.GetMapping("syncPolicy")?.GetSequence("syncOptions")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() ?? [];

    public bool HasSyncOption(string option) => SyncOptions.Any(o => string.Equals(o, option, StringComparison.OrdinalIgnoreCase));

    /// <summary>The Application-level sync wave (ordering between Applications of an app-of-apps).</summary>
    public string? SyncWave => Resource.GetAnnotation("argocd.argoproj.io/sync-wave");

    public static bool IsApplication(KubeResource resource) =>
        resource.Kind == "Application" && resource.Group == "argoproj.io";

    public static ArgoApplication Read(KubeResource resource)
    {
        var spec = resource.Root.GetMapping("spec");
        var sources = new List<ApplicationSource>();
        if (spec?.GetMapping("source") is { } single)
        {
            sources.Add(ApplicationSource.Read(single));
        }

        if (spec?.GetSequence("sources") is { } many)
        {
            sources.AddRange(many.Items.OfType<YamlMapping>().Select(ApplicationSource.Read));
        }

        return new ArgoApplication(resource, sources);
    }
}
