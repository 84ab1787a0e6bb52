using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Rules;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.References;

/// <summary>Runs rules over inline manifests, the way the engine does for one unit of one environment.</summary>
internal static class RuleHarness
{
    public const string File = "/repo/test.yaml";

    public static List<KubeResource> Resources(string yaml, string path = File)
    {
        var file = YamlLoader.Parse(path, yaml);
        if (file.HasErrors)
        {
            throw new InvalidOperationException(string.Join("; ", file.Diagnostics));
        }

        return file.Documents.Select(d => d.Root).OfType<YamlMapping>().Select(m => new KubeResource(m)).ToList();
    }

    /// <summary>Runs <paramref name="rule"/> on <paramref name="yaml"/>; <paramref name="otherUnits"/> are the rest of the environment.</summary>
    public static List<Diagnostic> Run(Rule rule, string yaml, string? otherUnits = null)
    {
        var unit = Resources(yaml);
        var environment = otherUnits is null ? unit : [.. unit, .. Resources(otherUnits, "/repo/other.yaml")];
        return Run([rule], unit, environment);
    }

    public static List<Diagnostic> Run(IEnumerable<Rule> rules, IReadOnlyList<KubeResource> unit, IReadOnlyList<KubeResource> environment) =>
        Run(rules, unit, new ResourceIndex(environment));

    public static List<Diagnostic> Run(IEnumerable<Rule> rules, IReadOnlyList<KubeResource> unit, ResourceIndex environment)
    {
        var sink = new List<Diagnostic>();
        var context = new RuleContext(unit, sink, "prod", environment);
        foreach (var rule in rules)
        {
            rule.Analyze(context);
        }

        return sink;
    }

    public static (int Line, int Column) At(Diagnostic diagnostic) => (diagnostic.Location.StartLine, diagnostic.Location.StartColumn);

    /// <summary>A Deployment in namespace <c>apps</c> whose pod template has <paramref name="labels"/> and <paramref name="podSpec"/> (indented 6).</summary>
    public static string Deployment(string name, string labels = "app: web", string podSpec = "", string spec = "") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: apps
        spec:
        {Indent(spec, 2)}  selector:
            matchLabels:
              {labels}
          template:
            metadata:
              labels:
                {labels}
            spec:
        {Indent(podSpec, 6)}      containers:
                - name: {name}
                  image: nginx:1.27
        """;

    private static string Indent(string text, int spaces) =>
        text.Length == 0 ? string.Empty : string.Concat(text.Split('\n').Select(l => new string(' ', spaces) + l.TrimEnd('\r') + "\n"));
}
