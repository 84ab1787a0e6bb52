namespace Vixens.Lint.Sarif;

/// <summary>The rule pages (<c>docs/rules/VXnnnn.md</c>) that become <c>help.markdown</c>.</summary>
internal sealed class RuleDocs
{
    private readonly string? _directory;

    private RuleDocs(string? directory) => _directory = directory;

    public static RuleDocs Locate(string? configured)
    {
        // The pages document Vixens.Lint's rules, so they come with the tool (or a rule pack), never from the linted repository.
        return new RuleDocs(!string.IsNullOrEmpty(configured) && Directory.Exists(configured) ? configured : null);
    }

    public string? Markdown(string id)
    {
        if (_directory is null)
        {
            return null;
        }

        var path = Path.Combine(_directory, id + ".md");
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return text.Length == 0 ? null : text + "\n";
    }
}
