namespace Vixens.Lint.Kustomize.Tests;

/// <summary>The baseline of cases that still differ from kustomize (KnownDifferences.txt: case, tab, reason).</summary>
internal static class KnownDifferences
{
    private static readonly Lazy<Dictionary<string, string>> Table = new(() =>
    {
        var file = Path.Combine(AppContext.BaseDirectory, "KnownDifferences.txt");
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return table;
        }

        foreach (var line in File.ReadAllLines(file))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            table[tab < 0 ? line : line[..tab]] = tab < 0 ? "known" : line[(tab + 1)..];
        }

        return table;
    });

    public static string? Reason(string name) => Table.Value.TryGetValue(name, out var reason) ? reason : null;
}
