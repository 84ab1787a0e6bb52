using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>How a pod (or an Ingress) refers to a Secret or a ConfigMap.</summary>
internal sealed record ObjectReference(string Name, YamlScalar Node, bool Optional, string Via);

/// <summary>Reads the references a pod template makes to other objects, each with the scalar that names it.</summary>
internal static class PodReferences
{
    public static IEnumerable<ObjectReference> Secrets(PodSpecView pod) => Collect(pod, secret: true);

    public static IEnumerable<ObjectReference> ConfigMaps(PodSpecView pod) => Collect(pod, secret: false);

    /// <summary>Every <c>volumes[].persistentVolumeClaim.claimName</c> with its volume name.</summary>
    public static IEnumerable<(string Volume, YamlScalar ClaimName)> Claims(PodSpecView pod)
    {
        foreach (var volume in Mappings(pod.Spec.GetSequence("volumes")))
        {
            if (volume.GetMapping("persistentVolumeClaim")?.GetScalar("claimName") is { IsNull: false } claim && claim.Value.Length > 0)
            {
                yield return (volume.GetString("name") ?? string.Empty, claim);
            }
        }
    }

    public static IEnumerable<YamlMapping> Mappings(YamlSequence? sequence) => sequence?.Items.OfType<YamlMapping>() ?? [];

    private static IEnumerable<ObjectReference> Collect(PodSpecView pod, bool secret)
    {
        var keyRef = secret ? "secretKeyRef" : "configMapKeyRef";
        var fromRef = secret ? "secretRef" : "configMapRef";
        foreach (var container in pod.Containers(includeInit: true, includeEphemeral: true))
        {
            foreach (var env in Mappings(container.Node.GetSequence("env")))
            {
                if (Named(env.GetMapping("valueFrom")?.GetMapping(keyRef), "name", $"env \"{env.GetString("name")}\" of container \"{container.Name}\"") is { } reference)
                {
                    yield return reference;
                }
            }

            foreach (var envFrom in Mappings(container.Node.GetSequence("envFrom")))
            {
                if (Named(envFrom.GetMapping(fromRef), "name", $"envFrom of container \"{container.Name}\"") is { } reference)
                {
                    yield return reference;
                }
            }
        }

        foreach (var volume in Mappings(pod.Spec.GetSequence("volumes")))
        {
            var volumeName = volume.GetString("name");
            var direct = secret
                ? Named(volume.GetMapping("secret"), "secretName", $"volume \"{volumeName}\"")
                : Named(volume.GetMapping("configMap"), "name", $"volume \"{volumeName}\"");
            if (direct is not null)
            {
                yield return direct;
            }

            foreach (var source in Mappings(volume.GetMapping("projected")?.GetSequence("sources")))
            {
                if (Named(source.GetMapping(secret ? "secret" : "configMap"), "name", $"projected volume \"{volumeName}\"") is { } reference)
                {
                    yield return reference;
                }
            }
        }

        if (secret)
        {
            foreach (var pull in Mappings(pod.Spec.GetSequence("imagePullSecrets")))
            {
                if (Named(pull, "name", "imagePullSecrets") is { } reference)
                {
                    yield return reference;
                }
            }
        }
    }

    private static ObjectReference? Named(YamlMapping? holder, string field, string via)
    {
        if (holder?.GetScalar(field) is not { IsNull: false } name || name.Value.Length == 0)
        {
            return null;
        }

        var optional = holder.GetScalar("optional") is { } flag && flag.AsBool();
        return new ObjectReference(name.Value, name, optional, via);
    }
}

/// <summary>Helpers shared by the cross-resource rules.</summary>
internal static class ReferenceSupport
{
    /// <summary>
    /// Namespaces that an ArgoCD Application fills from a Helm chart. Helm output is not rendered offline, so a selector or a
    /// name that resolves to nothing there may well resolve to a chart-made object: rules that look for a missing target
    /// stay silent in these namespaces.
    /// </summary>
    public static HashSet<string?> HelmNamespaces(ResourceIndex index) => EnvironmentCache.Get(index, nameof(HelmNamespaces), ComputeHelmNamespaces);

    private static HashSet<string?> ComputeHelmNamespaces(ResourceIndex index)
    {
        var namespaces = new HashSet<string?>(StringComparer.Ordinal);
        foreach (var resource in index.OfKind("Application"))
        {
            if (!ArgoApplication.IsApplication(resource))
            {
                continue;
            }

            var application = ArgoApplication.Read(resource);
            if (application.Sources.Any(s => s.IsHelmChart))
            {
                namespaces.Add(application.DestinationNamespace);
            }
        }

        return namespaces;
    }

