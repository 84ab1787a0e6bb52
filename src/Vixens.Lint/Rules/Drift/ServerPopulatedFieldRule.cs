using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Drift;

/// <summary>VX3102: <c>status</c> (or another field only the server writes) in a manifest.</summary>
public sealed class ServerPopulatedFieldRule : ResourceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX3102", "ManifestMustNotCarryStatus", "Manifest carries status or other server-written fields",
        "{0} has {1}, which only the API server and controllers write; remove it from the manifest", "gitops", Severity.Warning,
        "status, and metadata such as uid, resourceVersion, generation, creationTimestamp and managedFields, are written by the API server and controllers. In a manifest they are either dropped (status subresource) or conflict with what the server sets, so the live object never equals Git: ArgoCD shows a permanent difference, and a stale resourceVersion makes apply fail with a conflict. They usually come from copying kubectl get -o yaml output.",
        ["gitops", "argocd", "drift"], precision: "very-high");

    private static readonly string[] ServerMetadata = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeResource(KubeResource resource, RuleContext context)
    {
        if (resource.Root.GetEntry("status") is { } status && !IsEmpty(status.Value) && !context.IsDiffIgnored(resource, ["status"]))
        {
            context.Report(Descriptor, resource, status.Key, resource.Id.Display, "a status section");
        }

        foreach (var key in ServerMetadata)
        {
            if (resource.Metadata?.GetEntry(key) is { } entry && !IsEmpty(entry.Value) && !context.IsDiffIgnored(resource, ["metadata", key]))
            {
                context.Report(Descriptor, resource, entry.Key, resource.Id.Display, "metadata." + key);
            }
        }
    }

    /// <summary><c>status: {}</c> and <c>creationTimestamp: null</c> (what <c>kubectl create --dry-run -o yaml</c> prints) are harmless.</summary>
    private static bool IsEmpty(YamlNode node) => node switch
    {
        YamlScalar scalar => scalar.IsNull,
        YamlMapping mapping => mapping.Count == 0,
        YamlSequence sequence => sequence.Count == 0,
        _ => false,
    };
}
