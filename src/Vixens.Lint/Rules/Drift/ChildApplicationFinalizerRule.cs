using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Drift;

/// <summary>VX3105: a child Application of an app-of-apps without the resources finalizer.</summary>
public sealed class ChildApplicationFinalizerRule : ResourceRule
{
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX3105", "ChildApplicationNeedsResourcesFinalizer", "Child Application has no resources finalizer",
        "Application \"{0}\" {1}; when {2} prunes or deletes it, {3}", "gitops", Severity.Warning,
        "In an app-of-apps, removing a child Application from Git makes the parent delete the Application object. Without the resources-finalizer.argocd.argoproj.io finalizer that deletion does not cascade: the child's Deployments, Services, PVCs… stay in the cluster, owned by nobody, and the app-of-apps never converges to what Git says (orphaned resources, name clashes when the app comes back). A misspelt finalizer (resources-finalizer.argocd.io) is worse: no controller ever removes it, so the deletion hangs and nothing is cleaned up. Vixens' application guide requires the finalizer on every Application.",
        ["gitops", "argocd", "app-of-apps"], precision: "high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeResource(KubeResource resource, RuleContext context)
    {
        if (!ArgoApplication.IsApplication(resource) || resource.Metadata is not { } metadata)
        {
            return;
        }

        var finalizers = metadata.GetSequence("finalizers")?.Items.OfType<YamlScalar>().ToList() ?? [];
        if (finalizers.Any(f => f.Value == ResourcesFinalizer || f.Value.StartsWith(ResourcesFinalizer + "/", StringComparison.Ordinal)))
        {
            return;
        }

        // resources-finalizer.argocd.io and the like: a finalizer that looks like ArgoCD's but that no controller removes.
        var misspelt = finalizers.FirstOrDefault(f => f.Value.Contains("resources-finalizer", StringComparison.OrdinalIgnoreCase)
            || f.Value.Contains("argocd", StringComparison.OrdinalIgnoreCase));

        // The parent is known when the child was rendered from another Application's source; an environment root is
        // synced by an app-of-apps defined outside the repository (e.g. by Terraform), whose prune setting is unknown.
        var parent = context.ApplicationOf(resource);
        string who;
        if (parent is not null)
        {
            var automated = parent.Spec?.GetMapping("syncPolicy")?.GetMapping("automated");
            if (automated?.GetScalar("prune") is not { } prune || !prune.AsBool())
            {
                return;
            }

            who = $"its parent Application \"{parent.Name}\" (automated prune)";
        }
        else
        {
            who = "the app-of-apps that syncs it";
        }

        if (context.IsDiffIgnored(resource, ["metadata", "finalizers"]))
        {
            return;
        }

        if (misspelt is not null)
        {
            context.Report(Descriptor, resource, misspelt, resource.Name,
                $"has the finalizer \"{misspelt.Value}\", which no controller handles (did you mean {ResourcesFinalizer}?)", who,
                "the deletion hangs on that finalizer and the resources it deployed are never cleaned up");
            return;
        }

        var at = (YamlNode?)metadata.GetEntry("finalizers")?.Key ?? (YamlNode?)metadata.GetScalar("name") ?? resource.Root;
        context.Report(Descriptor, resource, at, resource.Name, $"has no {ResourcesFinalizer} finalizer", who,
            "everything it deployed stays in the cluster unmanaged");
    }
}
