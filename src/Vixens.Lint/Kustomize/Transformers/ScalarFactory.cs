using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>Creates nodes for values a transformer writes, stamped with where the transformer is configured.</summary>
internal static class ScalarFactory
{
    /// <summary>A string value (never re-typed as a number or bool on output).</summary>
    public static YamlScalar String(string value, Provenance provenance) =>
        new(value, provenance.Span, ScalarStyle.DoubleQuoted) { Provenance = provenance };

    /// <summary>Replaces a scalar's text in place, keeping its node (and list position) but pointing it at the transformer.</summary>
    public static void Rewrite(YamlScalar scalar, string value, Provenance provenance)
    {
        scalar.Value = value;
        scalar.Style = ScalarStyle.DoubleQuoted;
        scalar.Tag = null;
        scalar.Provenance = provenance;
    }

    public static YamlMapping Mapping(Provenance provenance) => new(provenance.Span) { Provenance = provenance };
}
