using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Conventions;

/// <summary>VX7002: the page's deployment table agrees with the environments that deploy the application.</summary>
public sealed class DeploymentTableRule : RepositoryRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX7002", "DocsDeploymentTableMustMatch", "Documentation deployment table disagrees with ArgoCD",
        "{0} says {1} is {2} in {3}, but {4}", "conventions", Severity.Warning,
        "Each application page starts with a deployment table (one row per environment, Deployed [x] or [ ]). When it disagrees with the Applications under argocd/overlays/<env>, readers look for an app that is not there, or miss one that is running (and exposed, and backed up). The table is compared with which environments actually have an Application whose path or Helm values file is under apps/<category>/<app>/.",
        ["conventions", "docs"], precision: "high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void AnalyzeRepository(RepositoryContext context)
    {
        var byFolder = context.Deployments.Where(d => d.Folder is not null).GroupBy(d => d.Folder!.Directory, StringComparer.Ordinal);
        foreach (var group in byFolder)
        {
            var folder = group.First().Folder!;
            var page = DocsPages.Find(context, folder);
            if (page.Kind is not (PageKind.Exact or PageKind.OtherCategory))
            {
                continue; // a shared page describes several apps: its table is not about this one alone
            }

            var file = context.FullPath(page.Path!);
            var rows = DeploymentTable.Parse(File.ReadAllText(file));
            foreach (var environment in context.Environments.Select(e => e.Name).Order(StringComparer.Ordinal))
            {
                var row = rows.FirstOrDefault(r => DeploymentTable.Names(r.Environment, environment));
                if (row?.Deployed is not { } documented)
                {
                    continue;
                }

                var actual = group.Where(d => d.Environment == environment).ToList();
                if (documented == actual.Count > 0)
                {
                    continue;
                }

                var location = new SourceSpan(file, row.Line, row.Column, row.Line, row.Column + row.Cell.Length);
                var reality = documented
                    ? $"no Application of environment {environment} deploys {folder.Directory}"
                    : $"Application \"{actual[0].Application.Name}\" deploys it there ({actual[0].Path})";
                context.Report(Descriptor, location, documented ? null : actual[0], page.Path, folder.App, documented ? "deployed" : "not deployed", environment, reality);
            }
        }
    }
}
