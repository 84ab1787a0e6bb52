using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Conventions;

/// <summary>VX7004: an Application is named after its app folder, and deploys into that app's namespace or a shared one.</summary>
public sealed class ApplicationNamingRule : RepositoryRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX7004", "ApplicationNameMustMatchFolder", "Application name, folder and namespace disagree",
        "Application \"{0}\" {1}", "conventions", Severity.Warning,
        "An Application named after its folder (apps/<category>/<app> → Application <app>, or <app>-<part> for a companion such as <app>-secrets) is what lets people and tools go from an ArgoCD screen to the code and the docs page. The destination namespace should be the app's own (named after it) or one of the shared namespaces the repository creates (media, tools…); another namespace created on the fly by CreateNamespace=true is reported as a note, as it escapes the shared namespaces' Pod Security labels.",
        ["conventions", "naming", "gitops"], precision: "medium");

    private static readonly HashSet<string> SystemNamespaces = new(StringComparer.Ordinal) { "default", "kube-system", "kube-public", "kube-node-lease", "argocd" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void AnalyzeRepository(RepositoryContext context)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var deployment in context.Deployments)
        {
            if (deployment.Folder is not { } folder || !seen.Add((deployment.Environment, deployment.Application.Name)))
            {
                continue;
            }

            var application = deployment.Application;
            var name = application.Name;
            var nameNode = (YamlNode?)application.Resource.Metadata?.GetScalar("name") ?? application.Resource.Root;
            if (name != folder.App && !name.StartsWith(folder.App + "-", StringComparison.Ordinal))
            {
                context.Report(Descriptor, nameNode.Span, deployment,
                    name, $"deploys {folder.Directory}; name it {folder.App} (or {folder.App}-<part> for a companion Application)");
            }

            if (application.Destination?.GetScalar("namespace") is not { IsNull: false } namespaceNode)
            {
                continue;
            }

            var ns = namespaceNode.Value;
            if (ns == folder.App || ns == name || SystemNamespaces.Contains(ns) || context.NamespacesCreatedIn(deployment.Environment).Contains(ns))
            {
                continue;
            }

            context.Report(Descriptor, namespaceNode.Span, deployment, Severity.Note,
                name, $"deploys {folder.Directory} into namespace \"{ns}\", which is neither the app's own namespace (\"{folder.App}\") nor a shared namespace created in {deployment.Environment}");
        }
    }
}
