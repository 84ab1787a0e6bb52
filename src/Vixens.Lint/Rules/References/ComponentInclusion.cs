using Vixens.Lint.GitOps;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>
/// Finds the <c>components:</c> entry through which an overlay pulls in a shared Kustomize Component. A value set by a
/// component shared by many applications is fixed per application (pick another component, or change the workload),
/// so a finding about it belongs at that entry, not at the one component line every application shares.
/// </summary>
internal static class ComponentInclusion
{
    private const int MaxKustomizations = 64;

    /// <summary>
    /// The entry of the kustomization closest to <paramref name="overlayDirectory"/> (the overlay itself, then its
    /// directory bases breadth-first) that lists <paramref name="componentDirectory"/>; null when none does.
    /// </summary>
    public static YamlScalar? FindEntry(string overlayDirectory, string componentDirectory)
    {
        var target = Normalize(componentDirectory);
        var queue = new Queue<string>([Normalize(overlayDirectory)]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0 && seen.Count < MaxKustomizations)
        {
            var directory = queue.Dequeue();
            if (!seen.Add(directory) || KustomizationIndex.FindKustomizationFile(directory) is not { } file)
            {
                continue;
            }

            var documents = YamlLoader.LoadFile(file).Documents;
            if (documents.Count == 0 || documents[0].Root is not YamlMapping kustomization)
            {
                continue;
            }

            foreach (var entry in Entries(kustomization, "components"))
            {
                if (Normalize(Path.Combine(directory, entry.Value)) == target)
                {
                    return entry;
                }
            }

            foreach (var entry in Entries(kustomization, "resources").Concat(Entries(kustomization, "bases")))
            {
                var path = Normalize(Path.Combine(directory, entry.Value));
                if (Directory.Exists(path))
                {
                    queue.Enqueue(path);
                }
            }
        }

        return null;
    }

    private static IEnumerable<YamlScalar> Entries(YamlMapping kustomization, string field) =>
        kustomization.GetSequence(field)?.Items.OfType<YamlScalar>().Where(s => !s.IsNull && s.Value.Length > 0 && !s.Value.Contains("://", StringComparison.Ordinal)) ?? [];

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
