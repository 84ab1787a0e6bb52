using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>How a generated ConfigMap/Secret combines with an existing one of the same id.</summary>
internal enum GeneratorBehavior
{
    /// <summary>Not a generated object.</summary>
    None,

    /// <summary>Generated without a <c>behavior</c> (kustomize treats it as create, but records it as unspecified).</summary>
    Unspecified,
    Create,
    Merge,
    Replace,
}

/// <summary>
/// One object in the build, with the bookkeeping kustomize keeps in build annotations: its previous ids (so name
/// references can follow renames), the prefixes/suffixes applied, and generator settings.
/// </summary>
internal sealed class Resource
{
    public Resource(YamlMapping root) => Root = root;

    public YamlMapping Root { get; private set; }

    public List<ResId> PreviousIds { get; private init; } = [];

    public List<string> NamePrefixes { get; private init; } = [];

    public List<string> NameSuffixes { get; private init; } = [];

    /// <summary>Names of the legacy vars that point at this object (bound where the var is declared).</summary>
    public List<string> RefVarNames { get; private init; } = [];

    /// <summary>The file the object was read from (for <c>buildMetadata: [originAnnotations]</c>).</summary>
    public string? OriginFile { get; set; }

    /// <summary>For a generated object: the generator (file configuring it, builtin kind, optional name).</summary>
    public (string ConfiguredIn, string Kind, string? Name)? OriginGenerator { get; set; }

    /// <summary>Transformers that ran over this object, in order (for <c>buildMetadata: [transformerAnnotations]</c>).</summary>
    public List<(string ConfiguredIn, string Kind, string? Name, string? Namespace)> Transformations { get; private init; } = [];

    public GeneratorBehavior Behavior { get; set; }

    public bool NeedsHashSuffix { get; set; }

    /// <summary>Where the generator entry that made this object is, for the source map of the hash suffix.</summary>
    public SourceSpan? GeneratorSpan { get; set; }

    public string? ApiVersion => Root.GetString("apiVersion");

    public string Kind => Root.GetString("kind") ?? string.Empty;

    public Gvk Gvk => Gvk.FromApiVersion(ApiVersion, Kind);

    public YamlMapping? Metadata => Root.GetMapping("metadata");

    public string Name => Metadata?.GetString("name") ?? string.Empty;

    public string Namespace => Metadata?.GetString("namespace") ?? string.Empty;

    public ResId CurId => new(Gvk, Name, Namespace);

    /// <summary>The id the object had when first read (kustomize's OrgId).</summary>
    public ResId OrgId => PreviousIds.Count > 0 ? PreviousIds[0] : CurId;

    /// <summary>Every id the object has had, oldest first, then the current one.</summary>
    public IEnumerable<ResId> AllIds => PreviousIds.Append(CurId);

    public void ReplaceRoot(YamlMapping root) => Root = root;

    /// <summary>Remembers the current id before a transformer changes name, namespace or kind.</summary>
    public void StorePreviousId() => PreviousIds.Add(CurId);

    public YamlMapping EnsureMetadata(SourceSpan span)
    {
        if (Root.GetMapping("metadata") is { } meta)
        {
            return meta;
        }

        var created = new YamlMapping(span);
        Root.Set("metadata", created);
        return created;
    }

    public void SetName(string name, Provenance? provenance) => SetMetadataString("name", name, provenance);

    public void SetNamespace(string ns, Provenance? provenance) => SetMetadataString("namespace", ns, provenance);

    private void SetMetadataString(string key, string value, Provenance? provenance)
    {
        var meta = EnsureMetadata(provenance?.Span ?? Root.Span);
        var old = meta.GetScalar(key);
        var scalar = new YamlScalar(value, provenance?.Span ?? old?.Span ?? meta.Span, ScalarStyle.DoubleQuoted) { Provenance = provenance ?? old?.Provenance };
        meta.Set(key, scalar);
    }

    public Resource Clone()
    {
        var clone = new Resource((YamlMapping)Root.DeepClone())
        {
            PreviousIds = [.. PreviousIds],
            NamePrefixes = [.. NamePrefixes],
            NameSuffixes = [.. NameSuffixes],
            RefVarNames = [.. RefVarNames],
            OriginFile = OriginFile,
            Transformations = [.. Transformations],
            OriginGenerator = OriginGenerator,
            Behavior = Behavior,
            NeedsHashSuffix = NeedsHashSuffix,
            GeneratorSpan = GeneratorSpan,
        };
        return clone;
    }

    public override string ToString() => CurId.ToString();
}
