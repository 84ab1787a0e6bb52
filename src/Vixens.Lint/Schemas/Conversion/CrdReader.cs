using System.Text.Json.Nodes;
using Vixens.Lint.Yaml;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Schemas.Conversion;

/// <summary>
/// Reads a <c>CustomResourceDefinition</c> (apiextensions.k8s.io/v1, or the removed v1beta1 shape found in old repos)
/// into one strict schema per served version. Returns nothing for anything it cannot read: the CRD itself is checked
/// against the CustomResourceDefinition schema like any other resource.
/// </summary>
public static class CrdReader
{
    public static bool IsCrd(YamlMapping root) =>
        root.GetString("kind") == "CustomResourceDefinition" &&
        root.GetString("apiVersion") is "apiextensions.k8s.io/v1" or "apiextensions.k8s.io/v1beta1";

    public static IReadOnlyList<CrdVersionSchema> Read(YamlMapping crd)
    {
        if (!IsCrd(crd) || crd.GetMapping("spec") is not { } spec)
        {
            return [];
        }

        var group = spec.GetString("group");
        var kind = spec.GetMapping("names")?.GetString("kind");
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(kind))
        {
            return [];
        }

        var sharedSchema = spec.GetPath("validation", "openAPIV3Schema");
        var result = new List<CrdVersionSchema>();
        if (spec.GetSequence("versions") is { } versions)
        {
            foreach (var version in versions.Items.OfType<YamlMapping>())
            {
                var name = version.GetString("name");
                if (string.IsNullOrEmpty(name) || version.GetScalar("served") is { } served && !served.AsBool())
                {
                    continue;
                }

                var schemaNode = version.GetPath("schema", "openAPIV3Schema") ?? sharedSchema;
                result.Add(Build(group, name, kind, schemaNode, version));
            }
        }
        else if (spec.GetString("version") is { Length: > 0 } single)
        {
            result.Add(Build(group, single, kind, sharedSchema, null));
        }

        return result;
    }

    private static CrdVersionSchema Build(string group, string version, string kind, YamlNode? schemaNode, YamlMapping? versionEntry)
    {
        JsonNode? source = schemaNode is null ? null : YamlJsonWriter.ToNode(schemaNode);
        var schema = StructuralSchemaConverter.ConvertRoot(source, group + "/" + version, kind);
        var deprecated = versionEntry?.GetScalar("deprecated")?.AsBool() ?? false;
        return new CrdVersionSchema(group, version, kind, schema, deprecated, versionEntry?.GetString("deprecationWarning"));
    }
}
