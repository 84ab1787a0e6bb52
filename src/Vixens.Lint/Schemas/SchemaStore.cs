using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Vixens.Lint.Model;
using Vixens.Lint.Schemas.Bundle;
using Vixens.Lint.Schemas.Conversion;
using Vixens.Lint.Yaml;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Schemas;

/// <summary>
/// Finds the schema for an apiVersion/kind, in this order: the bundled Kubernetes API of the configured version; CRDs
/// defined among the resources being checked (for a group and kind they define, they replace the catalog, so a version
/// the repository's CRD does not serve is reported); the bundled CRD catalog; the user's schema folders. Compiled
/// schemas are cached; the store is safe to use from many threads.
/// </summary>
public sealed class SchemaStore
{
    private readonly SchemaSettings _settings;
    private readonly SchemaBundle? _kubernetes;

    /// <summary>Where CRD schemas find ObjectMeta: the configured version, else the newest bundled one.</summary>
    private readonly SchemaBundle? _definitions;
    private readonly Dictionary<string, RepositoryCrdVersion> _repositoryVersions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _repositoryGroupKinds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<CompiledSchema?>> _cache = new(StringComparer.Ordinal);

    public SchemaStore(SchemaSettings settings, IEnumerable<KubeResource> resources)
    {
        _settings = settings;
        _kubernetes = BundledSchemas.Kubernetes(settings.KubernetesVersion);
        var versions = BundledSchemas.KubernetesVersions;
        _definitions = _kubernetes ?? (versions.Count > 0 ? BundledSchemas.Kubernetes(versions[^1]) : null);
        foreach (var resource in resources)
        {
            if (!CrdReader.IsCrd(resource.Root))
            {
                continue;
            }

            RegisterRepositoryCrd(resource.Root);
        }
    }

    /// <summary>False when the configured Kubernetes version has no bundle (VX1090).</summary>
    public bool HasKubernetesBundle => _kubernetes is not null;

    /// <summary>The schema of a kind, or null when no source defines it.</summary>
    public CompiledSchema? Resolve(string apiVersion, string kind)
    {
        var key = BundleFormat.KindKey(apiVersion, kind);
        return _cache.GetOrAdd(key, _ => new Lazy<CompiledSchema?>(() => Load(apiVersion, kind))).Value;
    }

    /// <summary>Which source would answer, without compiling anything (used to explain what resolves).</summary>
    public SchemaSource? Locate(string apiVersion, string kind)
    {
        var key = BundleFormat.KindKey(apiVersion, kind);
        if (_kubernetes?.Kinds.ContainsKey(key) == true)
        {
            return SchemaSource.Kubernetes;
        }

        var (group, _) = ResourceId.SplitApiVersion(apiVersion);
        if (_repositoryGroupKinds.Contains(group + "/" + kind))
        {
            return _repositoryVersions.ContainsKey(key) ? SchemaSource.RepositoryCrd : null;
        }

        if (_settings.UseCrdCatalog && BundledSchemas.Catalog?.Kinds.ContainsKey(key) == true)
        {
            return SchemaSource.CrdCatalog;
        }

        return FindUserSchemaFile(apiVersion, kind) is not null ? SchemaSource.UserDirectory : null;
    }

    /// <summary>
    /// For a kind nobody defines: where it does exist (the same kind in another apiVersion), or the closest kind name
    /// of that apiVersion — the usual causes are a stale version or a typo.
    /// </summary>
    public string? SuggestFor(string apiVersion, string kind)
    {
        var known = KnownKeys().Select(key => (ApiVersion: key[..key.LastIndexOf('/')], Kind: key[(key.LastIndexOf('/') + 1)..])).ToList();
        var elsewhere = known.Where(k => k.Kind == kind).Select(k => k.ApiVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (elsewhere.Count > 0)
        {
            return kind + " is defined as " + string.Join(", ", elsewhere);
        }

        var sameVersion = known.Where(k => k.ApiVersion == apiVersion).Select(k => k.Kind);
        return Validation.Suggestions.Closest(kind, sameVersion) is { } closest ? "did you mean " + closest + "?" : null;
    }

    private SortedSet<string> KnownKeys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        keys.UnionWith(_kubernetes?.Kinds.Keys ?? Enumerable.Empty<string>());
        keys.UnionWith(_repositoryVersions.Keys);
        if (_settings.UseCrdCatalog && BundledSchemas.Catalog is { } catalog)
        {
            keys.UnionWith(catalog.Kinds.Keys.Where(k =>
            {
                var slash = k.LastIndexOf('/');
                var (group, _) = ResourceId.SplitApiVersion(k[..slash]);
                return !_repositoryGroupKinds.Contains(group + "/" + k[(slash + 1)..]);
            }));
        }

        return keys;
    }

