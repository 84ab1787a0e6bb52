namespace Vixens.Lint.Helm.Tests.Conformance;

/// <summary>KnownDifferences.txt: the cases whose result is known to differ from helm v3.17.2, each with its reason.</summary>
public static class KnownDifferences
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Entries = new(Read);

    public static IReadOnlyDictionary<string, string> All => Entries.Value;

    public static string? ReasonFor(string caseName) => All.TryGetValue(caseName, out var reason) ? reason : null;

    private static Dictionary<string, string> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "KnownDifferences.txt");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new FormatException($"KnownDifferences.txt: '{line}' is not '<case>\\t<reason>'");
            }

            entries.Add(line[..tab], line[(tab + 1)..]);
        }

        return entries;
    }
}
