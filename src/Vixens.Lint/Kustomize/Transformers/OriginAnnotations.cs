using System.Text;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// <c>buildMetadata: [originAnnotations]</c>: each object gets <c>config.kubernetes.io/origin</c> saying which file
/// (relative to the built kustomization) or which generator produced it.
/// </summary>
internal static class OriginAnnotations
{
    private const string Key = "config.kubernetes.io/origin";

    public static void Apply(ResourceList resources, Kustomization top)
    {
        var provenance = new Provenance(ProvenanceKind.Transformer, top.SpanOf("buildMetadata"), "buildMetadata");
        foreach (var r in resources.Items)
        {
            string? text = null;
            if (r.OriginGenerator is { } generator)
            {
                var sb = new StringBuilder();
                sb.Append("configuredIn: ").Append(Relative(top.Directory, generator.ConfiguredIn)).Append('\n');
                sb.Append("configuredBy:\n  apiVersion: builtin\n  kind: ").Append(generator.Kind).Append('\n');
                if (generator.Name is { } name)
                {
                    sb.Append("  name: ").Append(name).Append('\n');
                }

                text = sb.ToString();
            }
            else if (r.OriginFile is { } file)
            {
                text = "path: " + Relative(top.Directory, file) + "\n";
            }

            if (text is null)
            {
                continue;
            }

            var meta = r.EnsureMetadata(provenance.Span);
            if (meta.GetMapping("annotations") is not { } annotations)
            {
                annotations = ScalarFactory.Mapping(provenance);
                meta.Set("annotations", annotations);
            }

            if (!annotations.ContainsKey(Key))
            {
                annotations.Set(Key, ScalarFactory.String(text, provenance));
            }
        }
    }

    /// <summary><c>transformerAnnotations</c>: the list of transformers that ran over each object.</summary>
    public static void ApplyTransformations(ResourceList resources, Kustomization top)
    {
        var provenance = new Provenance(ProvenanceKind.Transformer, top.SpanOf("buildMetadata"), "buildMetadata");
        foreach (var r in resources.Items)
        {
            if (r.Transformations.Count == 0)
            {
                continue;
            }

            var sb = new StringBuilder();
            foreach (var (configuredIn, kind, name, ns) in r.Transformations)
            {
                sb.Append("- configuredIn: ").Append(Relative(top.Directory, configuredIn)).Append('\n');
                sb.Append("  configuredBy:\n    apiVersion: builtin\n    kind: ").Append(kind).Append('\n');
                if (name is not null)
                {
                    sb.Append("    name: ").Append(name).Append('\n');
                }

                if (ns is not null)
                {
                    sb.Append("    namespace: ").Append(ns).Append('\n');
                }
            }

            SetAnnotation(r, "alpha.config.kubernetes.io/transformations", sb.ToString(), provenance);
        }
    }

    /// <summary><c>managedByLabel</c>: <c>app.kubernetes.io/managed-by: kustomize-v5.7.1</c> on every object.</summary>
    public static void ApplyManagedByLabel(ResourceList resources, Kustomization top)
    {
        var provenance = new Provenance(ProvenanceKind.Transformer, top.SpanOf("buildMetadata"), "buildMetadata");
        foreach (var r in resources.Items)
        {
            var meta = r.EnsureMetadata(provenance.Span);
            if (meta.GetMapping("labels") is not { } labels)
            {
                labels = ScalarFactory.Mapping(provenance);
                meta.Set("labels", labels);
            }

            labels.Set("app.kubernetes.io/managed-by", ScalarFactory.String("kustomize-v5.7.1", provenance));
        }
    }

    private static void SetAnnotation(Resource r, string key, string value, Provenance provenance)
    {
        var meta = r.EnsureMetadata(provenance.Span);
        if (meta.GetMapping("annotations") is not { } annotations)
        {
            annotations = ScalarFactory.Mapping(provenance);
            meta.Set("annotations", annotations);
        }

        annotations.Set(key, ScalarFactory.String(value, provenance));
    }

    private static string Relative(string directory, string file) =>
        Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
}
