using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Schemas.Validation;

/// <summary>
/// The checks the API server makes on <c>metadata</c> in code rather than in the OpenAPI: identity present, the name
/// rule of the kind, namespace name, label keys and values, annotation keys.
/// </summary>
public static class MetadataChecker
{
    private static readonly HashSet<string> RbacKinds = new(StringComparer.Ordinal) { "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding" };

    /// <summary>Missing apiVersion/kind: nothing else can be checked. Returns false when the resource cannot be validated further.</summary>
    public static bool CheckIdentity(KubeResource resource, List<Diagnostic> sink)
    {
        var missing = new List<string>();
        if (string.IsNullOrEmpty(resource.ApiVersion))
        {
            missing.Add("apiVersion");
        }

        if (string.IsNullOrEmpty(resource.Kind))
        {
            missing.Add("kind");
        }

        if (missing.Count > 0)
        {
            sink.Add(Diagnostic.Create(SchemaDescriptors.MissingIdentity, resource.Root.EditLocation, string.Join(" and ", missing)));
            return false;
        }

        if (string.IsNullOrEmpty(resource.Name) && string.IsNullOrEmpty(resource.Metadata?.GetString("generateName")))
        {
            YamlNode at = (YamlNode?)resource.Metadata ?? resource.Root;
            sink.Add(Diagnostic.Create(SchemaDescriptors.MissingIdentity, at.EditLocation, "metadata.name"));
        }

        return true;
    }

    public static void CheckNames(KubeResource resource, List<Diagnostic> sink)
    {
        var metadata = resource.Metadata;
        if (metadata is null)
        {
            return;
        }

        if (metadata.GetScalar("name") is { IsNull: false } name && NameProblem(resource.Kind ?? string.Empty, name.Value) is { } problem)
        {
            sink.Add(Diagnostic.Create(SchemaDescriptors.InvalidName, name.EditLocation, $"{resource.Kind} name \"{name.Value}\" {problem}"));
        }

        if (metadata.GetScalar("namespace") is { IsNull: false, Kind: ScalarKind.String } ns && !KubernetesNames.IsDns1123Label(ns.Value))
        {
            sink.Add(Diagnostic.Create(SchemaDescriptors.InvalidName, ns.EditLocation,
                $"metadata.namespace \"{ns.Value}\" is not a valid namespace name: it must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit)"));
        }

        if (metadata.GetMapping("labels") is { } labels)
        {
            foreach (var entry in labels.Entries)
            {
                if (KubernetesNames.CheckQualifiedName(entry.Key.Value) is { } keyProblem)
                {
                    sink.Add(Diagnostic.Create(SchemaDescriptors.InvalidLabel, entry.Key.EditLocation, $"label key \"{entry.Key.Value}\" is invalid: {keyProblem}"));
                }

                if (entry.Value is YamlScalar { IsNull: false } value && KubernetesNames.CheckLabelValue(value.Value) is { } valueProblem)
                {
                    sink.Add(Diagnostic.Create(SchemaDescriptors.InvalidLabel, value.EditLocation, $"label \"{entry.Key.Value}\" has an invalid value \"{value.Value}\": {valueProblem}"));
                }
            }
        }

        if (metadata.GetMapping("annotations") is { } annotations)
        {
            foreach (var entry in annotations.Entries)
            {
                if (KubernetesNames.CheckQualifiedName(entry.Key.Value) is { } keyProblem)
                {
                    sink.Add(Diagnostic.Create(SchemaDescriptors.InvalidAnnotationKey, entry.Key.EditLocation, $"annotation key \"{entry.Key.Value}\" is invalid: {keyProblem}"));
                }
            }
        }
    }

    /// <summary>The API server's name rule for a kind; null when the name satisfies it.</summary>
    private static string? NameProblem(string kind, string name)
    {
        if (RbacKinds.Contains(kind))
        {
            return KubernetesNames.IsPathSegmentName(name) ? null : "must not be \".\" or \"..\" nor contain '/' or '%'";
        }

        switch (kind)
        {
            case "Namespace":
                return KubernetesNames.IsDns1123Label(name) ? null : "must be a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit";
            case "Service":
                return KubernetesNames.IsDns1035Label(name) ? null : "must be a DNS-1035 label: lowercase letters, digits and '-', at most 63 characters, starting with a letter and ending with a letter or digit";
            case "CronJob" when name.Length > 52:
                return $"must be at most 52 characters (it has {name.Length}): the controller appends a suffix for its Jobs";
        }

        return KubernetesNames.IsDns1123Subdomain(name) ? null : "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', at most 253 characters, starting and ending with a letter or digit";
    }
}
