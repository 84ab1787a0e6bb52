using NUnit.Framework;
using Vixens.Lint.Cli.Commands;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Reporting.Maturity;
using Vixens.Lint.Tests.RulePacks;

namespace Vixens.Lint.Tests.Maturity;

[TestFixture]
public sealed class MaturityTests
{
    private static string Golden => File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "tools", "maturity_golden.yaml"));

    private static string RepositoryRoot() => Infrastructure.TestPaths.RepositoryRoot;

    [Test]
    public void Golden_bundle_reaches_diamond()
    {
        using var ws = new TestWorkspace();
        ws.Write("apps/10-home/web/overlays/prod/all.yaml", Golden);
        var report = MaturityCalculator.Compute(ws.Lint());
        var app = report.Applications.Single();
        Assert.Multiple(() =>
        {
            Assert.That(app.Application, Is.EqualTo("web"));
            Assert.That(app.Environment, Is.EqualTo("prod"));
            Assert.That(app.Category, Is.EqualTo("10-home"));
            Assert.That(app.Tier, Is.EqualTo(MaturityTier.Diamond));
            Assert.That(app.NextTier, Is.Null);
            Assert.That(app.Blocking, Is.Empty);
        });
    }

    [Test]
    public void A_lower_tier_failure_caps_the_tier_and_lists_blocking_checks_with_locations()
    {
        using var ws = new TestWorkspace();

        // Gold fails (no revisionHistoryLimit), Diamond fails too (no NetworkPolicy): the app is Silver, Gold is next.
        var text = Golden.Replace("  revisionHistoryLimit: 3\n", string.Empty, StringComparison.Ordinal);
        ws.Write("apps/10-home/web/overlays/prod/all.yaml", text);
        ws.Write("apps/10-home/web/overlays/dev/all.yaml", Golden.Replace("storageClassName: synology-iscsi-retain", "storageClassName: synology-iscsi-delete", StringComparison.Ordinal));
        var report = MaturityCalculator.Compute(ws.Lint());

        var prod = report.Applications.Single(a => a.Environment == "prod");
        Assert.That(prod.Tier, Is.EqualTo(MaturityTier.Silver));
        Assert.That(prod.NextTier, Is.EqualTo(MaturityTier.Gold));
        var blocking = prod.Blocking.Single();
        Assert.Multiple(() =>
        {
            Assert.That(blocking.RuleId, Is.EqualTo("VX4012"));
            Assert.That(blocking.File, Is.EqualTo("apps/10-home/web/overlays/prod/all.yaml"));
            Assert.That(blocking.Line, Is.EqualTo(21), "the spec key: revisionHistoryLimit is missing there");
        });

        var dev = report.Applications.Single(a => a.Environment == "dev");
        Assert.That(dev.Tier, Is.EqualTo(MaturityTier.Diamond), "a *-delete class is right in dev");

        Assert.That(MaturityCalculator.Compute(ws.Lint(), ["dev"]).Applications.Select(a => a.Environment), Is.EqualTo(new[] { "dev" }));
    }

    [Test]
    public void Bypass_counts_as_a_pass_and_suppression_too()
    {
        using var ws = new TestWorkspace();
        var noStartup = Golden.Replace("          startupProbe:\n            httpGet:\n              path: /healthz\n              port: http\n", string.Empty, StringComparison.Ordinal);
        ws.Write("apps/10-home/web/overlays/prod/all.yaml", noStartup);
        Assert.That(MaturityCalculator.Compute(ws.Lint()).Applications.Single().Tier, Is.EqualTo(MaturityTier.Bronze));

        ws.Write("apps/10-home/web/overlays/prod/all.yaml", noStartup.Replace("        vixens.io/digest-pinned: \"true\"\n", "        vixens.io/digest-pinned: \"true\"\n        vixens.io/fast-start: \"true\"\n", StringComparison.Ordinal));
        Assert.That(MaturityCalculator.Compute(ws.Lint()).Applications.Single().Tier, Is.EqualTo(MaturityTier.Diamond));

        ws.Write("apps/10-home/web/overlays/prod/all.yaml", noStartup.Replace("        vixens.io/digest-pinned: \"true\"\n", "        vixens.io/digest-pinned: \"true\"\n        lint.vixens.io/suppress: VX4006\n", StringComparison.Ordinal));
        Assert.That(MaturityCalculator.Compute(ws.Lint()).Applications.Single().Tier, Is.EqualTo(MaturityTier.Diamond));
    }

    [Test]
    public void App_without_bronze_has_no_tier()
    {
        using var ws = new TestWorkspace();
        ws.Write("apps/20-media/radarr/base/deployment.yaml", Golden.Replace("ghcr.io/acme/web:1.2.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ghcr.io/acme/web:latest", StringComparison.Ordinal));
        var app = MaturityCalculator.Compute(ws.Lint()).Applications.Single();
        Assert.Multiple(() =>
        {
            Assert.That(app.Application, Is.EqualTo("radarr"));
            Assert.That(app.Environment, Is.EqualTo("base"));
            Assert.That(app.Tier, Is.Null);
            Assert.That(app.NextTier, Is.EqualTo(MaturityTier.Bronze));
            Assert.That(app.Blocking.Select(b => b.RuleId), Does.Contain("VX4001"));
        });
    }

    [TestCase("apps/10-home/frigate/overlays/prod", null, null, "frigate", "prod", "10-home")]
    [TestCase("apps/10-home/frigate/base", null, null, "frigate", "base", "10-home")]
    [TestCase("apps/00-infra/velero/infisical/overlays/dev", null, null, "velero", "dev", "00-infra")]
    [TestCase("argocd/overlays/prod", null, null, "argocd", "prod", null)]
    [TestCase("apps/10-home/frigate/overlays/prod", "frigate-app", "production", "frigate-app", "production", "10-home")]
    public void Application_and_environment_come_from_the_workspace_or_the_directory(string origin, string? application, string? environment, string app, string env, string? category)
    {
        Assert.That(MaturityCalculator.Identify(application, environment, origin), Is.EqualTo((app, env, category)));
    }

    [Test]
    public void Renderers_produce_markdown_html_and_json()
    {
        using var ws = new TestWorkspace();
        ws.Write("apps/10-home/web/overlays/prod/all.yaml", Golden.Replace("  revisionHistoryLimit: 3\n", string.Empty, StringComparison.Ordinal));
        ws.Write("apps/10-home/api/overlays/prod/all.yaml", Golden.Replace("name: web", "name: api", StringComparison.Ordinal));
        var report = MaturityCalculator.Compute(ws.Lint());

        var markdown = MaturityMarkdownRenderer.Render(report);
        Assert.That(markdown, Does.Contain("| web | prod | 🥈 Silver | 🥇 Gold | VX4012 |"));
        Assert.That(markdown, Does.Contain("`apps/10-home/web/overlays/prod/all.yaml:21` **VX4012**"));

        var html = MaturityHtmlRenderer.Render(report);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<svg"));
            Assert.That(html, Does.Contain("class=\"sortable\""));
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").Or.Contain("xmlns=\"http://www.w3.org/2000/svg\""));
            Assert.That(html, Does.Not.Match("<(script|link)[^>]+(src|href)="), "no external assets");
        });

        var json = System.Text.Json.JsonDocument.Parse(MaturityJsonRenderer.Render(report)).RootElement;
        var apps = json.GetProperty("applications");
        Assert.That(apps.GetArrayLength(), Is.EqualTo(2));
        Assert.That(apps[1].GetProperty("tier").GetString(), Is.EqualTo("silver"));
        Assert.That(apps[1].GetProperty("blocking")[0].GetProperty("line").GetInt32(), Is.EqualTo(21));
        Assert.That(MaturityJsonRenderer.Render(report), Is.EqualTo(MaturityJsonRenderer.Render(MaturityCalculator.Compute(ws.Lint()))), "deterministic");
    }

    [Test]
    public void Report_command_writes_the_requested_format_and_maps_configuration_errors_to_exit_code_2()
    {
        using var ws = new TestWorkspace();
        ws.Write("apps/10-home/web/overlays/prod/all.yaml", Golden);
        var output = Path.Combine(ws.Root, "out", "report.html");
        var exit = ReportCommand.Create().Parse([ws.Root, "--format", "html", "--output", output]).Invoke();
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(File.ReadAllText(output), Does.Contain("Vixens maturity report"));

        ws.Write(".vixens-lint.yaml", "rulez:\n  VX4001: none\n");
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            exit = ReportCommand.Create().Parse([ws.Root, "--format", "json", "--output", output, "--config", Path.Combine(ws.Root, ".vixens-lint.yaml")]).Invoke();
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("did you mean \"rules\""));
    }
}
