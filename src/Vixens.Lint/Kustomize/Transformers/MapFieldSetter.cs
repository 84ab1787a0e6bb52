using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>Adds key/value pairs to the maps at field specs (labels, annotations, selectors), creating maps where allowed.</summary>
internal static class MapFieldSetter
{
    public static void Apply(ResourceList resources, IReadOnlyList<(string Key, string Value, SourceSpan Span)> pairs, List<FieldSpec> specs, string field)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        foreach (var r in resources.Items)
        {
            var gvk = r.Gvk;
            foreach (var spec in specs)
            {
                if (!spec.Selects(gvk))
                {
                    continue;
                }

                FieldWalker.Walk(r.Root, spec, (parent, key, value) =>
                {
                    if (value is not YamlMapping map)
                    {
                        if (value is YamlScalar { IsNull: false } or YamlSequence)
                        {
                            return;
                        }

                        map = ScalarFactory.Mapping(new Provenance(ProvenanceKind.Transformer, pairs[0].Span, field));
                        parent.Set(key, map);
                    }

                    foreach (var (k, v, span) in pairs)
                    {
                        var provenance = new Provenance(ProvenanceKind.Transformer, span, field);
                        if (map[k] is YamlScalar existing)
                        {
                            ScalarFactory.Rewrite(existing, v, provenance);
                        }
                        else
                        {
                            var entry = map.Set(k, ScalarFactory.String(v, provenance));
                            entry.Key.Provenance = provenance;
                        }
                    }
                }, createLeaf: true, pairs[0].Span);
            }
        }
    }
}
