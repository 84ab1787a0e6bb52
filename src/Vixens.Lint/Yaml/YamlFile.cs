using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Yaml;

/// <summary>
/// A loaded YAML file: its documents, and the problems found while reading it. When <see cref="HasErrors"/> is set the
/// documents are only those read before the first error.
/// </summary>
public sealed class YamlFile
{
    public YamlFile(string path, string text, IReadOnlyList<YamlDocument> documents, IReadOnlyList<Diagnostic> diagnostics)
    {
        Path = path;
        Text = text;
        Documents = documents;
        Diagnostics = diagnostics;
    }

    public string Path { get; }

    /// <summary>The decoded text (empty when the file could not be decoded).</summary>
    public string Text { get; }

    public IReadOnlyList<YamlDocument> Documents { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