    /// <summary>The Kyverno ClusterPolicy with which Vixens adds <c>app.kubernetes.io/name</c> to pod templates at admission.</summary>
    public const string AppNamePolicy = "mutate-app-name-label";

    private const string AppNameLabel = "app.kubernetes.io/name";

    /// <summary>
    /// True when <paramref name="name"/> looks like an object a Helm chart of the namespace renders: Helm names objects
    /// <c>&lt;release&gt;</c> or <c>&lt;release&gt;-…</c> (release = <c>helm.releaseName</c>, else the Application's name),
    /// and some charts use their chart name. Name references (Service, ServiceAccount, PVC) in a namespace that also holds
    /// plain manifests are judged unless they look chart-made.
    /// </summary>
    public static bool IsHelmNamed(ResourceIndex index, string? @namespace, string name)
    {
        var releases = EnvironmentCache.Get(index, nameof(IsHelmNamed), ComputeHelmReleases);
        return releases.TryGetValue(@namespace ?? string.Empty, out var prefixes)
            && prefixes.Any(p => name == p || name.StartsWith(p + "-", StringComparison.Ordinal));
    }

    private static Dictionary<string, HashSet<string>> ComputeHelmReleases(ResourceIndex index)
    {
        var releases = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var resource in index.OfKind("Application").Where(ArgoApplication.IsApplication))
        {
            var application = ArgoApplication.Read(resource);
            foreach (var source in application.Sources.Where(s => s.IsHelmChart))
            {
                var key = application.DestinationNamespace ?? string.Empty;
                if (!releases.TryGetValue(key, out var set))
                {
                    releases[key] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(source.Node.GetMapping("helm")?.GetString("releaseName") ?? application.Name);
                set.Add(source.Chart!);
            }
        }

        return releases;
    }

    /// <summary>
    /// Whether a selector of <paramref name="resource"/> that matched nothing may target pods or Services a Helm chart
    /// renders (not visible offline): always when the resource belongs to an Application with a Helm source; when it belongs
    /// to a plain Application, only if a chart is installed into <paramref name="namespace"/> and the Application is named
    /// after one of its releases (a companion such as <c>cert-manager-config</c>) or the selector looks chart-made (Helm's <c>app.kubernetes.io/instance</c>/<c>release</c> keys, or a value named after a release or chart);
    /// when its Application is unknown, whenever a chart is installed into the namespace.
    /// </summary>
    public static bool MayTargetHelmObjects(ResourceIndex index, KubeResource resource, string? @namespace, YamlMapping selector)
    {
        var helmApplications = EnvironmentCache.Get(index, nameof(MayTargetHelmObjects), ComputeHelmApplications);
        if (resource.Application is { } application && helmApplications.Contains(application))
        {
            return true;
        }

        if (!HelmNamespaces(index).Contains(@namespace))
        {
            return false;
        }

        // Unknown owner, or a companion Application named after a release (cert-manager-config, grafana-ingress…).
        if (resource.Application is null || IsHelmNamed(index, @namespace, resource.Application))
        {
            return true;
        }

        var pairs = (selector.GetMapping("matchLabels") ?? selector).Entries.Select(e => (Key: e.Key.Value, Value: (e.Value as YamlScalar)?.Value ?? string.Empty));
        return pairs.Any(p => p.Key is "app.kubernetes.io/instance" or "release" or "helm.sh/chart" || (p.Value.Length > 0 && IsHelmNamed(index, @namespace, p.Value)));
    }

    /// <summary>
    /// <see cref="MayTargetHelmObjects(ResourceIndex, KubeResource, string?, YamlMapping)"/>, and also, for a resource no
    /// Application of the environment deploys (an orphaned overlay), when a chart installed into that namespace by any
    /// Application of the repository (another environment, or a manifest its root does not list) would make the selected
    /// objects: the overlay is meant to be deployed beside that chart, which is not rendered offline.
    /// </summary>
    public static bool MayTargetHelmObjects(RuleContext context, KubeResource resource, string? @namespace, YamlMapping selector)
    {
        if (MayTargetHelmObjects(context.EnvironmentIndex, resource, @namespace, selector))
        {
            return true;
        }

        if (resource.Application is not null)
        {
            return false;
        }

        var charts = context.RepositoryHelmCharts.Where(c => string.Equals(c.Namespace, @namespace, StringComparison.Ordinal)).ToList();
        if (charts.Count == 0)
        {
            return false;
        }

        var pairs = (selector.GetMapping("matchLabels") ?? selector).Entries.Select(e => (Key: e.Key.Value, Value: (e.Value as YamlScalar)?.Value ?? string.Empty));
        return pairs.Any(p => p.Key is "app.kubernetes.io/instance" or "release" or "helm.sh/chart" || (p.Value.Length > 0 && charts.Any(c => c.MayCreate(@namespace, p.Value))));
    }

