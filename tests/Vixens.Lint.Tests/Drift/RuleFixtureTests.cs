using NUnit.Framework;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules;
using Vixens.Lint.Rules.Conventions;
using Vixens.Lint.Rules.Drift;
using Vixens.Lint.Rules.Sanity;
using Vixens.Lint.Tests.Conventions;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Drift;

/// <summary>Every rule of the drift, sanity and conventions families: fixtures fail/pass, and a complete docs page.</summary>
public sealed class RuleFixtureTests
{
    private static IEnumerable<Rule> AllRules() => [.. DriftRules.All, .. SanityRules.All, .. ConventionRules.All];

    private static IEnumerable<TestCaseData> Cases() =>
        AllRules().Select(r => new TestCaseData(r).SetArgDisplayNames(r.SupportedDiagnostics[0].Id));

    [TestCaseSource(nameof(Cases))]
    public void Fail_fixture_reports_the_rule_and_pass_fixture_does_not(Rule rule)
    {
        var id = rule.SupportedDiagnostics[0].Id;
        List<Diagnostic> fail;
        List<Diagnostic> pass;
        if (rule is RepositoryRule repositoryRule)
        {
            fail = ConventionRuleTests.Run(repositoryRule, RuleHarness.Fixture(id, "fail"));
            pass = ConventionRuleTests.Run(repositoryRule, RuleHarness.Fixture(id, "pass"));
        }
        else
        {
            fail = RuleHarness.RunFixture(rule, id, "fail.yaml");
            pass = RuleHarness.RunFixture(rule, id, "pass.yaml");
        }

        Assert.Multiple(() =>
        {
            Assert.That(fail.Select(d => d.Id), Is.Not.Empty.And.All.EqualTo(id), "fail fixture");
            Assert.That(pass.Select(RuleHarness.Show), Is.Empty, "pass fixture");
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Rule_has_a_docs_page_with_every_section(Rule rule)
    {
        foreach (var descriptor in rule.SupportedDiagnostics)
        {
            var page = RuleDocs.TryGet(descriptor.Id);
            Assert.That(page, Is.Not.Null, descriptor.Id);
            Assert.That(page, Does.StartWith($"# {descriptor.Id}: {descriptor.Title}\n"));
            foreach (var section in new[] { "## Why", "## Bad example", "## Good example", "## How to fix", "## How to suppress" })
            {
                Assert.That(page, Does.Contain("\n" + section + "\n"), $"{descriptor.Id} {section}");
            }

            Assert.That(page, Does.Contain($"{descriptor.Id}: none"), "documents turning it off");
        }
    }

    [Test]
    public void Descriptors_are_unique_and_in_their_family()
    {
        var descriptors = AllRules().SelectMany(r => r.SupportedDiagnostics).ToList();
        Assert.That(descriptors.Select(d => d.Id), Is.Unique);
        Assert.Multiple(() =>
        {
            Assert.That(DriftRules.All.SelectMany(r => r.SupportedDiagnostics).Select(d => (d.Id[..4], d.Category)), Is.All.EqualTo(("VX31", "gitops")));
            Assert.That(SanityRules.All.SelectMany(r => r.SupportedDiagnostics).Select(d => (d.Id[..4], d.Category)), Is.All.EqualTo(("VX41", "reliability")));
            Assert.That(ConventionRules.All.SelectMany(r => r.SupportedDiagnostics).Select(d => (d.Id[..3], d.Category)), Is.All.EqualTo(("VX7", "conventions")));
            Assert.That(descriptors, Is.SubsetOf(RuleCatalog.Default.Descriptors), "registered in the built-in catalog");
        });
    }
}
