using Vixens.Lint.Diagnostics;
using System.Text;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// A cluster ArgoCD knows, as the cluster generator reads it from a cluster Secret: <c>name</c>, <c>server</c>,
/// <c>project</c>, and the Secret's labels and annotations.
/// </summary>
/// <param name="Location">Where the cluster is declared (the Secret or the settings entry), for related locations.</param>
public sealed record ClusterDeclaration(
    string Name,
    string Server,
    string? Project,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    SourceSpan? Location = null)
{
    /// <summary>The label that makes a Secret a cluster for ArgoCD.</summary>
    public const string SecretTypeLabel = "argocd.argoproj.io/secret-type";

    /// <summary>ArgoCD's name for the cluster it runs in.</summary>
    public const string InClusterName = "in-cluster";

    /// <summary>ArgoCD's address for the cluster it runs in.</summary>
    public const string InClusterServer = "https://kubernetes.default.svc";

    /// <summary>
    /// Reads a cluster Secret (<c>kind: Secret</c> labelled <c>argocd.argoproj.io/secret-type: cluster</c>); null for any
    /// other document. <c>stringData</c> wins over <c>data</c> (base64), as the API server merges them.
    /// </summary>
    public static ClusterDeclaration? FromSecret(YamlMapping document)
    {
        if (document.GetString("kind") != "Secret" || document.GetString("apiVersion") != "v1")
        {
            return null;
        }

        var metadata = document.GetMapping("metadata");
        var labels = StringMap(metadata?.GetMapping("labels"));
        if (!labels.TryGetValue(SecretTypeLabel, out var type) || type != "cluster")
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in document.GetMapping("data")?.Entries ?? [])
        {
            if (entry.Value is YamlScalar { IsNull: false } scalar && TryDecodeBase64(scalar.Value, out var decoded))
            {
                fields[entry.Key.Value] = decoded;
            }
        }

        foreach (var entry in document.GetMapping("stringData")?.Entries ?? [])
        {
            if (entry.Value is YamlScalar { IsNull: false } scalar)
            {
                fields[entry.Key.Value] = scalar.Value;
            }
        }

        return new ClusterDeclaration(
            fields.GetValueOrDefault("name", string.Empty),
            fields.GetValueOrDefault("server", string.Empty),
            fields.GetValueOrDefault("project"),
            labels,
            StringMap(metadata?.GetMapping("annotations")),
            document.Span);
    }

    /// <summary>
    /// Reads a settings list of clusters (<c>- name: …, server: …, project: …, labels: {…}, annotations: {…}</c>): the
    /// clusters that exist in ArgoCD but whose Secrets are not in the repository (kept in a vault, created by hand).
    /// Entries without a name or server are skipped and returned as errors for the settings loader to report.
    /// </summary>
    public static IReadOnlyList<ClusterDeclaration> FromSettings(YamlSequence clusters, out IReadOnlyList<(SourceSpan Location, string Message)> errors)
    {
        var result = new List<ClusterDeclaration>();
        var problems = new List<(SourceSpan, string)>();
        foreach (var item in clusters.Items)
        {
            if (item is not YamlMapping map || map.GetString("name") is not { Length: > 0 } name || map.GetString("server") is not { Length: > 0 } server)
            {
                problems.Add((item.Span, "a cluster needs a name and a server"));
                continue;
            }

            result.Add(new ClusterDeclaration(name, server, map.GetString("project"), StringMap(map.GetMapping("labels")), StringMap(map.GetMapping("annotations")), map.Span));
        }

        errors = problems;
        return result;
    }

    private static Dictionary<string, string> StringMap(YamlMapping? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map?.Entries ?? [])
        {
            result[entry.Key.Value] = entry.Value is YamlScalar { IsNull: false } scalar ? scalar.Value : string.Empty;
        }

        return result;
    }

    private static bool TryDecodeBase64(string text, out string decoded)
    {
        decoded = string.Empty;
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(buffer, 0, written);
        return true;
    }
}
