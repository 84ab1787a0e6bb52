using System.Text.Json.Nodes;
using Vixens.Lint.Schemas.Conversion;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.SchemaGen;

/// <summary>
/// Builds the CRD catalog: every served version of every upstream CRD under <c>crds/crd-yaml</c>, converted with the
/// same <see cref="StructuralSchemaConverter"/> the linter uses for CRDs found in a repository; kinds with no CRD YAML
/// (Cilium: too large to snapshot) come from the datree conversions, whose object closing is kept as is.
/// </summary>
internal sealed class CrdCatalogBuilder(string crdsDirectory)
{
    public List<string> InputFiles { get; } = [];

    public List<BundleEntry> Build()
    {
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(crdsDirectory, "index.json")))!["entries"]!.AsArray().OfType<JsonObject>().ToList();
        var entries = new Dictionary<string, BundleEntry>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(crdsDirectory, "crd-yaml"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            InputFiles.Add(file);
            var loaded = YamlLoader.LoadFile(file);
            foreach (var document in loaded.Documents)
            {
                if (document.Root is not YamlMapping root || !CrdReader.IsCrd(root))
                {
                    continue;
                }

                var scope = root.GetPath("spec", "scope") is YamlScalar s ? s.Value : null;
                foreach (var version in CrdReader.Read(root))
                {
                    var relative = Path.GetRelativePath(crdsDirectory, file).Replace('\\', '/');
                    var source = (index.FirstOrDefault(e => Str(e, "group") == version.Group && Str(e, "kind") == version.Kind)
                        ?? index.FirstOrDefault(e => Str(e, "crdYaml") == relative))?["crdYamlUpstream"]?.GetValue<string>();
                    entries[version.ApiVersion + "/" + version.Kind] = new BundleEntry(version.ApiVersion, version.Kind, version.Schema, scope, version.Deprecated, source);
                }
            }
        }

        foreach (var entry in index.Where(e => e["crdYaml"] is null && e["jsonSchema"] is not null))
        {
            var apiVersion = Str(entry, "group") + "/" + Str(entry, "version");
            var kind = Str(entry, "kind")!;
            var key = apiVersion + "/" + kind;
            if (entries.ContainsKey(key))
            {
                continue;
            }

            var path = Path.Combine(crdsDirectory, Str(entry, "jsonSchema")!);
            InputFiles.Add(path);
            var schema = StructuralSchemaConverter.ConvertRoot(JsonNode.Parse(File.ReadAllText(path)), apiVersion, kind, closeObjects: false);
            entries[key] = new BundleEntry(apiVersion, kind, schema, Str(entry, "scope"), entry["deprecated"]?.GetValue<bool>() ?? false,
                "datreeio/CRDs-catalog " + Str(entry, "jsonSchemaDatreeCommitNote"));
        }

        return [.. entries.Values];
    }

    private static string? Str(JsonObject node, string name) => node[name]?.GetValue<string>();
}
