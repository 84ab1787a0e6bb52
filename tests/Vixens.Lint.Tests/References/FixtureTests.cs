using NUnit.Framework;
using Vixens.Lint.Rules;
using Vixens.Lint.Rules.References;
using Vixens.Lint.Rules.Storage;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.References;

/// <summary>Each rule's <c>Fixtures/rules/VXnnnn/fail.yaml</c> must produce it, and <c>pass.yaml</c> must not.</summary>
public sealed class FixtureTests
{
    private static readonly RuleCatalog Catalog = new([.. ReferenceRules.All, .. StorageRules.All], []);

    private static string FixtureDirectory(string id) => Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Fixtures", "rules", id);

    public static IEnumerable<string> Ids() => Catalog.Descriptors.Select(d => d.Id);

    [TestCaseSource(nameof(Ids))]
    public void Fail_fixture_produces_the_rule_and_pass_fixture_does_not(string id)
    {
        var fail = Run(Path.Combine(FixtureDirectory(id), "fail.yaml"));
        var pass = Run(Path.Combine(FixtureDirectory(id), "pass.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(fail.Where(d => d.Id == id), Is.Not.Empty, "fail.yaml");
            Assert.That(pass.Where(d => d.Id == id).Select(d => d.ToString()), Is.Empty, "pass.yaml");
        });
    }

    [TestCaseSource(nameof(Ids))]
    public void Rule_has_a_docs_page_with_the_required_sections(string id)
    {
        var page = RuleDocs.TryGet(id);
        Assert.That(page, Is.Not.Null, $"docs/rules/{id}.md is missing");
        foreach (var section in new[] { "## Why", "## Bad example", "## Good example", "## How to fix", "## How to suppress" })
        {
            Assert.That(page, Does.Contain(section));
        }

        Assert.That(page, Does.StartWith($"# {id}: "));
    }

    private static List<Diagnostics.Diagnostic> Run(string path)
    {
        var resources = RuleHarness.Resources(File.ReadAllText(path), path);
        return RuleHarness.Run(Catalog.Rules, resources, resources);
    }
}
