using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// The last thing kustomize does to every object: it strips its build, origin and transformer annotations by reading
/// <c>metadata.annotations</c> as a string map and writing the field again. Writing drops the field when the map is
/// empty, so <c>annotations: {}</c>, <c>annotations:</c> (null) or any non-map value vanish from the output, while
/// labels, which it does not rewrite, keep <c>{}</c> and null. Reading takes each value's text: numbers and booleans
/// become strings, a null value becomes its own text (<c>""</c>, <c>"~"</c>, <c>"null"</c>), a list or map becomes "",
/// and the values are new nodes without a style. Keys are written back untyped, so a key that then reads as a number,
/// boolean or null makes kustomize fail, and the render fails with it.
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
                RejectNonStringKey(r, entry.Key);
                entry.Value = AsString(entry.Value);
            }
        }
    }

    /// <summary>
    /// The keys are written back without quotes or type, so a key such as "1", "true" or "null" reads back as a number,
    /// a boolean or null, and kustomize then fails to turn the object into JSON (an empty key makes it crash).
    /// </summary>
    private static void RejectNonStringKey(Resource r, YamlScalar key)
    {
        var kind = YamlScalar.ResolvePlain(key.Value);
        if (kind != ScalarKind.String)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidResource, key.EditLocation,
                $"annotation key \"{key.Value}\" of {r.CurId} reads back as {kind.ToString().ToLowerInvariant()} when kustomize rewrites the annotations, and kustomize fails on it: use a key that is a string without quotes");
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
