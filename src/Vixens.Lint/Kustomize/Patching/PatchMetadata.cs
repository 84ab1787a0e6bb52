using System.Diagnostics.CodeAnalysis;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// The strategic-merge facts of the Kubernetes API: which definition each <c>apiVersion</c>/<c>kind</c> is, and, per
/// definition and field, the referenced definition and the list merge strategy. <see cref="Default"/> is generated from the
/// Kubernetes 1.34 OpenAPI (see docs/patch-metadata.md) and loaded on first use.
/// </summary>
public sealed class PatchMetadata
{
    private static readonly Lazy<PatchMetadata> LazyDefault = new(PatchMetadataTable.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> _kinds;
    private readonly Dictionary<string, Dictionary<string, PatchFieldMetadata>> _types;

    public PatchMetadata(
        IReadOnlyDictionary<string, string> kinds,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, PatchFieldMetadata>> types,
        string? source = null)
    {
        _kinds = new Dictionary<string, string>(kinds, StringComparer.Ordinal);
        _types = types.ToDictionary(
            t => t.Key,
            t => new Dictionary<string, PatchFieldMetadata>(t.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
        Source = source;
    }

    /// <summary>The built-in table (Kubernetes 1.34).</summary>
    public static PatchMetadata Default => LazyDefault.Value;

    /// <summary>A metadata set that knows no type: every list is replaced, as kustomize does for unknown kinds.</summary>
    public static PatchMetadata Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, IReadOnlyDictionary<string, PatchFieldMetadata>>());

    /// <summary>Where the table was generated from (informational).</summary>
    public string? Source { get; }

    public IReadOnlyDictionary<string, string> Kinds => _kinds;

    public IEnumerable<string> TypeNames => _types.Keys;

    /// <summary>The key used for <see cref="Kinds"/>: <c>apiVersion/kind</c>, e.g. <c>apps/v1/Deployment</c> or <c>v1/Pod</c>.</summary>
    public static string KindKey(string apiVersion, string kind) => apiVersion + "/" + kind;

    /// <summary>The schema of a resource type, or null when the type is unknown (a CRD, a typo, a newer API).</summary>
    public PatchSchema? ForResource(string? apiVersion, string? kind)
    {
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            return null;
        }

        return _kinds.TryGetValue(KindKey(apiVersion, kind), out var type) ? PatchSchema.ForObject(this, type) : null;
    }

    public IReadOnlyDictionary<string, PatchFieldMetadata>? FieldsOf(string type) =>
        _types.TryGetValue(type, out var fields) ? fields : null;

    internal bool TryGetField(string type, string field, [MaybeNullWhen(false)] out PatchFieldMetadata metadata)
    {
        metadata = null;
        return _types.TryGetValue(type, out var fields) && fields.TryGetValue(field, out metadata);
    }

    /// <summary>
    /// This table with <paramref name="overrides"/> laid over it: its kinds and definitions replace same-named ones. kyaml
    /// keeps one global schema to which a custom <c>openapi:</c> file and the built-in one are both added; which wins on a
    /// name clash depends on load order, so the renderer picks the order.
    /// </summary>
    public PatchMetadata OverlaidWith(PatchMetadata overrides)
    {
        var kinds = new Dictionary<string, string>(_kinds, StringComparer.Ordinal);
        foreach (var kind in overrides._kinds)
        {
            kinds[kind.Key] = kind.Value;
        }

        var types = _types.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, PatchFieldMetadata>)t.Value, StringComparer.Ordinal);
        foreach (var type in overrides._types)
        {
            types[type.Key] = type.Value;
        }

        return new PatchMetadata(kinds, types, overrides.Source ?? Source);
    }

    /// <summary>Builds the table from an OpenAPI v2 (swagger) document, e.g. a custom <c>openapi:</c> schema file.</summary>
    public static PatchMetadata FromSwaggerJson(string json, string? source = null) => PatchMetadataBuilder.FromSwagger(json, source);

    /// <summary>
    /// Builds the table from an OpenAPI v2 document written as JSON or YAML (kustomize accepts both for <c>openapi: path:</c>),
    /// reporting unreadable input as an error.
    /// </summary>
    public static bool TryFromSwaggerText(string path, string text, [NotNullWhen(true)] out PatchMetadata? metadata, [NotNullWhen(false)] out string? error)
    {
        metadata = null;
        var file = Yaml.YamlLoader.Parse(path, text);
        var root = file.Documents.FirstOrDefault(d => d.Root is not null)?.Root;
        if (file.HasErrors || root is null)
        {
            error = file.Diagnostics.Count > 0 ? file.Diagnostics[0].Message : $"{path}: empty OpenAPI document";
            return false;
        }

        return TryFromSwaggerJson(System.Text.Encoding.UTF8.GetString(YamlJsonWriter.ToUtf8(root)), path, out metadata, out error);
    }

    /// <summary>Like <see cref="FromSwaggerJson"/> but reports a malformed document as an error instead of throwing.</summary>
    public static bool TryFromSwaggerJson(string json, string? source, [NotNullWhen(true)] out PatchMetadata? metadata, [NotNullWhen(false)] out string? error)
    {
        try
        {
            metadata = PatchMetadataBuilder.FromSwagger(json, source);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            metadata = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Reads a table written by <see cref="PatchMetadataTable.Write"/>.</summary>
    public static PatchMetadata FromTableJson(string json) => PatchMetadataTable.Read(json);
}
