using NUnit.Framework;
using Vixens.Lint.GitOps.ApplicationSets;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.GitOps.ApplicationSets;

/// <summary>The pieces of ArgoCD's templating, checked against its tests (utils_test.go) and Go's own outputs.</summary>
[TestFixture]
public sealed class TemplatingTests
{
    private static readonly Dictionary<string, object?> Parameters = new()
    {
        ["one"] = "two",
        ["path.basename"] = "app",
        ["list"] = new List<object?> { "x" },
    };

    [TestCase("{{one}}", "two")]
    [TestCase("{{ one }}/{{path.basename}}", "two/app")]
    [TestCase("{{unknown}}-{{ }}", "{{unknown}}-{{ }}")]
    [TestCase("{{list}}", "{{list}}")]
    [TestCase("no tags at all", "no tags at all")]
    [TestCase("only an opening {{ on this line", "only an opening {{ on this line")]
    [TestCase("{{\none}}", "{{\none}}")]
    public void Fasttemplate_substitutes_string_parameters_only(string template, string expected) =>
        Assert.That(FastTemplate.Replace(template, Parameters), Is.EqualTo(expected));

    [Test]
    public void Fasttemplate_unterminated_tag_after_a_tag_is_an_error() =>
        Assert.That(() => FastTemplate.Replace("{{one}} {{two", Parameters), Throws.InstanceOf<TemplateException>().With.Message.Contains("cannot find end tag"));

