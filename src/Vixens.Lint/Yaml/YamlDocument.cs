using Vixens.Lint.Diagnostics;
namespace Vixens.Lint.Yaml;

/// <summary>One document of a (possibly multi-document) YAML file. <see cref="Root"/> is null for an empty document.</summary>
public sealed class YamlDocument
{
    public YamlDocument(int index, YamlNode? root, SourceSpan span)
    {
        Index = index;
        Root = root;
        Span = span;
    }

    /// <summary>0-based position of the document in its file.</summary>
    public int Index { get; }

    public YamlNode? Root { get; }

    public SourceSpan Span { get; }
}
