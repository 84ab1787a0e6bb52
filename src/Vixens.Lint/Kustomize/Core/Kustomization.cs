using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>A string entry of a kustomization list, with where it is written (for diagnostics and the source map).</summary>
internal readonly record struct Entry(string Value, SourceSpan Span);

/// <summary>
/// A parsed kustomization file. Fields are read straight from the position-aware tree, so every entry keeps the line a
/// diagnostic or a provenance must point at.
/// </summary>
internal sealed class Kustomization
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "apiVersion", "kind", "metadata", "openapi", "namePrefix", "nameSuffix", "namespace", "commonLabels", "labels",
        "commonAnnotations", "patchesStrategicMerge", "patchesJson6902", "patches", "images", "imageTags", "replacements",
        "replicas", "vars", "sortOptions", "resources", "components", "crds", "bases", "configMapGenerator",
        "secretGenerator", "helmGlobals", "helmCharts", "helmChartInflationGenerator", "generatorOptions", "configurations",
        "generators", "transformers", "validators", "buildMetadata",
    };

    public Kustomization(string directory, string filePath, YamlMapping root, string text)
    {
        Directory = directory;
        FilePath = filePath;
        Text = text;
        Root = Canonicalize(root);
    }

    /// <summary>
    /// kustomize decodes the file with Go's encoding/json, which matches field names case-insensitively
    /// (<c>nameprefix</c> is <c>namePrefix</c>); a shallow copy with canonical keys keeps the cached tree untouched.
    /// </summary>
    private static YamlMapping Canonicalize(YamlMapping root)
    {
        if (root.Keys.All(KnownFields.Contains))
        {
            return root;
        }

        var copy = new YamlMapping(root.Span, root.Flow);
        foreach (var entry in root.Entries)
        {
            var canonical = KnownFields.FirstOrDefault(k => string.Equals(k, entry.Key.Value, StringComparison.OrdinalIgnoreCase));
            var key = canonical is null || canonical == entry.Key.Value
                ? entry.Key
                : new YamlScalar(canonical, entry.Key.Span) { Provenance = entry.Key.Provenance };
            copy.Entries.Add(new YamlEntry(key, entry.Value));
        }

        return copy;
    }

    public string Directory { get; }

    public string FilePath { get; }

    /// <summary>The file's text, which inline patches need to place their nodes on the file's lines.</summary>
    public string Text { get; }

    public YamlMapping Root { get; }

    public bool IsComponent => Root.GetString("kind") == "Component";

    public string? Kind => Root.GetString("kind");

    public SourceSpan SpanOf(string field) => Root.GetEntry(field)?.Key.Span ?? SourceSpan.StartOf(FilePath);

    public YamlNode? this[string field] => Root[field];

    public string? GetString(string field) => Root.GetScalar(field) is { IsNull: false } s ? s.Value : null;

    /// <summary>Fields kustomize v5.7.1 does not know, at the top level and in <c>labels</c> entries (strict decoding).</summary>
    public IEnumerable<(string Field, SourceSpan Span)> UnknownFields
    {
        get
        {
            foreach (var entry in Root.Entries.Where(e => !KnownFields.Contains(e.Key.Value)))
            {
                yield return (entry.Key.Value, entry.Key.Span);
            }

            if (Root["labels"] is YamlSequence labels)
            {
                foreach (var item in labels.Items.OfType<YamlMapping>())
                {
                    foreach (var entry in item.Entries.Where(e => !KnownLabelFields.Contains(e.Key.Value)))
                    {
                        yield return ("labels." + entry.Key.Value, entry.Key.Span);
                    }
                }
            }
        }
    }

    private static readonly HashSet<string> KnownLabelFields = new(StringComparer.OrdinalIgnoreCase) { "pairs", "includeSelectors", "includeTemplates", "fields" };

    /// <summary>The string items of a list field; a scalar where a list is expected is read as one item.</summary>
    public List<Entry> GetEntries(string field) => EntriesOf(Root[field]);

    public static List<Entry> EntriesOf(YamlNode? node)
    {
        var result = new List<Entry>();
        switch (node)
        {
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    if (item is YamlScalar { IsNull: false } s)
                    {
                        result.Add(new Entry(s.Value, s.Span));
                    }
                }

                break;
            case YamlScalar { IsNull: false } scalar:
                result.Add(new Entry(scalar.Value, scalar.Span));
                break;
        }

        return result;
    }

    /// <summary>A <c>key: value</c> map field as ordered pairs (labels, annotations); values must be strings, as for kustomize.</summary>
    public static List<(string Key, string Value, SourceSpan Span)> PairsOf(YamlNode? node)
    {
        var result = new List<(string, string, SourceSpan)>();
        if (node is YamlMapping map)
        {
            foreach (var e in map.Entries)
            {
                if (e.Value is YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float or ScalarKind.Bool } typed)
                {
                    throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, typed.Span,
                        $"invalid Kustomization: the value of '{e.Key.Value}' must be a string; quote it (\"{typed.Value}\")");
                }

                var value = e.Value is YamlScalar { IsNull: false } s ? s.Value : string.Empty;
                result.Add((e.Key.Value, value, e.Key.Span));
            }
        }

        return result;
    }
}