    [TestCase(1.0, "1")]
    [TestCase(123.0, "123")]
    [TestCase(999999.0, "999999")]
    [TestCase(1000000.0, "1e+06")]
    [TestCase(1234567.0, "1.234567e+06")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001, "1e-05")]
    [TestCase(1.5, "1.5")]
    [TestCase(-2.25, "-2.25")]
    [TestCase(608863452348.1149, "6.088634523481149e+11")]
    [TestCase(1e21, "1e+21")]
    public void Numbers_print_as_go_percent_v_of_float64(double value, string expected) =>
        Assert.That(ParamValues.FormatFloat(value), Is.EqualTo(expected));

    [Test]
    public void Yaml_scalars_read_as_sigs_k8s_io_yaml_does()
    {
        var file = YamlLoader.Parse("/x.yaml", "{a: yes, b: off, c: 010, d: 0x1F, e: 1_000, f: '3', g: ~, h: 1.5e3, i: text, j: \"true\"}");
        var map = (Dictionary<string, object?>)ParamValues.FromYaml(file.Documents[0].Root!)!;
        Assert.That(map["a"], Is.EqualTo(true));
        Assert.That(map["b"], Is.EqualTo(false));
        Assert.That(map["c"], Is.EqualTo(8.0));
        Assert.That(map["d"], Is.EqualTo(31.0));
        Assert.That(map["e"], Is.EqualTo(1000.0));
        Assert.That(map["f"], Is.EqualTo("3"));
        Assert.That(map["g"], Is.Null);
        Assert.That(map["h"], Is.EqualTo(1500.0));
        Assert.That(map["i"], Is.EqualTo("text"));
        Assert.That(map["j"], Is.EqualTo("true"));
    }

    [TestCase("feat/a_really+long_pull_request_name_to_test_argo_slugification_and_branch_name_shortening_feature", false, 50, "feat-a-really-long-pull-request-name-to-test-argo")]
    [TestCase("feat/a_really+long_pull_request_name_to_test_argo_slugification_and_branch_name_shortening_feature", true, 53, "feat-a-really-long-pull-request-name-to-test-argo")]
    [TestCase("feat/areallylongpullrequestnametotestargoslugificationandbranchnameshorteningfeature", true, 50, "feat")]
    [TestCase("feat/areallylongpullrequestnametotestargoslugificationandbranchnameshorteningfeature", false, 50, "feat-areallylongpullrequestnametotestargoslugifica")]
    public void Slugify_matches_argocd_tests(string name, bool smart, int length, string expected) =>
        Assert.That(ArgoNames.Slugify(name, length, smart), Is.EqualTo(expected));

    [TestCase("app_3", "app-3")]
    [TestCase("file_name.yaml", "file-name.yaml")]
    [TestCase("-My.App_Ü-", "my.app")]
    [TestCase("..x..", "x")]
    public void Normalize_is_argocd_sanitize_name(string name, string expected) =>
        Assert.That(ArgoNames.Normalize(name), Is.EqualTo(expected));

    [TestCase("*", "app", true)]
    [TestCase("*", "p1/app", false)]
    [TestCase("p1/*", "p1/app", true)]
    [TestCase("p?/app", "p1/app", true)]
    [TestCase("p[0-9]/app", "p1/app", true)]
    [TestCase("p[^0-9]/app", "p1/app", false)]
    [TestCase("p[!0-9]/app", "p!/app", true)]
    [TestCase("a\\*b", "a*b", true)]
    [TestCase("[", "[", false)]
    public void Directories_match_with_go_path_match(string pattern, string path, bool expected)
    {
        var regex = PathPatterns.GoPathMatch(pattern);
        Assert.That(regex is not null && regex.IsMatch(path), Is.EqualTo(expected));
    }

    [TestCase("apps", "apps/a/config.json", true)]
    [TestCase("apps/", "apps/a/config.json", true)]
    [TestCase("app", "apps/a/config.json", false)]
    [TestCase("apps/*/config.json", "apps/a/b/config.json", true)]
    [TestCase("**/config.json", "config.json", false)]
    [TestCase("*config.json", "config.json", true)]
    [TestCase(".", "anything/at/all", true)]
    public void Files_match_with_git_pathspecs(string pattern, string path, bool expected) =>
        Assert.That(PathPatterns.GitPathspec(pattern)(path), Is.EqualTo(expected));

    [TestCase("**/config.json", "config.json", true)]
    [TestCase("**/config.json", "a/b/config.json", true)]
    [TestCase("apps/*/config.json", "apps/a/b/config.json", false)]
    [TestCase("apps/{dev,prod}/*.yaml", "apps/prod/x.yaml", true)]
    [TestCase("apps/**", "apps/a/b", true)]
    public void Files_match_with_doublestar_when_new_globbing_is_on(string pattern, string path, bool expected) =>
        Assert.That(PathPatterns.Doublestar(pattern)!.IsMatch(path), Is.EqualTo(expected));

    [Test]
    public void Generated_nodes_point_at_the_template_line_a_human_edits()
    {
        var folder = Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "GitOps", "ApplicationSets", "Fixtures", "list-basic");
        var expansion = ApplicationSetFixtureTests.Expand(folder);
        var application = expansion.Applications[1];
        var path = application.Root.GetPath("spec", "source", "path")!;
        Assert.That((path.EditLocation.StartLine, path.EditLocation.StartColumn), Is.EqualTo((24, 15)), "spec.template.spec.source.path line");
        Assert.That(path.Provenance!.Kind, Is.EqualTo(ProvenanceKind.Generator));
        Assert.That(path.EditLocation.File, Does.EndWith("applicationset.yaml"));
        Assert.That(application.ParameterOrigins.Single().StartLine, Is.EqualTo(12), "the list element that fed it");
        Assert.That(application.Root.GetPath("metadata", "namespace")!.Provenance!.Kind, Is.EqualTo(ProvenanceKind.Generator));
    }

    [Test]
    public void A_sprig_function_the_engine_lacks_makes_the_generator_unrendered_not_wrong()
    {
        var text = "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: s, namespace: argocd}\nspec:\n  goTemplate: true\n  generators:\n  - list: {elements: [{a: p}, {a: q}]}\n"
            + "  template:\n    metadata: {name: '{{ .a | upper }}'}\n    spec: {project: default}\n";
        var file = YamlLoader.Parse("/work/appset.yaml", text);
        var withoutSprig = new ApplicationSetExpander(new ExpansionOptions { GoTemplates = new ArgoGoTemplateEngine([]) }).Expand((YamlMapping)file.Documents[0].Root!, text);
        Assert.That(withoutSprig.Applications, Is.Empty);
        Assert.That(withoutSprig.Unrendered.Single().Reason, Does.Contain("Sprig function \"upper\""), "once, though two parameter sets hit it");
        Assert.That(withoutSprig.Diagnostics.Single().Id, Is.EqualTo("VX0303"));

        var withSprig = new ApplicationSetExpander(new ExpansionOptions { GoTemplates = ArgoGoTemplateEngine.Create() }).Expand((YamlMapping)file.Documents[0].Root!, text);
        Assert.That(withSprig.Applications.Select(a => a.Name), Is.EqualTo(new[] { "P", "Q" }), string.Join("\n", withSprig.Diagnostics));
        Assert.That(ArgoGoTemplateEngine.Create().MissingSprigFunctions, Is.Empty, "every Sprig function ArgoCD offers is in this build");
    }

    /// <summary>patch_test.go: a patch cannot change the project, even by removing the whole spec.</summary>
    [TestCase("spec: null")]
    [TestCase("spec:\n  project: other")]
    [TestCase("{\"spec\": {\"project\": null, \"source\": {\"path\": \"p\"}}}")]
    public void TemplatePatch_cannot_change_the_project(string patch)
    {
        var text = "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: p, namespace: argocd}\nspec:\n  generators:\n  - list: {elements: [{a: '1'}]}\n"
            + "  template:\n    metadata: {name: app}\n    spec: {project: default, source: {repoURL: r, path: x}}\n  templatePatch: " + System.Text.Json.JsonSerializer.Serialize(patch) + "\n";
        var file = YamlLoader.Parse("/work/appset.yaml", text);
        var expansion = new ApplicationSetExpander(new ExpansionOptions()).Expand((YamlMapping)file.Documents[0].Root!, text);
        Assert.That(expansion.Diagnostics, Is.Empty);
        Assert.That(((YamlScalar)expansion.Applications.Single().Root.GetPath("spec", "project")!).Value, Is.EqualTo("default"));
    }

    [Test]
    public void TemplatePatch_nodes_point_at_the_patch_line()
    {
        var folder = Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "GitOps", "ApplicationSets", "Fixtures", "template-patch");
        var application = ApplicationSetFixtureTests.Expand(folder).Applications.Single();
        var prune = application.Root.GetPath("spec", "syncPolicy", "automated", "prune")!;
        Assert.That(prune.Provenance!.Kind, Is.EqualTo(ProvenanceKind.Patch));
        Assert.That((prune.EditLocation.StartLine, prune.EditLocation.StartColumn), Is.EqualTo((44, 18)), "  prune: {{autoSync}} inside templatePatch");
        var kept = application.Root.GetPath("metadata", "annotations", "keep")!;
        Assert.That(kept.EditLocation.StartLine, Is.EqualTo(18), "untouched by the patch: the template line");
    }
}

/// <summary>The VX03xx descriptors are reported by the expander, not by a rule: each still needs its docs page.</summary>
[TestFixture]
public sealed class ApplicationSetDescriptorTests
{
    private static readonly string[] Sections = ["## Why", "## Bad example", "## Good example", "## How to fix", "## How to suppress"];

    [Test]
    public void Every_descriptor_has_a_docs_page_in_the_VX03xx_range()
    {
        Assert.That(ApplicationSetDescriptors.All.Select(d => d.Id), Is.Unique.And.All.Match("^VX03[0-9][0-9]$"));
        foreach (var descriptor in ApplicationSetDescriptors.All)
        {
            var page = Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.That(File.Exists(page), Is.True, page);
            var text = File.ReadAllText(page);
            Assert.That(text, Does.StartWith($"# {descriptor.Id}: {descriptor.Title}"));
            foreach (var section in Sections)
            {
                Assert.That(text, Does.Contain(section), $"{descriptor.Id}.md lacks {section}");
            }
        }
    }
}
