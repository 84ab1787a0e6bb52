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

    private static string Relative(string directory, string file) =>
        Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
}
