using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules.Conventions;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.Tests.Conventions;

public sealed class ConventionRuleTests
{
    /// <summary>Builds the fixture repository's workspace and runs one repository rule on it.</summary>
    internal static List<Diagnostic> Run(RepositoryRule rule, string root)
    {
        var workspace = PlainRenderer.BuildWorkspace(root);
        var sink = new List<Diagnostic>();
        rule.AnalyzeRepository(RepositoryContext.From(root, workspace, sink));
        return sink;
    }

    private static List<string> RunFixture(RepositoryRule rule, string id, string kind)
    {
        var root = RuleHarness.Fixture(id, kind);
        return Run(rule, root).Select(d => $"{RepositoryPaths.Relative(root, d.Location.File)}({d.Location.StartLine},{d.Location.StartColumn}) {d.Severity.ToText()} {d.Id} {d.Message}").ToList();
    }

    [Test]
    public void VX7001_reports_a_deployed_app_without_its_page()
    {
        Assert.That(RunFixture(new ApplicationDocsPageRule(), "VX7001", "fail"), Is.EqualTo(new[]
        {
            "argocd/overlays/prod/apps/web.yaml(17,11) warning VX7001 Application \"web\" deploys apps/10-home/web, but docs/applications/10-home/web.md does not exist",
        }));
        Assert.That(RunFixture(new ApplicationDocsPageRule(), "VX7001", "pass"), Is.Empty);
    }

    [Test]
    public void VX7002_reports_table_rows_that_disagree_with_argocd()
    {
        Assert.That(RunFixture(new DeploymentTableRule(), "VX7002", "fail"), Is.EqualTo(new[]
        {
            "docs/applications/10-home/web.md(6,19) warning VX7002 docs/applications/10-home/web.md says web is deployed in dev, but no Application of environment dev deploys apps/10-home/web",
            "docs/applications/10-home/web.md(7,19) warning VX7002 docs/applications/10-home/web.md says web is not deployed in prod, but Application \"web\" deploys it there (apps/10-home/web/overlays/prod)",
        }));
        Assert.That(RunFixture(new DeploymentTableRule(), "VX7002", "pass"), Is.Empty);
    }

    [Test]
    public void VX7003_reports_paths_outside_the_layout_and_overlays_of_another_environment()
    {
        Assert.That(RunFixture(new ApplicationLayoutRule(), "VX7003", "fail"), Is.EqualTo(new[]
        {
            "argocd/overlays/prod/apps/web.yaml(17,11) warning VX7003 Application \"web\" of environment prod deploys \"apps/10-home/web/overlays/dev\", the dev overlay; an Application of prod must deploy apps/10-home/web/overlays/prod",
            "argocd/overlays/prod/apps/legacy.yaml(17,11) warning VX7003 Application \"legacy\" of environment prod deploys \"apps/web/base\", which is not inside an apps/<NN-category>/<app>/ folder",
        }));
        Assert.That(RunFixture(new ApplicationLayoutRule(), "VX7003", "pass"), Is.Empty);
    }

    [Test]
    public void VX7004_reports_a_name_that_is_not_the_folder_and_notes_an_unshared_namespace()
    {
        Assert.That(RunFixture(new ApplicationNamingRule(), "VX7004", "fail"), Is.EqualTo(new[]
        {
            "argocd/overlays/prod/apps/website.yaml(5,9) warning VX7004 Application \"website\" deploys apps/10-home/web; name it web (or web-<part> for a companion Application)",
            "argocd/overlays/prod/apps/website.yaml(13,16) note VX7004 Application \"website\" deploys apps/10-home/web into namespace \"webns\", which is neither the app's own namespace (\"web\") nor a shared namespace created in prod",
        }));
        Assert.That(RunFixture(new ApplicationNamingRule(), "VX7004", "pass"), Is.Empty);
    }

    [TestCase("| Dev | [x] |", true)]
    [TestCase("| Dev | ✅ Oui |", true)]
    [TestCase("| Dev | [ ] |", false)]
    [TestCase("| Dev | ❌ |", false)]
    [TestCase("| Dev | - |", false)]
    [TestCase("| Dev | partial |", null)]
    public void Deployment_table_cells(string row, bool? expected)
    {
        var rows = DeploymentTable.Parse("| Environment | Deployed |\n|---|---|\n" + row + "\n");
        Assert.That(rows.Single().Deployed, Is.EqualTo(expected));
    }

    [Test]
    public void Deployment_table_is_found_after_other_tables_and_keeps_positions()
    {
        const string page = "# App\n\n| Instance | Role |\n|---|---|\n| a | b |\n\n## Deployment Information\n| Environment | Deployed | Configured |\n|-------------|----------|-----------|\n| Dev         | [ ]      | [ ]       |\n| Prod        | [x]      | [x]       |\n";
        var rows = DeploymentTable.Parse(page);
        Assert.That(rows.Select(r => (r.Environment, r.Deployed, r.Line, r.Column)), Is.EqualTo(new[] { ("Dev", (bool?)false, 10, 17), ("Prod", (bool?)true, 11, 17) }));
        Assert.Multiple(() =>
        {
            Assert.That(DeploymentTable.Names("Prod", "prod"), Is.True);
            Assert.That(DeploymentTable.Names("**Production**", "prod"), Is.True);
            Assert.That(DeploymentTable.Names("Dev", "prod"), Is.False);
        });
    }
}
