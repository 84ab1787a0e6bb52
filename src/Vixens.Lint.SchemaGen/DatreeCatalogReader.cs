using System.Text.Json.Nodes;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.SchemaGen;

/// <summary>One kind/version read from the datree catalog, already converted to the bundle's strictness rules.</summary>
internal sealed record DatreeKind(string ApiVersion, string Kind, string RelativePath, JsonObject Schema, CatalogGroup Group);

/// <summary>
/// Reads a checkout (or extract) of datreeio/CRDs-catalog: <c>index.yaml</c> names each file's apiVersion and kind, the
/// files are <c>&lt;group&gt;/&lt;kind&gt;_&lt;version&gt;.json</c>. Only the groups of <see cref="CatalogSources.DatreeGroups"/>
/// are read. The file name gives the version and the kind in lower case; the index's spelling is used when it names
/// that kind, else <see cref="CatalogSources.KindSpellings"/>.
/// </summary>
internal sealed class DatreeCatalogReader(string root)
{
    public List<string> InputFiles { get; } = [];

    public List<DatreeKind> Read()
    {
        var listed = ReadIndex();
        var result = new List<DatreeKind>();
        foreach (var group in CatalogSources.DatreeGroups)
        {
            var directory = Path.Combine(root, group.Group);
            if (!Directory.Exists(directory))
            {
                throw new InvalidOperationException($"{directory}: the datree catalog has no folder for {group.Group}; extract it first (schemas/README.md).");
            }

            foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                var relative = group.Group + "/" + Path.GetFileName(file);
                if (CatalogSources.ExcludedDatreeFiles.ContainsKey(relative))
                {
                    continue;
                }

                // The file name is authoritative: the index sometimes names another kind (middleware_v1alpha1.json is
                // "IngressMiddlewareRoute") or lower-cases it; its spelling is used only when it matches the file.
                var (apiVersion, lowerKind) = FromFileName(group.Group, relative);
                var kind = listed.TryGetValue(relative, out var entry) && entry.ApiVersion == apiVersion &&
                    string.Equals(entry.Kind, lowerKind, StringComparison.OrdinalIgnoreCase) ? entry.Kind : lowerKind;
                kind = Spell(kind, relative);
                InputFiles.Add(file);
                var schema = DatreeSchemaNormalizer.ToStructural(JsonNode.Parse(File.ReadAllText(file)));
                result.Add(new DatreeKind(apiVersion, kind, relative, Vixens.Lint.Schemas.Conversion.StructuralSchemaConverter.ConvertRoot(schema, apiVersion, kind), group));
            }
        }

        return result;
    }

    private Dictionary<string, (string ApiVersion, string Kind)> ReadIndex()
    {
        var indexPath = Path.Combine(root, "index.yaml");
        var loaded = YamlLoader.LoadFile(indexPath);
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (loaded.Documents.Count == 0 || loaded.Documents[0].Root is not YamlMapping groups)
        {
            throw new InvalidOperationException(indexPath + ": not the datree index (a mapping of group to entries)");
        }

        foreach (var groupEntry in groups.Entries)
        {
            foreach (var item in (groupEntry.Value as YamlSequence)?.Items.OfType<YamlMapping>() ?? [])
            {
                if (item.GetString("filename") is { } file && item.GetString("apiVersion") is { } apiVersion && item.GetString("kind") is { } kind)
                {
                    result[file] = (apiVersion, kind);
                }
            }
        }

        return result;
    }

    private static (string ApiVersion, string Kind) FromFileName(string group, string relative)
    {
        var name = Path.GetFileNameWithoutExtension(relative);
        var underscore = name.LastIndexOf('_');
        if (underscore <= 0)
        {
            throw new InvalidOperationException(relative + ": neither in the datree index nor named <kind>_<version>.json");
        }

        return (group + "/" + name[(underscore + 1)..], name[..underscore].ToLowerInvariant());
    }

    private static string Spell(string kind, string relative)
    {
        if (kind.Length > 0 && char.IsUpper(kind[0]))
        {
            return kind;
        }

        return CatalogSources.KindSpellings.TryGetValue(kind, out var spelled)
            ? spelled
            : throw new InvalidOperationException($"{relative}: the datree index spells the kind \"{kind}\" in lower case; add its CRD spelling to CatalogSources.KindSpellings");
    }
}
