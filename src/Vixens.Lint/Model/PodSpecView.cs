using Vixens.Lint.Yaml;

namespace Vixens.Lint.Model;

/// <summary>
/// The pod template inside a workload (or a Pod itself): its <c>spec</c>, and the mapping holding its
/// <c>metadata</c> (pod labels and annotations live there, not on the workload).
/// </summary>
public sealed class PodSpecView
{
    private static readonly string[] TemplatePath = ["spec", "template"];
    private static readonly string[] CronJobTemplatePath = ["spec", "jobTemplate", "spec", "template"];

    private PodSpecView(KubeResource owner, YamlMapping template, YamlMapping spec, string specPath)
    {
        Owner = owner;
        Template = template;
        Spec = spec;
        SpecPath = specPath;
    }

    public KubeResource Owner { get; }

    /// <summary>The mapping with <c>metadata</c> and <c>spec</c>: the template, or the Pod's root.</summary>
    public YamlMapping Template { get; }

    public YamlMapping Spec { get; }

    /// <summary>Dotted path of <see cref="Spec"/>, e.g. <c>spec.template.spec</c>.</summary>
    public string SpecPath { get; }

    public IReadOnlyDictionary<string, string> Labels => KubeResource.StringMap(Template.GetMapping("metadata")?.GetMapping("labels"));

    public IReadOnlyDictionary<string, string> Annotations => KubeResource.StringMap(Template.GetMapping("metadata")?.GetMapping("annotations"));

    /// <summary>Kinds whose objects carry a pod template, and where.</summary>
    public static bool IsWorkloadKind(string? kind) => kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" or "CronJob" or "Pod" or "ReplicationController";

    public static PodSpecView? Of(KubeResource resource)
    {
        var kind = resource.Kind;
        if (!IsWorkloadKind(kind))
        {
            return null;
        }

        if (kind == "Pod")
        {
            return resource.Root.GetMapping("spec") is { } podSpec ? new PodSpecView(resource, resource.Root, podSpec, "spec") : null;
        }

        var path = kind == "CronJob" ? CronJobTemplatePath : TemplatePath;
        if (resource.Root.GetPath(path) is YamlMapping template && template.GetMapping("spec") is { } spec)
        {
            return new PodSpecView(resource, template, spec, string.Join('.', path) + ".spec");
        }

        return null;
    }

    public IEnumerable<ContainerView> Containers(bool includeInit = true, bool includeEphemeral = false)
    {
        foreach (var container in ContainersIn("containers", ContainerKind.Container))
        {
            yield return container;
        }

        if (includeInit)
        {
            foreach (var container in ContainersIn("initContainers", ContainerKind.Init))
            {
                yield return container;
            }
        }

        if (includeEphemeral)
        {
            foreach (var container in ContainersIn("ephemeralContainers", ContainerKind.Ephemeral))
            {
                yield return container;
            }
        }
    }

    private IEnumerable<ContainerView> ContainersIn(string field, ContainerKind kind)
    {
        if (Spec.GetSequence(field) is not { } list)
        {
            yield break;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is YamlMapping container)
            {
                yield return new ContainerView(this, container, kind, i, $"{SpecPath}.{field}[{i}]");
            }
        }
    }
}

public enum ContainerKind
{
    Container,
    Init,
    Ephemeral,
}

/// <summary>One container of a pod spec, with the path humans see in messages.</summary>
public sealed record ContainerView(PodSpecView Pod, YamlMapping Node, ContainerKind Kind, int Index, string Path)
{
    public string Name => Node.GetString("name") ?? $"#{Index}";

    public string? Image => Node.GetString("image");

    /// <summary>An init container with <c>restartPolicy: Always</c> is a native sidecar: it runs for the pod's life.</summary>
    public bool IsNativeSidecar => Kind == ContainerKind.Init && Node.GetString("restartPolicy") == "Always";
}
