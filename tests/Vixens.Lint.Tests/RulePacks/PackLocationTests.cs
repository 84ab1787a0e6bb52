using NUnit.Framework;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Rules;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.RulePacks;

[TestFixture]
public sealed class PackLocationTests
{
    private static List<Diagnostic> Run(string yaml, Action<YamlMapping>? mutate = null)
    {
        var root = (YamlMapping)YamlLoader.Parse("/repo/apps/x/base/deploy.yaml", yaml).Documents[0].Root!;
        mutate?.Invoke(root);
        var resources = new List<KubeResource> { new(root) };
        var sink = new List<Diagnostic>();
        foreach (var rule in Lint.Rules.Packs.RuleCatalogFactory.AllBuiltIn.Rules)
        {
            rule.Analyze(new RuleContext(resources, sink));
        }

        return sink;
    }

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              labels:
                app: web
            spec:
              initContainers:
              containers:
                - name: web
                  image: nginx:1.27
        """;

    [Test]
    public void A_failing_not_is_reported_at_the_mapping_it_applies_to()
    {
        var sizing = Run(Deployment).Single(d => d.Id == "VX4016");
        Assert.That((sizing.Location.StartLine, sizing.Location.StartColumn), Is.EqualTo((8, 7)), "the pod template's labels key");
    }

    [Test]
    public void A_null_list_does_not_satisfy_contains()
    {
        var restore = Run(Deployment).Single(d => d.Id == "VX4026");
        Assert.That(restore.Location.StartLine, Is.EqualTo(11), "initContainers: (null)");
    }

    [Test]
    public void Missing_property_of_a_container_is_reported_at_its_name()
    {
        var startup = Run(Deployment).Single(d => d.Id == "VX4006");
        Assert.That(startup.Location.StartLine, Is.EqualTo(13));
        Assert.That(startup.Message, Does.Contain("Container \"web\" of Deployment/web"));
    }

    [Test]
    public void Rendered_nodes_are_reported_where_a_human_edits_them()
    {
        var patch = new SourceSpan("/repo/apps/x/overlays/prod/patch.yaml", 7, 9, 7, 20);
        var diagnostics = Run(Deployment.Replace("nginx:1.27", "nginx:latest", StringComparison.Ordinal) + "\n", root =>
        {
            var spec = (YamlMapping)root.GetPath("spec")!;
            spec.Set("revisionHistoryLimit", new YamlScalar("10", patch) { Provenance = new Provenance(ProvenanceKind.Patch, patch, "patches[0]") });
        });
        var limit = diagnostics.Single(d => d.Id == "VX4012");
        Assert.That(limit.Location, Is.EqualTo(patch));
    }
}
