using System.Text.Json.Nodes;
using Vixens.Lint.Schemas.Conversion;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.SchemaGen;

/// <summary>
/// Builds the CRD catalog, first source wins for each apiVersion/kind:
/// <list type="number">
/// <item>the upstream CRD YAML snapshotted under <c>shared/data/crds/crd-yaml</c> (each project's newest release);</item>
/// <item>upstream CRD files read from the projects' repositories (<see cref="CatalogSources.UpstreamFiles"/>);</item>
/// <item>the datree catalog's JSON schemas for the groups of <see cref="CatalogSources.DatreeGroups"/>, turned back into
/// structural schemas (<see cref="DatreeSchemaNormalizer"/>) so every source gets the same strictness.</item>
/// </list>
/// CRD YAML goes through the same <see cref="StructuralSchemaConverter"/> the linter uses for CRDs found in a repository.
/// </summary>
internal sealed class CrdCatalogBuilder(string crdsDirectory, string upstreamDirectory, string datreeDirectory)
{
    public List<string> InputFiles { get; } = [];

    public List<string> DatreeInputFiles { get; } = [];

    public List<BundleEntry> Build()
    {
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(crdsDirectory, "index.json")))!["entries"]!.AsArray().OfType<JsonObject>().ToList();
        var entries = new Dictionary<string, BundleEntry>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(crdsDirectory, "crd-yaml"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(crdsDirectory, file).Replace('\\', '/');
            AddCrdFile(entries, file, version =>
                (index.FirstOrDefault(e => Str(e, "group") == version.Group && Str(e, "kind") == version.Kind)
                 ?? index.FirstOrDefault(e => Str(e, "crdYaml") == relative))?["crdYamlUpstream"]?.GetValue<string>());
        }

        foreach (var upstream in CatalogSources.UpstreamFiles)
        {
            var file = Path.Combine(upstreamDirectory, upstream.LocalPath);
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{file}: missing; extract {upstream.Path} of {upstream.Repository} at {upstream.Commit} first (schemas/README.md).");
            }

            AddCrdFile(entries, file, _ => upstream.SourceLabel);
        }

        // A project's own CRD is authoritative on which versions of its kinds exist: datree keeps versions a newer
        // release no longer serves (kyverno.io/v2alpha1 ClusterCleanupPolicy), which would hide "no such version".
        var definedByCrd = entries.Values.Select(e => GroupKind(e.ApiVersion, e.Kind)).ToHashSet(StringComparer.Ordinal);
        var datree = new DatreeCatalogReader(datreeDirectory);
        foreach (var kind in datree.Read())
        {
            if (definedByCrd.Contains(GroupKind(kind.ApiVersion, kind.Kind)))
            {
                continue;
            }

            // datree's files say nothing of scope or deprecation; the shared index knows them for the kinds it lists (Cilium).
            var known = index.FirstOrDefault(e => Str(e, "group") + "/" + Str(e, "version") == kind.ApiVersion && Str(e, "kind") == kind.Kind);
            entries.TryAdd(kind.ApiVersion + "/" + kind.Kind, new BundleEntry(kind.ApiVersion, kind.Kind, kind.Schema,
                known is null ? null : Str(known, "scope"), known?["deprecated"]?.GetValue<bool>() ?? false,
                "datreeio/CRDs-catalog " + kind.RelativePath));
        }

        DatreeInputFiles.AddRange(datree.InputFiles);
        return [.. entries.Values];
    }

    private void AddCrdFile(Dictionary<string, BundleEntry> entries, string file, Func<CrdVersionSchema, string?> source)
    {
        InputFiles.Add(file);
        var loaded = YamlLoader.LoadFile(file, new YamlLoadOptions { MaxFileBytes = 64L << 20 });
        foreach (var document in loaded.Documents)
        {
            if (document.Root is not YamlMapping root || !CrdReader.IsCrd(root))
            {
                continue;
            }

            var scope = root.GetPath("spec", "scope") is YamlScalar s ? s.Value : null;
            foreach (var version in CrdReader.Read(root))
            {
                entries.TryAdd(version.ApiVersion + "/" + version.Kind,
                    new BundleEntry(version.ApiVersion, version.Kind, version.Schema, scope, version.Deprecated, source(version)));
            }
        }
    }

    private static string GroupKind(string apiVersion, string kind) =>
        (apiVersion.Contains('/') ? apiVersion[..apiVersion.LastIndexOf('/')] : string.Empty) + "/" + kind;

    private static string? Str(JsonObject node, string name) => node[name]?.GetValue<string>();
}
