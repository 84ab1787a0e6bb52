namespace Vixens.Lint.Kustomize.Tests;

/// <summary>Reads the tab-separated lists copied beside the test assembly (blank lines and <c>#</c> comments skipped).</summary>
internal static class TabFile
{
    public static IEnumerable<string[]> Read(string name, int fields)
    {
        var file = Path.Combine(AppContext.BaseDirectory, name);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException("The test list is missing beside the test assembly", file);
        }

        foreach (var line in File.ReadAllLines(file))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', fields);
            yield return parts.Length == fields
                ? parts
                : throw new FormatException($"{name}: expected {fields} tab-separated fields: {line}");
        }
    }
}
