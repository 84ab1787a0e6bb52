using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// <c>replacements:</c>: copies a field of one object (source) into fields of others (targets), optionally a delimited
/// part of a string. Entries are inline or files with a list of replacements.
/// </summary>
internal static class ReplacementTransformer
{
    public static void ApplyKustomization(ResourceList resources, Kustomization k, FileLoader loader)
    {
        if (k["replacements"] is not YamlSequence list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not YamlMapping item)
            {
                continue;
            }

            if (item.GetScalar("path") is { } path)
            {
                var full = loader.ResolveFile(k.Directory, new Entry(path.Value, path.Span), "replacements");
                foreach (var doc in loader.LoadYaml(full).Documents)
                {
                    var items = doc.Root switch
                    {
                        YamlSequence seq => seq.Items.OfType<YamlMapping>(),
                        YamlMapping m => [m],
                        _ => [],
                    };
                    foreach (var replacement in items)
                    {
                        Apply(resources, replacement, $"replacements[{i}]");
                    }
                }
            }
            else
            {
                Apply(resources, item, $"replacements[{i}]");
            }
        }
    }

    public static void Apply(ResourceList resources, YamlMapping replacement, string field)
    {
        var provenance = new Provenance(ProvenanceKind.Transformer, replacement.Span, field);
        var source = replacement.GetMapping("source");
        YamlNode value;
        if (source is null)
        {
            throw new KustomizeException(KustomizeDescriptors.ReplacementError, replacement.Span, $"{field}: a replacement needs a source");
        }

        var sourceSelector = new ResourceSelector(source, anyId: true);
        var sources = sourceSelector.Select(resources);
        if (sources.Count != 1)
        {
            throw new KustomizeException(KustomizeDescriptors.ReplacementError, source.Span,
                sources.Count == 0 ? $"{field}: nothing selected by the replacement source" : $"{field}: more than one resource matches the replacement source");
        }

        var sourcePath = FieldPath.Split(source.GetString("fieldPath") ?? "metadata.name");
        var found = FieldPath.Find(sources[0].Root, sourcePath);
        if (found.Count == 0)
        {
            throw new KustomizeException(KustomizeDescriptors.ReplacementError, source.Span,
                $"{field}: fieldPath `{source.GetString("fieldPath")}` is missing for replacement source {sources[0].CurId}");
        }

        value = found[0];
        if (source.GetMapping("options") is { } sourceOptions && sourceOptions.GetString("delimiter") is { } delimiter && value is YamlScalar sv)
        {
            var parts = sv.Value.Split(delimiter);
            var index = int.TryParse(sourceOptions.GetString("index"), out var n) ? n : 0;
            if (index < 0 || index >= parts.Length)
            {
                throw new KustomizeException(KustomizeDescriptors.ReplacementError, source.Span, $"{field}: options.index {index} is out of bounds for value {sv.Value}");
            }

            value = new YamlScalar(parts[index], sv.Span, ScalarStyle.DoubleQuoted);
        }

        if (replacement["targets"] is not YamlSequence targets)
        {
            return;
        }

        foreach (var target in targets.Items.OfType<YamlMapping>())
        {
            ApplyTarget(resources, target, value, provenance, field);
        }
    }

    private static void ApplyTarget(ResourceList resources, YamlMapping target, YamlNode value, Provenance provenance, string field)
    {
        var select = target.GetMapping("select");
        if (select is null)
        {
            throw new KustomizeException(KustomizeDescriptors.ReplacementError, target.Span, $"{field}: target must specify resources to select");
        }

        var selector = new ResourceSelector(select, anyId: true);
        var rejects = (target["reject"] as YamlSequence)?.Items.OfType<YamlMapping>().Select(r => new ResourceSelector(r, anyId: true)).ToList() ?? [];
        var options = target.GetMapping("options");
        var create = options?.GetScalar("create") is { } c && c.AsBool();
        var delimiter = options?.GetString("delimiter");
        var index = int.TryParse(options?.GetString("index"), out var n) ? n : 0;
        foreach (var r in resources.Items)
        {
            if (!selector.Matches(r) || rejects.Any(x => x.Matches(r)))
            {
                continue;
            }

            foreach (var fp in Kustomization.EntriesOf(target["fieldPaths"]))
            {
                var parts = FieldPath.Split(fp.Value);
                var count = FieldPath.Set(r.Root, parts, existing => MakeValue(existing, value, delimiter, index, provenance), create, provenance.Span);
                if (count == 0 && !create)
                {
                    throw new KustomizeException(KustomizeDescriptors.ReplacementError, fp.Span,
                        $"{field}: unable to find field \"{fp.Value}\" in replacement target {r.CurId}");
                }
            }
        }
    }

    private static YamlNode MakeValue(YamlNode? existing, YamlNode value, string? delimiter, int index, Provenance provenance)
    {
        if (delimiter is not null && existing is YamlScalar old && value is YamlScalar newValue)
        {
            var parts = old.Value.Split(delimiter).ToList();
            if (index < 0)
            {
                parts.Insert(0, newValue.Value);
            }
            else if (index >= parts.Count)
            {
                parts.Add(newValue.Value);
            }
            else
            {
                parts[index] = newValue.Value;
            }

            return new YamlScalar(string.Join(delimiter, parts), provenance.Span, ScalarStyle.DoubleQuoted) { Provenance = provenance };
        }

        var clone = value.DeepClone();
        clone.StampProvenance(provenance);
        return clone;
    }
}
