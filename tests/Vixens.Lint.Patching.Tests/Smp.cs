using Vixens.Lint.Kustomize.Patching;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Patching.Tests;

internal static class Smp
{
    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          finalizers: [a, b]
        spec:
          template:
            spec:
              containers:
              - name: c1
                image: i1
                args: [x, y]
                env:
                - {name: A, value: "1"}
                - {name: B, value: "2"}
                ports:
                - {containerPort: 80, protocol: TCP}
              - name: c2
                image: i2
              volumes:
              - {name: v1, emptyDir: {}}
              - {name: v2, configMap: {name: cm}}
        """;

    /// <summary>Wraps a pod-spec fragment in a Deployment patch header.</summary>
    public static string PodPatch(string podSpecYaml)
    {
        var indented = string.Join("\n", podSpecYaml.Split('\n').Select(l => "      " + l));
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n" + indented + "\n";
    }

    public static PatchOutcome Apply(string target, string patch) =>
        StrategicMergePatch.Apply(Yaml.Map(target), Yaml.Map(patch, Yaml.PatchFile), Yaml.PatchProvenance);

    public static YamlMapping Result(string target, string patch)
    {
        var outcome = Apply(target, patch);
        Assert.That(outcome.Error, Is.Null);
        Assert.That(outcome.Result, Is.Not.Null);
        return (YamlMapping)outcome.Result!;
    }

    public static string Canon(YamlMapping root, params string[] path) => Yaml.Canon(root.GetPath(path));

    public static YamlMapping PodSpec(YamlMapping deployment) => (YamlMapping)deployment.GetPath("spec", "template", "spec")!;

    public static IEnumerable<string> Names(YamlNode? list) =>
        ((YamlSequence)list!).Items.Select(i => ((YamlMapping)i).GetString("name") ?? "<none>");
}
