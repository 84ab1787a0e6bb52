using Vixens.Lint.Rules;

namespace Vixens.Lint.Sarif;

/// <summary>
/// Where a rule's <c>help.markdown</c> comes from: a page in the configured directory (rule packs, local edits), else the
/// page embedded in the library (<c>docs/rules/VXnnnn.md</c>), else nothing (the writer then generates one).
/// </summary>
internal sealed class RuleHelp
{
    private readonly string? _directory;

    public RuleHelp(string? directory) =>
        _directory = !string.IsNullOrEmpty(directory) && Directory.Exists(directory) ? directory : null;

    public string? Markdown(string id)
    {
        string? text = null;
        if (_directory is not null && File.Exists(Path.Combine(_directory, id + ".md")))
        {
            text = File.ReadAllText(Path.Combine(_directory, id + ".md"));
        }

        text ??= RuleDocs.TryGet(id);
        if (text is null)
        {
            return null;
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return text.Length == 0 ? null : text + "\n";
    }
}