    private CompiledSchema? Load(string apiVersion, string kind)
    {
        var key = BundleFormat.KindKey(apiVersion, kind);
        if (_kubernetes is not null && _kubernetes.Kinds.TryGetValue(key, out var builtIn))
        {
            return BundledSchemas.Compile(_kubernetes, builtIn, SchemaSource.Kubernetes, "Kubernetes " + _settings.KubernetesVersion, _kubernetes);
        }

        var (group, _) = ResourceId.SplitApiVersion(apiVersion);
        if (_repositoryGroupKinds.Contains(group + "/" + kind))
        {
            return _repositoryVersions.TryGetValue(key, out var version) ? CompileRepositoryCrd(version) : null;
        }

        var catalog = _settings.UseCrdCatalog ? BundledSchemas.Catalog : null;
        var definitions = _definitions;
        if (catalog is not null && definitions is not null && catalog.Kinds.TryGetValue(key, out var custom))
        {
            return BundledSchemas.Compile(catalog, custom, SchemaSource.CrdCatalog, "CRD catalog (" + custom.Source + ")", definitions);
        }

        return FindUserSchemaFile(apiVersion, kind) is { } file ? CompileUserSchema(file, apiVersion, kind) : null;
    }

    private void RegisterRepositoryCrd(YamlMapping crd)
    {
        var spec = crd.GetMapping("spec");
        var group = spec?.GetString("group");
        var kind = spec?.GetMapping("names")?.GetString("kind");
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(kind))
        {
            return;
        }

        _repositoryGroupKinds.Add(group + "/" + kind);
        // Conversion is deferred: a large CRD costs milliseconds, and most repositories use few of their CRDs' versions.
        var versions = new Lazy<IReadOnlyList<CrdVersionSchema>>(() => CrdReader.Read(crd), LazyThreadSafetyMode.ExecutionAndPublication);
        var served = spec!.GetSequence("versions")?.Items.OfType<YamlMapping>()
            .Where(v => v.GetScalar("served") is not { } flag || flag.AsBool())
            .Where(v => !string.IsNullOrEmpty(v.GetString("name")))
            .ToList() ?? [];
        foreach (var version in served)
        {
            var deprecated = version.GetScalar("deprecated")?.AsBool() == true;
            _repositoryVersions[BundleFormat.KindKey(group + "/" + version.GetString("name"), kind)] =
                new RepositoryCrdVersion(crd, version.GetString("name")!, versions, deprecated, version.GetString("deprecationWarning"));
        }

