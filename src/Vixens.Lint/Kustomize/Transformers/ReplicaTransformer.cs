using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary><c>replicas:</c>: sets the replica count of objects with the given name, at the replicas field specs.</summary>
internal static class ReplicaTransformer
{
    public static void Apply(ResourceList resources, Kustomization k, TransformerConfig config)
    {
        if (k["replicas"] is not YamlSequence replicas)
        {
            return;
        }

        foreach (var item in replicas.Items.OfType<YamlMapping>())
        {
            var name = item.GetString("name") ?? string.Empty;
            var count = item.GetScalar("count");
            var provenance = new Provenance(ProvenanceKind.Transformer, item.Span, "replicas");
            var found = false;
            foreach (var r in resources.Items)
            {
                if (!r.AllIds.Any(id => id.Name == name))
                {
                    continue;
                }

                foreach (var spec in config.Replicas)
                {
                    if (!spec.Selects(r.Gvk))
                    {
                        continue;
                    }

                    found = true;
                    FieldWalker.Walk(r.Root, spec, (parent, key, _) =>
                        parent.Set(key, new YamlScalar(count?.Value ?? "0", item.Span) { Provenance = provenance }), createLeaf: true, item.Span);
                }
            }

            _ = found;
        }
    }
}
