using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Rules;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.Infrastructure;

/// <summary>Runs rules on inline manifests or fixture files, the way the engine does for one analysis unit.</summary>
internal static class RuleHarness
{
    public const string File = "/repo/test.yaml";

    public static IReadOnlyList<KubeResource> Load(string yaml, string path = File)
    {
        var loaded = ManifestLoader.Classify(YamlLoader.Parse(path, yaml));
        return loaded.Resources;
    }

    public static List<Diagnostic> Run(Rule rule, string yaml, ArgoApplication? application = null)
    {
        var resources = Load(yaml);
        if (application is not null)
        {
            foreach (var resource in resources)
            {
                resource.Application = application.Name;
                resource.Environment = "prod";
            }
        }

        return Run(rule, resources, application);
    }

    public static List<Diagnostic> Run(Rule rule, IReadOnlyList<KubeResource> resources, ArgoApplication? application = null)
    {
        var sink = new List<Diagnostic>();
        var lookup = application is null ? null : new ApplicationLookup([("prod", application)]);
        rule.Analyze(new RuleContext(resources, sink, "prod", applicationOf: lookup is null ? null : lookup.Find));
        return sink;
    }

    public static ArgoApplication Application(string yaml) => ArgoApplication.Read(Load(yaml, "/repo/app.yaml").Single());

    public static string Fixture(string id, string name) =>
        Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Fixtures", "rules", id, name);

    public static List<Diagnostic> RunFixture(Rule rule, string id, string name)
    {
        var path = Fixture(id, name);
        var resources = ManifestLoader.Classify(YamlLoader.LoadFile(path)).Resources;
        return Run(rule, resources);
    }

    /// <summary><c>line:column message</c>, the shape the assertions compare.</summary>
    public static string Show(Diagnostic d) => $"{d.Location.StartLine}:{d.Location.StartColumn} {d.Id} {d.Message}";
}
