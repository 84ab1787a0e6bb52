using Vixens.Lint.Foundation;
using System.Text.RegularExpressions;
using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm.Rendering;

/// <summary>
/// Helm's <c>SortManifests</c>: rendered files (partials and blank files left out) split into documents on lines that
/// start with <c>---</c>, each head read for kind and hook annotations, then manifests and hooks each sorted stably by
/// <see cref="InstallOrder"/> of kinds (unknown kinds last, alphabetically), after file path and document position.
/// </summary>
public static partial class ManifestSorter
{
    private const string HookAnnotation = "helm.sh/hook";

    /// <summary>Kinds in the order Helm installs them.</summary>
    public static IReadOnlyList<string> InstallOrder { get; } =
    [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
        "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
        "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role",
        "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet",
        "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
    ];

    private static readonly Dictionary<string, int> KindRank = InstallOrder.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);

    private static readonly HashSet<string> HookEvents = new(StringComparer.Ordinal)
    {
        "pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade", "pre-rollback", "post-rollback", "test",
    };

    [GeneratedRegex(@"(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*")]
    private static partial Regex Separator();

    /// <summary>Splits a text into trimmed documents as Helm's <c>SplitManifests</c> does, in order.</summary>
    public static List<string> Split(string text) =>
        Separator().Split(text.Trim(GoSpace)).Where(d => d.Length > 0).Select(d => d.Trim(GoSpace)).ToList();

    /// <summary>Go's <c>unicode.IsSpace</c> characters that <c>strings.TrimSpace</c> removes (ASCII subset suffices for YAML).</summary>
    internal static readonly char[] GoSpace = ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0'];

    /// <summary>Sorts rendered files into manifests and hooks; <paramref name="info"/> receives Helm's info lines.</summary>
    public static (List<Manifest> Manifests, List<Manifest> Hooks) Sort(IReadOnlyDictionary<string, string> files, List<string> info)
    {
        var manifests = new List<Manifest>();
        var hooks = new List<Manifest>();
        foreach (var path in files.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var content = files[path];
            if (GoPath.Base(path).StartsWith('_') || content.Trim(GoSpace).Length == 0)
            {
                continue;
            }

            foreach (var document in Split(content))
            {
                var (kind, annotations) = ReadHead(document, path);
                if (annotations is null || !annotations.TryGetValue(HookAnnotation, out var hookTypes))
                {
                    manifests.Add(new Manifest(path, document, kind, null));
                    continue;
                }

                var events = new List<string>();
                var unknown = false;
                foreach (var hookType in hookTypes.Split(','))
                {
                    var name = hookType.Trim().ToLowerInvariant();
                    if (name == "test-success")
                    {
                        name = "test";
                    }

                    if (!HookEvents.Contains(name))
                    {
                        unknown = true;
                        break;
                    }

                    events.Add(name);
                }

                if (unknown)
                {
                    info.Add($"info: skipping unknown hook: \"{hookTypes}\"");
                    continue;
                }

                hooks.Add(new Manifest(path, document, kind, events));
            }
        }

        return (StableByKind(manifests), StableByKind(hooks));
    }

    private static List<Manifest> StableByKind(List<Manifest> list) =>
        list.Select((m, i) => (m, i)).OrderBy(p => p.m, KindComparer.Instance).ThenBy(p => p.i).Select(p => p.m).ToList();

    private sealed class KindComparer : IComparer<Manifest>
    {
        public static readonly KindComparer Instance = new();

        public int Compare(Manifest? x, Manifest? y)
        {
            var a = x!.Kind;
            var b = y!.Kind;
            var aKnown = KindRank.TryGetValue(a, out var ra);
            var bKnown = KindRank.TryGetValue(b, out var rb);
            return (aKnown, bKnown) switch
            {
                (true, true) => ra.CompareTo(rb),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a, b),
            };
        }
    }

    /// <summary>Reads <c>kind</c> and <c>metadata.annotations</c> as Helm's <c>SimpleHead</c>, with its errors.</summary>
    private static (string Kind, Dictionary<string, string>? Annotations) ReadHead(string document, string path)
    {
        object? head;
        try
        {
            head = HelmYaml.Read(document);
        }
        catch (HelmYamlException e)
        {
            throw new HelmException($"YAML parse error on {path}: {e.Message}", HelmErrorKind.Manifest, path);
        }

        if (head is null)
        {
            return (string.Empty, null);
        }

        if (head is not Dictionary<string, object?> map)
        {
            throw HeadError(path, $"cannot unmarshal {HelmYaml.JsonKind(head)} into Go value of type releaseutil.SimpleHead");
        }

        var kind = string.Empty;
        Dictionary<string, string>? annotations = null;
        foreach (var (key, value) in map)
        {
            if (key.Equals("apiVersion", StringComparison.OrdinalIgnoreCase) && value is Dictionary<string, object?> or List<object?>)
            {
                throw HeadError(path, $"cannot unmarshal {HelmYaml.JsonKind(value)} into Go struct field SimpleHead.apiVersion of type string");
            }

            if (key.Equals("kind", StringComparison.OrdinalIgnoreCase))
            {
                kind = value is null ? kind : Charts.ChartMetadataReader.ScalarText(value)
                    ?? throw HeadError(path, $"cannot unmarshal {HelmYaml.JsonKind(value)} into Go struct field SimpleHead.kind of type string");
            }

            if (key.Equals("metadata", StringComparison.OrdinalIgnoreCase) && value is not null)
            {
                annotations = ReadAnnotations(value, path) ?? annotations;
            }
        }

        return (kind, annotations);
    }

    private static Dictionary<string, string>? ReadAnnotations(object metadata, string path)
    {
        if (metadata is not Dictionary<string, object?> map)
        {
            throw HeadError(path, $"cannot unmarshal {HelmYaml.JsonKind(metadata)} into Go struct field SimpleHead.metadata of type struct {{ Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }}");
        }

        Dictionary<string, string>? result = null;
        foreach (var (key, value) in map)
        {
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase) && value is Dictionary<string, object?> or List<object?>)
            {
                throw HeadError(path, $"cannot unmarshal {HelmYaml.JsonKind(value)} into Go struct field .metadata.name of type string");
            }

            if (!key.Equals("annotations", StringComparison.OrdinalIgnoreCase) || value is null)
            {
                continue;
            }

            if (value is not Dictionary<string, object?> annotations)
            {
                throw HeadError(path, $"cannot unmarshal {HelmYaml.JsonKind(value)} into Go struct field .metadata.annotations of type map[string]string");
            }

            result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, text) in annotations)
            {
                result[name] = text is null ? string.Empty : Charts.ChartMetadataReader.ScalarText(text)
                    ?? throw HeadError(path, $"cannot unmarshal {HelmYaml.JsonKind(text)} into Go struct field .metadata.annotations of type string");
            }
        }

        return result is { Count: > 0 } ? result : null;
    }

    private static HelmException HeadError(string path, string detail) =>
        new($"YAML parse error on {path}: error unmarshaling JSON: while decoding JSON: json: {detail}", HelmErrorKind.Manifest, path);
}