    private static HashSet<string> ComputeHelmApplications(ResourceIndex index) =>
        index.OfKind("Application").Where(ArgoApplication.IsApplication).Select(ArgoApplication.Read)
            .Where(a => a.Sources.Any(s => s.IsHelmChart)).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The pod templates of a namespace that a selector matches (on their labels as admitted, see <see cref="EffectiveLabels"/>).</summary>
    public static List<PodSpecView> SelectedPods(ResourceIndex index, string? @namespace, LabelSelector selector)
    {
        var mutates = MutatesAppName(index);
        return index.PodTemplates(@namespace).Where(p => selector.Matches(EffectiveLabels(p, mutates))).ToList();
    }

    public static bool MutatesAppName(ResourceIndex index) =>
        index.OfKind("ClusterPolicy").Any(p => p.Group == "kyverno.io" && p.Name == AppNamePolicy);

    /// <summary>
    /// The pod template's labels, plus <c>app.kubernetes.io/name: &lt;workload name&gt;</c> when the environment runs Kyverno's
    /// mutate-app-name-label policy (Deployments, StatefulSets and DaemonSets outside kube-system and kyverno, label absent).
    /// </summary>
    public static IReadOnlyDictionary<string, string> EffectiveLabels(PodSpecView pod, bool mutatesAppName)
    {
        var labels = pod.Labels;
        if (!mutatesAppName || labels.ContainsKey(AppNameLabel) || pod.Owner.Kind is not ("Deployment" or "StatefulSet" or "DaemonSet")
            || pod.Owner.Namespace is "kube-system" or "kyverno" || pod.Owner.Name is not { } name)
        {
            return labels;
        }

        return new Dictionary<string, string>(labels, StringComparer.Ordinal) { [AppNameLabel] = name };
    }

    /// <summary>
    /// Label keys that controllers and operators put on the pods they create themselves (CloudNativePG instances, Velero
    /// and Trivy jobs, StatefulSet/Job controller labels). Such pods have no template in Git, so a selector using them is
    /// not judged.
    /// </summary>
    public static bool SelectsOperatorPods(YamlMapping selector)
    {
        var labels = selector.GetMapping("matchLabels")?.Entries.Select(e => (e.Key.Value, (e.Value as YamlScalar)?.Value ?? string.Empty)) ?? [];
        var expressions = PodReferences.Mappings(selector.GetSequence("matchExpressions")).Select(e => (e.GetString("key") ?? string.Empty, string.Empty));
        return labels.Concat(expressions).Any(pair => IsOperatorLabel(pair.Item1, pair.Item2));
    }

    private static bool IsOperatorLabel(string key, string value) =>
        key.StartsWith("cnpg.io/", StringComparison.Ordinal) || key.StartsWith("velero.io/", StringComparison.Ordinal)
        || key.StartsWith("statefulset.kubernetes.io/", StringComparison.Ordinal) || key.StartsWith("batch.kubernetes.io/", StringComparison.Ordinal)
        || key is "controller-uid" or "job-name" or "pod-template-hash"
        || (key == "app.kubernetes.io/managed-by" && value.EndsWith("-operator", StringComparison.Ordinal));

    /// <summary>Renders labels for a message: <c>{app=web, tier=api}</c>.</summary>
    public static string Describe(LabelSelector selector) => "{" + selector.ToString().Replace(",", ", ", StringComparison.Ordinal) + "}";

    public static string NamespaceText(string? @namespace) => @namespace is null ? "(no namespace)" : $"\"{@namespace}\"";

    /// <summary>The integer value of an int-or-string scalar, or null when it is a string (a named port, a percentage).</summary>
    public static long? Int(YamlNode? node) => node is YamlScalar scalar && scalar.TryGetInt64(out var value) ? value : null;

    /// <summary>Replicas a workload asks for: <c>spec.replicas</c>, 1 when absent; null for kinds without a fixed count.</summary>
    public static long? Replicas(KubeResource workload)
    {
        if (workload.Kind is not ("Deployment" or "StatefulSet" or "ReplicaSet" or "ReplicationController"))
        {
            return null;
        }

        var replicas = workload.Root.GetMapping("spec")?.GetScalar("replicas");
        return replicas is null || replicas.IsNull ? 1 : Int(replicas);
    }
}
