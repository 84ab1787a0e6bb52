using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// The last thing kustomize does to every object: it strips its build, origin and transformer annotations by reading
/// <c>metadata.annotations</c> as a string map and writing the field again. Writing drops the field when the map is
/// empty, so <c>annotations: {}</c>, <c>annotations:</c> (null) or any non-map value vanish from the output, while
/// labels, which it does not rewrite, keep <c>{}</c> and null. Reading takes each value's text: numbers and booleans
/// become strings, a null value becomes its own text (<c>""</c>, <c>"~"</c>, <c>"null"</c>), a list or map becomes "",
/// and the values are new nodes without a style.
/// </summary>
internal static class FinalAnnotations
{
    public static void Apply(ResourceList resources)
    {
        foreach (var r in resources.Items)
        {
            if (r.Metadata is not { } meta || meta["annotations"] is not { } field)
            {
                continue;
            }

            if (field is not YamlMapping { Count: > 0 } annotations)
            {
                meta.Remove("annotations");
                continue;
            }

            foreach (var entry in annotations.Entries)
            {
                entry.Value = AsString(entry.Value);
            }
        }
    }

    private static YamlScalar AsString(YamlNode value)
    {
        if (value is not YamlScalar scalar)
        {
            return new YamlScalar(string.Empty, value.Span, ScalarStyle.DoubleQuoted) { Provenance = value.Provenance };
        }

        // Written back as new string nodes: no type, and no folded style to go through go-yaml's folded writer.
        if (scalar.Kind != ScalarKind.String || scalar.Style == ScalarStyle.Folded)
        {
            scalar.Style = ScalarStyle.DoubleQuoted;
            scalar.Tag = null;
        }

        return scalar;
    }
}
