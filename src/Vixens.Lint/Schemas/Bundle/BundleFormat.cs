namespace Vixens.Lint.Schemas.Bundle;

/// <summary>
/// The schema bundle layout, shared by the generator and the reader. A bundle is one gzip stream of UTF-8 lines:
/// line 0 is a header (format, versions, and an index from kind key and definition name to a line number); every
/// other line is one compact JSON Schema (a kind's root schema, or one shared definition referenced as
/// <c>#/$defs/NAME</c>). The reader decompresses once and parses only the lines a kind needs.
/// </summary>
public static class BundleFormat
{
    public const string FormatName = "vixens-lint-schema-bundle/1";

    public const string KubernetesResourcePrefix = "Vixens.Lint.Schemas.kubernetes-";

    public const string CatalogResourceName = "Vixens.Lint.Schemas.crd-catalog.json.gz";

    public const string DefsRefPrefix = "#/$defs/";

    public static string KubernetesResourceName(string version) => KubernetesResourcePrefix + version + ".json.gz";

    /// <summary>The index key of a kind: <c>apps/v1/Deployment</c>, <c>v1/Pod</c>.</summary>
    public static string KindKey(string apiVersion, string kind) => apiVersion + "/" + kind;
}
