using System.Text.Json.Nodes;

namespace Vixens.Lint.Schemas.Conversion;

/// <summary>Small helpers shared by the OpenAPI and CRD converters to build JSON Schema 2020-12 nodes.</summary>
public static class SchemaKeywords
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public const string ObjectMetaDef = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    public static string DefRef(string name) => "#/$defs/" + name;

    /// <summary>
    /// The API server decodes an explicit null as "unset" for built-in types and prunes it for CRDs, so a null value is
    /// never an error by itself: every typed schema also accepts null.
    /// </summary>
    public static JsonNode TypeWithNull(params string[] types)
    {
        var array = new JsonArray();
        foreach (var type in types)
        {
            array.Add((JsonNode)type);
        }

        array.Add((JsonNode)"null");
        return array;
    }

    /// <summary>The schema of <c>apiVersion</c>/<c>kind</c> at the root: the one value the store picked the schema for.</summary>
    public static JsonObject ConstString(string value) => new() { ["const"] = value };
}
