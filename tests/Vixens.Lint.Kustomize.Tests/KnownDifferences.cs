namespace Vixens.Lint.Kustomize.Tests;

/// <summary>The variants that still differ from kustomize, each with its reason (KnownDifferences.txt: variant TAB reason).</summary>
internal static class KnownDifferences
{
    private static readonly Lazy<Dictionary<string, string>> Table = new(() =>
        TabFile.Read("KnownDifferences.txt", 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal));

    public static IEnumerable<string> Names => Table.Value.Keys;

    public static string? Reason(string name) => Table.Value.TryGetValue(name, out var reason) ? reason : null;
}
