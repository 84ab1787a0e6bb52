using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Tests;

/// <summary>How a render compares with the reference output.</summary>
internal enum Match
{
    ByteIdentical,
    Semantic,
    Different,
}

internal static class Comparison
{
    /// <summary>
    /// Byte-identical, or semantically equal: the same objects with the same content (keys in any order, scalars
    /// compared by their printed form), in any document order.
    /// </summary>
    public static Match Compare(string actual, string expected)
    {
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return Match.ByteIdentical;
        }

        return Canonical(actual).SequenceEqual(Canonical(expected), StringComparer.Ordinal) ? Match.Semantic : Match.Different;
    }

    private static List<string> Canonical(string text)
    {
        var file = YamlLoader.Parse("compare.yaml", text);
        return file.Documents
            .Where(d => d.Root is YamlMapping)
            .Select(d => KustomizeYamlWriter.Write([new KubeResource((YamlMapping)d.Root!)]))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
