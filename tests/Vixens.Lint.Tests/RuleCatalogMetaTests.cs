using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules;

namespace Vixens.Lint.Tests;

/// <summary>
/// Every rule in the catalog has a docs page (docs/rules/VXnnnn.md with the standard sections) and a failing and a
/// passing fixture (Fixtures/rules/VXnnnn/{fail,pass}.yaml); the fail fixture fires the rule and the pass one does not.
/// An optional bypass.yaml (the failing bundle with the rule's bypass annotation, or without its opt-in) must not fire.
/// Fixtures are analysed as if they were a prod overlay (apps/10-demo/web/overlays/prod), so environment-aware rules apply.
/// </summary>
[TestFixture]
public sealed class RuleCatalogMetaTests
{
    private static readonly string[] Sections = ["## Why", "## Bad example", "## Good example", "## How to fix", "## How to suppress"];

    private static string RepositoryRoot => Infrastructure.TestPaths.RepositoryRoot;

    public static IEnumerable<TestCaseData> RuleIds() =>
        Lint.Rules.Packs.RuleCatalogFactory.AllBuiltIn.Rules.SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)
            .Select(id => new TestCaseData(id).SetName($"Rule {id}"));

    [TestCaseSource(nameof(RuleIds))]
    public void Rule_has_docs_and_fixtures_that_behave(string id)
    {
        var doc = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.That(File.Exists(doc), Is.True, $"missing {doc}");
        var text = File.ReadAllText(doc);
        foreach (var section in Sections)
        {
            Assert.That(text, Does.Contain(section), $"{id}.md lacks '{section}'");
        }

        if (Lint.Rules.Packs.RuleCatalogFactory.AllBuiltIn.Find(id)?.Tier is not null)
        {
            Assert.That(text, Does.Contain("## Tier"), $"{id}.md lacks '## Tier' (the rule has a maturity tier)");
        }

        var fixtures = Path.Combine(RepositoryRoot, "tests", "Vixens.Lint.Tests", "Fixtures", "rules", id);
        var fail = Run(FixturePath(fixtures, "fail"));
        var pass = Run(FixturePath(fixtures, "pass"));
        var bypassFixture = Path.Combine(fixtures, "bypass.yaml");
        var bypass = File.Exists(bypassFixture) ? Run(bypassFixture) : [];
        Assert.Multiple(() =>
        {
            Assert.That(fail.Where(d => d.Id == id), Is.Not.Empty, $"{id}: fail.yaml does not fire");
            Assert.That(pass.Where(d => d.Id == id), Is.Empty, $"{id}: pass.yaml fires");
            Assert.That(bypass.Where(d => d.Id == id), Is.Empty, $"{id}: bypass.yaml (optional: bypass annotation or opt-in removed) fires");
        });
    }

    /// <summary>Pages tell users what to write in <c>.vixens-lint.yaml</c>; a key the settings loader rejects turns that advice into exit code 2.</summary>
    [Test]
    public void Settings_keys_named_in_rule_pages_exist()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "schemas", "settings.schema.json")));
        var keys = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var mentioned = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "rules"), "*.md")
            .SelectMany(page => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(page), @"under `([A-Za-z]+):`")
                .Select(m => (Page: Path.GetFileName(page), Key: m.Groups[1].Value)))
            .ToList();
        Assert.That(mentioned, Is.Not.Empty);
        Assert.That(mentioned.Where(m => !keys.Contains(m.Key)), Is.Empty);
    }

    [Test]
    public void Pipeline_configuration_descriptors_have_docs()
    {
        foreach (var descriptor in Lint.Configuration.ConfigurationDescriptors.All)
        {
            Assert.That(File.Exists(Path.Combine(RepositoryRoot, "docs", "rules", descriptor.Id + ".md")), Is.True, descriptor.Id);
        }
    }

    [Test]
    public void Every_maturity_rule_has_a_tier_and_ids_are_in_their_family()
    {
        foreach (var descriptor in Lint.Rules.Packs.RuleCatalogFactory.AllBuiltIn.Rules.SelectMany(r => r.SupportedDiagnostics))
        {
            if (descriptor.Tier is not null)
            {
                Assert.That(descriptor.Id, Does.StartWith("VX4").Or.StartWith("VX5"), descriptor.Id);
            }

            if (descriptor.Category == "security" && descriptor.Id.StartsWith("VX5", StringComparison.Ordinal))
            {
                Assert.That(descriptor.SecuritySeverity, Is.Not.Null, descriptor.Id);
            }
        }
    }

    /// <summary>A fixture is one YAML file, or, for repository-level rules (VX7xxx), a small repository tree.</summary>
    private static string FixturePath(string fixtures, string name) =>
        Directory.Exists(Path.Combine(fixtures, name)) ? Path.Combine(fixtures, name) : Path.Combine(fixtures, name + ".yaml");

    private static List<Diagnostic> Run(string fixture)
    {
        if (Directory.Exists(fixture))
        {
            return LintEngine.Run(new LintRequest(fixture) { RepositoryRoot = fixture, Catalog = Lint.Rules.Packs.RuleCatalogFactory.AllBuiltIn }).Diagnostics.Where(d => !d.IsSuppressed).ToList();
        }

        Assert.That(File.Exists(fixture), Is.True, $"missing {fixture}");
        var root = Path.Combine(Path.GetTempPath(), "vxmeta-" + Guid.NewGuid().ToString("N")[..12]);
        var target = Path.Combine(root, "apps", "10-demo", "web", "overlays", "prod");
        Directory.CreateDirectory(target);
        try
        {
            File.Copy(fixture, Path.Combine(target, "fixture.yaml"));
            return LintEngine.Run(new LintRequest(root) { RepositoryRoot = root, Catalog = Lint.Rules.Packs.RuleCatalogFactory.AllBuiltIn }).Diagnostics.Where(d => !d.IsSuppressed).ToList();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
