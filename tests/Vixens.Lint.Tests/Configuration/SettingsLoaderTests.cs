using NUnit.Framework;
using Vixens.Lint.Configuration;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules.Packs;
using Vixens.Lint.Tests.RulePacks;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.Tests.Configuration;

[TestFixture]
public sealed class SettingsLoaderTests
{
    [Test]
    public void Full_settings_file_is_read()
    {
        var settings = SettingsLoader.Load("/repo/.vixens-lint.yaml", """
            environments:
              dev: argocd/overlays/dev
              prod: argocd/overlays/prod
            packs: [vixens-maturity, packs/acme.rulepack.yaml]
            rules:
              VX4003: none
              VX4001: warning
            exclude: ["apps/99-test/**"]
            kubernetesVersion: "1.33"
            failOn: warning
            baseline: .vixens-lint.baseline.json
            """);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Environments["prod"], Is.EqualTo("argocd/overlays/prod"));
            Assert.That(settings.Packs, Is.EqualTo(new[] { "vixens-maturity", "packs/acme.rulepack.yaml" }));
            Assert.That(settings.SeverityOverrides["VX4003"], Is.EqualTo(Severity.None));
            Assert.That(settings.SeverityOverrides["VX4001"], Is.EqualTo(Severity.Warning));
            Assert.That(settings.Exclude, Is.EqualTo(new[] { "apps/99-test/**" }));
            Assert.That(settings.KubernetesVersion, Is.EqualTo("1.33"));
            Assert.That(settings.FailOn, Is.EqualTo(Severity.Warning));
            Assert.That(settings.BaselinePath, Is.EqualTo(".vixens-lint.baseline.json"));
        });
    }

    [Test]
    public void Unknown_key_is_an_error_with_did_you_mean_and_line()
    {
        var ex = Assert.Throws<ConfigurationException>(() => SettingsLoader.Load("/repo/.vixens-lint.yaml", "packs: []\nexlude:\n  - foo\n"))!;
        var error = ex.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("did you mean \"exclude\""));
            Assert.That(error.Location.StartLine, Is.EqualTo(2));
            Assert.That(ex.Message, Does.Contain(".vixens-lint.yaml(2,1)"));
        });
    }

    [Test]
    public void Bad_severity_suggests_the_closest()
    {
        var ex = Assert.Throws<ConfigurationException>(() => SettingsLoader.Load("/repo/.vixens-lint.yaml", "rules:\n  VX4003: warnng\n"))!;
        Assert.That(ex.Errors.Single().Message, Does.Contain("did you mean \"warning\""));
        Assert.That(ex.Errors.Single().Location.StartLine, Is.EqualTo(2));
    }

    [Test]
    public void Wrong_type_is_reported_by_the_settings_schema()
    {
        var ex = Assert.Throws<ConfigurationException>(() => SettingsLoader.Load("/repo/.vixens-lint.yaml", "exclude: apps/**\n"))!;
        Assert.That(ex.Errors.Single().Location.StartLine, Is.EqualTo(1));
    }

    [Test]
    public void Missing_file_gives_defaults_and_settings_severity_none_disables_a_rule()
    {
        using var ws = new TestWorkspace();
        Assert.That(SettingsLoader.LoadFromRoot(ws.Root).Packs, Is.Empty);
        ws.Write(".vixens-lint.yaml", "packs: [vixens-maturity]\nrules:\n  VX4001: none\n");
        ws.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx\n");
        var settings = SettingsLoader.LoadFromRoot(ws.Root);
        var result = ws.Lint(RuleCatalogFactory.Create(settings), settings);
        Assert.That(result.Diagnostics.Where(d => d.Id == "VX4001"), Is.Empty);
        Assert.That(result.Catalog.Find("VX4006"), Is.Not.Null, "the pack named in settings is loaded");
        Assert.That(result.Diagnostics.Where(d => d.Id == "VX4006"), Is.Not.Empty);
    }

    [Test]
    public void Levenshtein_distance()
    {
        Assert.That(Levenshtein.Distance("kitten", "sitting"), Is.EqualTo(3));
        Assert.That(Levenshtein.Suggest("kubernetesVersoin", SettingsLoader.TopLevelKeys), Is.EqualTo("kubernetesVersion"));
        Assert.That(Levenshtein.Suggest("zzz", SettingsLoader.TopLevelKeys), Is.Null);
    }
}

[TestFixture]
public sealed class SettingsRuleIdTests
{
    [Test]
    public void Unknown_rule_id_in_settings_is_an_error_with_a_suggestion()
    {
        using var ws = new TestWorkspace();
        ws.Write(".vixens-lint.yaml", "packs: [vixens-maturity]\nrules:\n  VX4001: none\n  VX4060: note\n");
        var settings = SettingsLoader.LoadFromRoot(ws.Root);
        var ex = Assert.Throws<ConfigurationException>(() => RuleCatalogFactory.Create(settings))!;
        Assert.That(ex.Errors.Single().Location.StartLine, Is.EqualTo(4));
        Assert.That(ex.Errors.Single().Message, Does.Contain("VX4060").And.Contain("did you mean"));
    }
}
