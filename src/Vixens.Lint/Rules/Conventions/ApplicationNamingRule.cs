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

    /// <summary>
    /// The app's own namespace (<c>app</c>, <c>app-system</c>), its parent's (<c>keda</c> for <c>keda-http-addon</c>), another
    /// deployed app's (an add-on installed next to its operator), a shared Namespace object of the environment, or a system one.
    /// </summary>
    private static bool IsExpectedNamespace(string ns, string app, string name, string environment, RepositoryContext context) =>
        ns == app || ns == name || SystemNamespaces.Contains(ns)
        || ns.StartsWith(app + "-", StringComparison.Ordinal) || app.StartsWith(ns + "-", StringComparison.Ordinal)
        || context.NamespacesCreatedIn(environment).Contains(ns)
        || context.Deployments.Any(d => d.Environment == environment && d.Folder?.App == ns);

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

            if (IsExpectedNamespace(namespaceNode.Value, folder.App, name, deployment.Environment, context))
            {
                continue;
            }

            var ns = namespaceNode.Value;

            context.Report(Descriptor, namespaceNode.Span, deployment, Severity.Note,
                name, $"deploys {folder.Directory} into namespace \"{ns}\", which is neither the app's own namespace (\"{folder.App}\") nor a shared namespace created in {deployment.Environment}");
        }
    }
}
