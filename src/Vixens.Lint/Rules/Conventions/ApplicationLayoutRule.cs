using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Rules.Conventions;

/// <summary>VX7003: an Application deploys <c>apps/&lt;NN-category&gt;/&lt;app&gt;/overlays/&lt;env&gt;</c> of its own environment.</summary>
public sealed class ApplicationLayoutRule : RepositoryRule
{
    /// <summary>Shared building blocks deployed as they are (namespaces, priority classes).</summary>
    public const string SharedRoot = "apps/_shared/";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX7003", "ApplicationPathMustFollowLayout", "Application path does not follow apps/<NN-category>/<app>/overlays/<env>",
        "Application \"{0}\" of environment {1} deploys \"{2}\", {3}", "conventions", Severity.Warning,
        "Vixens lays every application out as apps/<NN-category>/<app>/{base,overlays/<env>} and each environment's Application deploys its own overlay. A path outside that layout escapes the per-app conventions (docs, Infisical paths, maturity checks), and an Application that deploys another environment's overlay (a prod Application on overlays/dev) ships dev settings, images and secrets paths to production. Nested secrets overlays (apps/<cat>/<app>/infisical/overlays/<env>) and apps/_shared are accepted.",
        ["conventions", "layout", "gitops"], precision: "high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void AnalyzeRepository(RepositoryContext context)
    {
        foreach (var deployment in context.Deployments.Where(d => !d.IsValuesFile))
        {
            if (deployment.Path.StartsWith(SharedRoot, StringComparison.Ordinal))
            {
                continue;
            }

            var problem = Problem(deployment);
            if (problem is not null)
            {
                context.Report(Descriptor, deployment.PathNode.Span, deployment, deployment.Application.Name, deployment.Environment, deployment.Path, problem);
            }
        }
    }

    private static string? Problem(AppDeployment deployment)
    {
        if (deployment.Folder is not { } folder)
        {
            return "which is not inside an apps/<NN-category>/<app>/ folder";
        }

        var parts = folder.Rest.Length == 0 ? [] : folder.Rest.Split('/');
        var overlays = Array.LastIndexOf(parts, "overlays");
        if (overlays < 0 || overlays != parts.Length - 2)
        {
            return $"not one of its overlays; expected {folder.Directory}/overlays/{deployment.Environment}";
        }

        var environment = parts[^1];
        return environment == deployment.Environment
            ? null
            : $"the {environment} overlay; an Application of {deployment.Environment} must deploy {folder.Directory}/{string.Join('/', parts[..overlays])}{(overlays > 0 ? "/" : string.Empty)}overlays/{deployment.Environment}";
    }
}
