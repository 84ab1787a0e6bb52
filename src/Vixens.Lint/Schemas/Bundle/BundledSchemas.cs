using System.Collections.Concurrent;
using System.Reflection;

namespace Vixens.Lint.Schemas.Bundle;

/// <summary>
/// The bundles embedded in this assembly, each opened on first use, and the schemas compiled from them, shared by
/// every store in the process (they never change).
/// </summary>
public static class BundledSchemas
{
    private static readonly Assembly Assembly = typeof(BundledSchemas).Assembly;
    private static readonly ConcurrentDictionary<string, Lazy<SchemaBundle?>> Bundles = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<CompiledSchema>> Compiled = new(StringComparer.Ordinal);

    /// <summary>The Kubernetes versions with a bundle, e.g. ["1.34"].</summary>
    public static IReadOnlyList<string> KubernetesVersions { get; } =
    [
        .. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(BundleFormat.KubernetesResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json.gz", StringComparison.Ordinal))
            .Select(n => n[BundleFormat.KubernetesResourcePrefix.Length..^".json.gz".Length])
            .Order(StringComparer.Ordinal),
    ];

    public static SchemaBundle? Kubernetes(string version) => Open(BundleFormat.KubernetesResourceName(version));

    public static SchemaBundle? Catalog => Open(BundleFormat.CatalogResourceName);

    /// <summary>The compiled schema of a bundled kind; definitions missing from <paramref name="bundle"/> come from <paramref name="definitions"/>.</summary>
    public static CompiledSchema Compile(SchemaBundle bundle, BundleKind kind, SchemaSource source, string origin, SchemaBundle definitions)
    {
        var key = bundle.Name + "|" + definitions.KubernetesVersion + "|" + kind.ApiVersion + "/" + kind.Kind;
        return Compiled.GetOrAdd(key, _ => new Lazy<CompiledSchema>(() =>
        {
            var id = new Uri($"https://schemas.vixens-lint.local/{bundle.Name}/{kind.ApiVersion}/{kind.Kind}");
            var document = SchemaDocumentAssembler.Assemble(bundle.KindSchema(kind).Span, id.ToString(),
                name => bundle.HasDefinition(name) ? bundle.Definition(name) : definitions.Definition(name));
            return CompiledSchema.Compile(source, origin, document, id);
        })).Value;
    }

    /// <summary>Forgets every opened bundle and compiled schema, so a benchmark can measure the first load again.</summary>
    internal static void ResetCaches()
    {
        Bundles.Clear();
        Compiled.Clear();
    }

    private static SchemaBundle? Open(string resourceName) =>
        Bundles.GetOrAdd(resourceName, name => new Lazy<SchemaBundle?>(() =>
        {
            using var stream = Assembly.GetManifestResourceStream(name);
            return stream is null ? null : SchemaBundle.TryLoad(stream);
        })).Value;
}
