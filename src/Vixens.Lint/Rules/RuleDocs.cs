namespace Vixens.Lint.Rules;

/// <summary>The rule pages (<c>docs/rules/VXnnnn.md</c>), embedded in the library so every front end can show them offline.</summary>
public static class RuleDocs
{
    public static string? TryGet(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"docs/rules/{id.ToUpperInvariant()}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
