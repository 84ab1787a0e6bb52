using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Rules.Conventions;

/// <summary>VX7001: every deployed application has its page <c>docs/applications/&lt;category&gt;/&lt;app&gt;.md</c>.</summary>
public sealed class ApplicationDocsPageRule : RepositoryRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX7001", "ApplicationMustHaveDocsPage", "Deployed application has no documentation page",
        "Application \"{0}\" deploys {1}, but {2} does not exist{3}", "conventions", Severity.Warning,
        "Vixens documents every application in docs/applications/<category>/<app>.md (deployment table, validation steps, runbook), with the same <NN-category> folder name as under apps/. A deployed application without its page leaves whoever is on call without the URL, the dependencies and the checks to run. Pages shared by sibling apps (external-dns.md for external-dns-gandi and external-dns-unifi) are accepted. Turn the rule off with severity: {VX7001: none} if the repository documents applications elsewhere.",
        ["conventions", "docs"], precision: "high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void AnalyzeRepository(RepositoryContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var deployment in context.Deployments)
        {
            if (deployment.Folder is not { } folder || !seen.Add(folder.Directory))
            {
                continue;
            }

            var page = DocsPages.Find(context, folder);
            if (page.Kind is PageKind.Exact or PageKind.Shared)
            {
                continue;
            }

            var hint = page.Kind == PageKind.OtherCategory ? $"; a page for it is at {page.Path} (category differs from {folder.Category})" : string.Empty;
            context.Report(Descriptor, deployment.PathNode.Span, deployment, deployment.Application.Name, folder.Directory, folder.DocsPage(context.DocsRoot), hint);
        }
    }
}

public enum PageKind
{
    Missing,

    /// <summary><c>docs/applications/&lt;category&gt;/&lt;app&gt;.md</c>.</summary>
    Exact,

    /// <summary>A page for a name prefix in the same category (<c>external-dns.md</c> for <c>external-dns-gandi</c>).</summary>
    Shared,

    /// <summary><c>&lt;app&gt;.md</c> under another category folder.</summary>
    OtherCategory,
}

public sealed record DocsPage(PageKind Kind, string? Path);

/// <summary>Finds an application's page the way VX7001 and VX7002 agree on.</summary>
public static class DocsPages
{
    public static DocsPage Find(RepositoryContext context, AppFolder folder)
    {
        var exact = folder.DocsPage(context.DocsRoot);
        if (context.FileExists(exact))
        {
            return new DocsPage(PageKind.Exact, exact);
        }

        // external-dns-gandi → external-dns.md, grafana-ingress → grafana.md
        var name = folder.App;
        for (var dash = name.LastIndexOf('-'); dash > 0; dash = name.LastIndexOf('-', dash - 1))
        {
            var shared = $"{context.DocsRoot}/{folder.Category}/{name[..dash]}.md";
            if (context.FileExists(shared))
            {
                return new DocsPage(PageKind.Shared, shared);
            }
        }

        var docs = context.FullPath(context.DocsRoot);
        if (Directory.Exists(docs))
        {
            var other = Directory.GetDirectories(docs).OrderBy(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, folder.App + ".md")).FirstOrDefault(File.Exists);
            if (other is not null)
            {
                return new DocsPage(PageKind.OtherCategory, Path.GetRelativePath(context.Root, other).Replace('\\', '/'));
            }
        }

        return new DocsPage(PageKind.Missing, null);
    }
}
