using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Drift;

/// <summary>VX3104: an empty map or list that the API server drops (<c>annotations: {}</c>, <c>env: []</c>).</summary>
public sealed class EmptyCollectionRule : ResourceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX3104", "EmptyCollectionIsDropped", "Empty map or list the API server drops",
        "{0} is an empty {1}; the API server does not store it, so a plain diff always shows it missing: remove the line", "gitops", Severity.Note,
        "Built-in Kubernetes objects omit empty maps and lists when they are stored (Go's omitempty): annotations: {}, env: [], args: [], requests: {} are gone from the live object. A plain (non server-side) ArgoCD diff then shows the field as missing and the Application can stay OutOfSync. Removing the empty field means the same to Kubernetes and removes the difference.",
        ["gitops", "argocd", "drift"], precision: "medium");

    /// <summary>API groups of built-in kinds: custom resources keep empty values, so they are not checked.</summary>
    private static readonly HashSet<string> BuiltInGroups = new(StringComparer.Ordinal)
    {
        string.Empty, "apps", "batch", "policy", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io",
        "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "node.k8s.io", "admissionregistration.k8s.io", "certificates.k8s.io",
    };

    /// <summary>Fields typed as a Go map (dropped when empty); an empty struct such as <c>resources: {}</c> or <c>emptyDir: {}</c> is kept.</summary>
    private static readonly HashSet<string> MapFields = new(StringComparer.Ordinal)
    {
        "labels", "annotations", "nodeSelector", "requests", "limits", "matchLabels", "data", "stringData", "binaryData", "capacity", "hard", "parameters",
    };

    /// <summary>Lists declared without omitempty: an empty one is stored as <c>[]</c>.</summary>
    private static readonly HashSet<string> KeptLists = new(StringComparer.Ordinal) { "rules" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeResource(KubeResource resource, RuleContext context)
    {
        if (!BuiltInGroups.Contains(resource.Group))
        {
            return;
        }

        Walk(resource.Root, [], resource, context);
    }

    private static void Walk(YamlMapping mapping, IReadOnlyList<string> path, KubeResource resource, RuleContext context)
    {
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            var childPath = FieldPaths.Append(path, key);
            switch (entry.Value)
            {
                case YamlMapping { Count: 0 } when IsMapField(key, path, resource):
                    Report(entry, childPath, "map", resource, context);
                    break;
                case YamlMapping child:
                    Walk(child, childPath, resource, context);
                    break;
                case YamlSequence { Count: 0 } when !KeptLists.Contains(key) && !(path.Count == 0 && key == "items"):
                    Report(entry, childPath, "list", resource, context);
                    break;
                case YamlSequence sequence:
                    foreach (var (item, itemPath) in FieldPaths.Items(sequence, childPath))
                    {
                        Walk(item, itemPath, resource, context);
                    }

                    break;
            }
        }
    }

    private static bool IsMapField(string key, IReadOnlyList<string> parentPath, KubeResource resource)
    {
        if (MapFields.Contains(key))
        {
            // data/stringData/binaryData are maps only at the top of a ConfigMap or Secret.
            return key is not ("data" or "stringData" or "binaryData") || parentPath.Count == 0;
        }

        // A Service's selector is a map; elsewhere selector is a LabelSelector struct (an empty one selects everything).
        return key == "selector" && resource.Kind is "Service" or "ReplicationController" && parentPath is ["spec"];
    }

    private static void Report(YamlEntry entry, IReadOnlyList<string> path, string what, KubeResource resource, RuleContext context)
    {
        if (context.IsDiffIgnored(resource, path))
        {
            return;
        }

        context.Report(Descriptor, resource, entry.Key, FieldPaths.Display(path), what);
    }
}