        if (served.Count == 0 && spec.GetString("version") is { Length: > 0 } single)
        {
            _repositoryVersions[BundleFormat.KindKey(group + "/" + single, kind)] = new RepositoryCrdVersion(crd, single, versions, false, null);
        }
    }

    /// <summary>
    /// Whether the CRD that defines a custom resource version marks it deprecated, with its warning and the versions
    /// of the same kind that are not deprecated. Null when it is not deprecated (or not a custom resource).
    /// </summary>
    public CustomResourceDeprecation? CustomResourceDeprecationOf(string apiVersion, string kind)
    {
        var key = BundleFormat.KindKey(apiVersion, kind);
        var (group, _) = ResourceId.SplitApiVersion(apiVersion);
        if (_kubernetes?.Kinds.ContainsKey(key) == true)
        {
            return null;
        }

        if (_repositoryGroupKinds.Contains(group + "/" + kind))
        {
            if (!_repositoryVersions.TryGetValue(key, out var entry) || !entry.Deprecated)
            {
                return null;
            }

            var alternatives = _repositoryVersions
                .Where(v => !v.Value.Deprecated && ReferenceEquals(v.Value.Crd, entry.Crd))
                .Select(v => v.Key[..v.Key.LastIndexOf('/')]);
            return new CustomResourceDeprecation(entry.DeprecationWarning, [.. alternatives.Order(StringComparer.Ordinal)]);
        }

        var catalog = _settings.UseCrdCatalog ? BundledSchemas.Catalog : null;
        if (catalog is null || !catalog.Kinds.TryGetValue(key, out var custom) || !custom.Deprecated)
        {
            return null;
        }

        var others = catalog.Kinds.Values
            .Where(k => k.Kind == kind && !k.Deprecated && ResourceId.SplitApiVersion(k.ApiVersion).Group == group)
            .Select(k => k.ApiVersion);
        return new CustomResourceDeprecation(null, [.. others.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Repository CRDs compiled by content (SHA-256 of the CRD as JSON, plus the version): the same CRD in the next
    /// run, or in another environment's render, is compiled once per process.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Lazy<CompiledSchema>> RepositoryCrdCache = new(StringComparer.Ordinal);

    private CompiledSchema CompileRepositoryCrd(RepositoryCrdVersion entry)
    {
        var key = Convert.ToHexString(SHA256.HashData(YamlJsonWriter.ToUtf8(entry.Crd))) + "|" + entry.Version + "|" + _settings.KubernetesVersion;
        return RepositoryCrdCache.GetOrAdd(key, _ => new Lazy<CompiledSchema>(() => CompileRepositoryCrdUncached(entry))).Value;
    }

    private CompiledSchema CompileRepositoryCrdUncached(RepositoryCrdVersion entry)
    {
        var origin = "CRD " + (entry.Crd.GetMapping("metadata")?.GetString("name") ?? "?") + " (" + entry.Crd.Span.File + ")";
        var version = entry.Versions.Value.FirstOrDefault(v => v.Version == entry.Version);
        if (version is null)
        {
            return CompiledSchema.Unusable(SchemaSource.RepositoryCrd, origin, "the CRD could not be read");
        }

        var id = new Uri($"https://schemas.vixens-lint.local/repository/{version.ApiVersion}/{version.Kind}");
        var root = Encoding.UTF8.GetBytes(version.Schema.ToJsonString());
        var definitions = _definitions;
        var document = SchemaDocumentAssembler.Assemble(root, id.ToString(), name => definitions?.Definition(name) ?? ReadOnlyMemory<byte>.Empty);
        return CompiledSchema.Compile(SchemaSource.RepositoryCrd, origin, document, id);
    }

    private string? FindUserSchemaFile(string apiVersion, string kind)
    {
        var (group, version) = ResourceId.SplitApiVersion(apiVersion);
        var fileName = kind.ToLowerInvariant() + "_" + version + ".json";
        foreach (var directory in _settings.ExtraSchemaDirectories)
        {
            var candidates = group.Length == 0
                ? new[] { Path.Combine(directory, fileName) }
                : [Path.Combine(directory, group, fileName), Path.Combine(directory, fileName)];
            var found = candidates.FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static CompiledSchema CompileUserSchema(string path, string apiVersion, string kind)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var id = new Uri($"https://schemas.vixens-lint.local/user/{apiVersion}/{kind}");
            return CompiledSchema.Compile(SchemaSource.UserDirectory, path, bytes, id);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CompiledSchema.Unusable(SchemaSource.UserDirectory, path, ex.Message);
        }
    }

    private sealed record RepositoryCrdVersion(
        YamlMapping Crd, string Version, Lazy<IReadOnlyList<CrdVersionSchema>> Versions, bool Deprecated, string? DeprecationWarning);
}
