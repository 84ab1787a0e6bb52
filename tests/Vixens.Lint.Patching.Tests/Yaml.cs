using System.Text;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Patching.Tests;

/// <summary>Small helpers: parse YAML text into trees, and print trees canonically (sorted keys, list order kept).</summary>
internal static class Yaml
{
    public const string TargetFile = "/repo/base/deployment.yaml";
    public const string PatchFile = "/repo/overlay/patch.yaml";

    public static YamlNode Parse(string text, string file = TargetFile)
    {
        var parsed = YamlLoader.Parse(file, text);
        Assert.That(parsed.HasErrors, Is.False, () => string.Join("\n", parsed.Diagnostics));
        return parsed.Documents.First(d => d.Root is not null).Root!;
    }

    public static YamlMapping Map(string text, string file = TargetFile) => (YamlMapping)Parse(text, file);

    public static YamlSequence Seq(string text, string file = PatchFile) => (YamlSequence)Parse(text, file);

    public static Provenance PatchProvenance => new(ProvenanceKind.Patch, SourceSpan.StartOf(PatchFile), "patches");

    /// <summary>A flow rendering with sorted keys: equal strings mean equal documents up to key order and scalar style.</summary>
    public static string Canon(YamlNode? node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static void Write(YamlNode? node, StringBuilder builder)
    {
        switch (node)
        {
            case null:
                builder.Append("<none>");
                break;
            case YamlScalar { IsNull: true }:
                builder.Append("null");
                break;
            case YamlScalar scalar:
                builder.Append(scalar.Value);
                break;
            case YamlSequence sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Write(sequence.Items[i], builder);
                }

                builder.Append(']');
                break;
            case YamlMapping mapping:
                builder.Append('{');
                var first = true;
                foreach (var entry in mapping.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
                {
                    builder.Append(first ? string.Empty : ", ").Append(entry.Key.Value).Append(": ");
                    Write(entry.Value, builder);
                    first = false;
                }

                builder.Append('}');
                break;
        }
    }

    /// <summary>Flow-style YAML text of a JSON-like literal, for compact expectations.</summary>
    public static string CanonOf(string yaml) => Canon(Parse(yaml));
}
