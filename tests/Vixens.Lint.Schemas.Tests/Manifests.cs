using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Schemas.Tests;

/// <summary>Turns YAML text or files into resources, the way the workspace will.</summary>
internal static class Manifests
{
    public const string FileName = "/test/manifest.yaml";

    public static List<KubeResource> Parse(string yaml, string path = FileName) => FromFile(YamlLoader.Parse(path, yaml));

    public static List<KubeResource> FromFile(YamlFile file) =>
        [.. file.Documents.Select(d => d.Root).OfType<YamlMapping>().Select(root => new KubeResource(root))];

    public static IReadOnlyList<Diagnostic> Validate(string yaml, SchemaSettings? settings = null) =>
        new SchemaValidator().Validate(Parse(yaml), settings ?? SchemaSettings.Default);

    /// <summary>"line:column VXnnnn message", the shape the assertions compare.</summary>
    public static string Format(Diagnostic d) => $"{d.Location.StartLine}:{d.Location.StartColumn} {d.Id} {d.Message}";
}
