using Vixens.Lint.Diagnostics;
using NUnit.Framework;
using Vixens.Lint.GitOps.ApplicationSets;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.GitOps.ApplicationSets;

/// <summary>
/// One folder per case under Fixtures/: <c>applicationset.yaml</c>, the Applications ArgoCD generates written out in
/// <c>expected.yaml</c> (in ArgoCD's order; empty when none), the expected VX03xx findings in
/// <c>expected-diagnostics.txt</c> (<c>ID file:line:column | message excerpt</c>), and optionally a <c>repo/</c> tree
/// (the repository behind https://github.com/example/gitops.git) and <c>clusters.yaml</c> (cluster Secrets).
/// Expectations were worked out from ArgoCD's generator code and checked against its controller tests
/// (applicationset/generators/*_test.go, controllers/template/*_test.go).
/// </summary>
[TestFixture]
public sealed class ApplicationSetFixtureTests
{
    private const string RepositoryUrl = "https://github.com/example/gitops.git";

    private static string FixtureRoot => Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "GitOps", "ApplicationSets", "Fixtures");

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.GetDirectories(FixtureRoot).Order(StringComparer.Ordinal).Select(d => new TestCaseData(Path.GetFileName(d)).SetName("AppSet " + Path.GetFileName(d)));

    [Test]
    public void All_fixtures_are_present() =>
        Assert.That(Directory.GetDirectories(FixtureRoot), Has.Length.GreaterThanOrEqualTo(25), "ApplicationSet fixtures are missing");

    [TestCaseSource(nameof(Cases))]
    public void Expands_as_ArgoCD_does(string name)
    {
        var folder = Path.Combine(FixtureRoot, name);
        // Every case runs with the Go template engine and Sprig, except the one that checks what happens without an engine.
        var expansion = Expand(folder, name == "gotemplate-without-engine" ? null : ArgoGoTemplateEngine.Create());

        var expectedFile = YamlLoader.LoadFile(Path.Combine(folder, "expected.yaml"));
        Assert.That(expectedFile.HasErrors, Is.False, string.Join("\n", expectedFile.Diagnostics));
        var expected = expectedFile.Documents.Where(d => d.Root is not null).Select(d => CanonicalYaml.Of(d.Root)).ToList();
        var actual = expansion.Applications.Select(a => CanonicalYaml.Of(a.Root)).ToList();
        Assert.That(string.Join("---\n", actual), Is.EqualTo(string.Join("---\n", expected)), $"{name}: generated Applications");

        var expectedDiagnostics = ReadExpectedDiagnostics(folder);
        var actualDiagnostics = expansion.Diagnostics.Select(d => $"{d.Id} {Relative(folder, d.Location)}").ToList();
        Assert.That(actualDiagnostics, Is.EqualTo(expectedDiagnostics.Select(e => e.Key).ToList()),
            $"{name}: diagnostics were\n{string.Join("\n", expansion.Diagnostics)}");
        foreach (var ((_, excerpt), diagnostic) in expectedDiagnostics.Zip(expansion.Diagnostics))
        {
            Assert.That(diagnostic.Message, Does.Contain(excerpt), name);
        }

        Assert.That(expansion.Unrendered, Has.Count.EqualTo(expansion.Diagnostics.Count(d => d.Id == "VX0303")), "every unrendered generator is reported");
    }

    internal static ApplicationSetExpansion Expand(string folder, IGoTemplateEngine? engine = null)
    {
        var file = YamlLoader.LoadFile(Path.Combine(folder, "applicationset.yaml"));
        Assert.That(file.HasErrors, Is.False, string.Join("\n", file.Diagnostics));
        var clusters = new List<ClusterDeclaration>();
        var clustersPath = Path.Combine(folder, "clusters.yaml");
        if (File.Exists(clustersPath))
        {
            clusters.AddRange(YamlLoader.LoadFile(clustersPath).Documents.Select(d => d.Root).OfType<YamlMapping>().Select(ClusterDeclaration.FromSecret).OfType<ClusterDeclaration>());
            Assert.That(clusters, Is.Not.Empty, "clusters.yaml declares no cluster Secret");
        }

        var repositories = new RepositoryMap();
        var repo = Path.Combine(folder, "repo");
        if (Directory.Exists(repo))
        {
            repositories.Add(RepositoryUrl, new FileSystemRepositoryView(repo));
        }

        var options = new ExpansionOptions { Repositories = repositories, Clusters = clusters, DefaultNamespace = "argocd", GoTemplates = engine };
        return new ApplicationSetExpander(options).Expand((YamlMapping)file.Documents[0].Root!, file.Text);
    }

    private static List<KeyValuePair<string, string>> ReadExpectedDiagnostics(string folder)
    {
        var path = Path.Combine(folder, "expected-diagnostics.txt");
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | ", 2))
            .Select(p => new KeyValuePair<string, string>(p[0].Trim(), p.Length > 1 ? p[1].Trim() : string.Empty))
            .ToList();
    }

    private static string Relative(string folder, SourceSpan span) =>
        $"{Path.GetRelativePath(folder, span.File).Replace('\\', '/')}:{span.StartLine}:{span.StartColumn}";
}
