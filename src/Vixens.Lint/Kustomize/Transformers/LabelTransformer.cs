using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// <c>labels</c> (each entry with includeSelectors / includeTemplates / its own fieldSpecs), then <c>commonLabels</c>
/// (metadata, selectors and templates), then <c>commonAnnotations</c>; field sets as kustomize's builtin configuration.
/// </summary>
internal static class LabelTransformer
{
    public static void ApplyKustomizationLabels(ResourceList resources, Kustomization k, TransformerConfig config)
    {
        if (k["labels"] is YamlSequence labels)
        {
            foreach (var item in labels.Items.OfType<YamlMapping>())
            {
                var pairs = Kustomization.PairsOf(item["pairs"]);
                var specs = FieldSpec.ParseList(item["fields"]);
                specs = FieldSpecList.Merge(specs, config.Labels);
                if (item.GetScalar("includeSelectors") is { } sel && sel.AsBool())
                {
                    specs = FieldSpecList.Merge(specs, config.CommonLabels);
                }
                else
                {
                    if (item.GetScalar("includeTemplates") is { } tpl && tpl.AsBool())
                    {
                        specs = FieldSpecList.Merge(specs, config.TemplateLabels);
                    }

                    specs = FieldSpecList.Merge(specs, [new FieldSpec(Gvk.Any, "metadata/labels", true)]);
                }

                MapFieldSetter.Apply(resources, pairs, specs, "labels");
            }
        }

        MapFieldSetter.Apply(resources, Kustomization.PairsOf(k["commonLabels"]), config.CommonLabels, "commonLabels");
    }

    public static void ApplyCommonAnnotations(ResourceList resources, Kustomization k, TransformerConfig config) =>
        MapFieldSetter.Apply(resources, Kustomization.PairsOf(k["commonAnnotations"]), config.CommonAnnotations, "commonAnnotations");
}
