using Vixens.Lint.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vixens.Lint.Yaml;

/// <summary>
/// Builds node trees from YamlDotNet's event stream with an explicit stack (no recursion, so nesting cannot overflow
/// the call stack), expanding aliases under a node budget and reporting duplicate keys.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly string _path;
    private readonly string _text;
    private readonly string _scannerText;
    private readonly LineMap _lines;
    private readonly YamlLoadOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<YamlNode, int> _anchorSizes = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<Frame> _stack = new();
    private int _expandedNodes;

    /// <param name="scannerSuffix">Text the scanner reads after <paramref name="text"/>, past every position (see YamlLoader).</param>
    public YamlTreeBuilder(string path, string text, YamlLoadOptions options, string scannerSuffix = "")
    {
        _path = path;
        _text = text;
        _scannerText = text + scannerSuffix;
        _lines = new LineMap(text);
        _options = options;
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public IReadOnlyList<YamlDocument> Build()
    {
        var documents = new List<YamlDocument>();
        var parser = new Parser(new Scanner(new StringReader(_scannerText), skipComments: true));
        YamlNode? root = null;
        Mark documentStart = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart start:
                        root = null;
                        documentStart = start.Start;
                        _anchors.Clear();
                        break;
                    case DocumentEnd end:
                        documents.Add(new YamlDocument(documents.Count, root, Span(documentStart, end.End)));
                        break;
                    case YamlDotNet.Core.Events.Scalar scalar:
                        if (!Add(Anchor(scalar.Anchor, ToScalar(scalar)), ref root))
                        {
                            return documents;
                        }

                        break;
                    case SequenceStart seqStart:
                        if (!Push(new Frame(new YamlSequence(Span(seqStart.Start, seqStart.End), seqStart.Style == SequenceStyle.Flow ? CollectionStyle.Flow : CollectionStyle.Block) { Tag = TagOf(seqStart.Tag) }, seqStart.Anchor, seqStart.Start)))
                        {
                            return documents;
                        }

                        break;
                    case MappingStart mapStart:
                        if (!Push(new Frame(new YamlMapping(Span(mapStart.Start, mapStart.End), mapStart.Style == MappingStyle.Flow ? CollectionStyle.Flow : CollectionStyle.Block) { Tag = TagOf(mapStart.Tag) }, mapStart.Anchor, mapStart.Start)))
                        {
                            return documents;
                        }

                        break;
                    case SequenceEnd or MappingEnd:
                        var frame = _stack.Pop();
                        frame.Node.Span = Span(frame.Start, parser.Current.End);
                        if (frame.Node is YamlMapping mapping)
                        {
                            MergeKeys.Apply(mapping);
                        }

                        if (!Add(Anchor(frame.Anchor, frame.Node), ref root))
                        {
                            return documents;
                        }

                        break;
                    case AnchorAlias alias:
                        if (!ExpandAlias(alias, ref root))
                        {
                            return documents;
                        }

                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            ReportSyntaxError(ex.Start, ex.End, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on a few malformed inputs instead of a YamlException with a position;
            // the last event read is the closest position we know.
            ReportSyntaxError(parser.Current?.End ?? Mark.Empty, parser.Current?.End ?? Mark.Empty, "the YAML scanner could not read past this point (" + ex.Message + ")");
        }

        return documents;
    }

    private bool Push(Frame frame)
    {
        if (_stack.Count >= _options.MaxDepth)
        {
            _diagnostics.Add(Diagnostic.Create(InputDescriptors.NestingTooDeep, Span(frame.Start, frame.Start), _options.MaxDepth));
            return false;
        }

        _stack.Push(frame);
        return true;
    }

    private bool ExpandAlias(AnchorAlias alias, ref YamlNode? root)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            _diagnostics.Add(Diagnostic.Create(InputDescriptors.YamlSyntaxError, Span(alias.Start, alias.End), $"alias *{alias.Value.Value} refers to an unknown anchor"));
            return false;
        }

        if (!_anchorSizes.TryGetValue(target, out var size))
        {
            size = target.DescendantsAndSelf().Count();
            _anchorSizes[target] = size;
        }

        _expandedNodes += size;
        if (_expandedNodes > _options.MaxAliasExpansionNodes)
        {
            _diagnostics.Add(Diagnostic.Create(InputDescriptors.AliasExpansionLimit, Span(alias.Start, alias.End), _options.MaxAliasExpansionNodes));
            return false;
        }

        var clone = target.DeepClone();
        return Add(clone, ref root);
    }

    private YamlNode Anchor(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private bool Add(YamlNode node, ref YamlNode? root)
    {
        if (_stack.Count == 0)
        {
            root = node;
            return true;
        }

        var frame = _stack.Peek();
        switch (frame.Node)
        {
            case YamlSequence sequence:
                sequence.Items.Add(node);
                return true;
            case YamlMapping mapping when frame.PendingKey is null:
                if (node is YamlScalar key)
                {
                    frame.PendingKey = key;
                    frame.SkipValue = false;
                }
                else
                {
                    _diagnostics.Add(Diagnostic.Create(InputDescriptors.UnsupportedYaml, node.Span, "A mapping key must be a scalar; complex keys (mappings or sequences as keys) cannot appear in a Kubernetes manifest"));
                    frame.PendingKey = new YamlScalar("?", node.Span);
                    frame.SkipValue = true;
                }

                return true;
            case YamlMapping mapping:
                var pending = frame.PendingKey;
                frame.PendingKey = null;
                if (frame.SkipValue)
                {
                    return true;
                }

                // A per-frame index keeps duplicate detection linear on mappings with many keys.
                frame.KeyIndex ??= new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
                if (frame.KeyIndex.TryGetValue(pending.Value, out var existing) && pending.Value != MergeKeys.Key)
                {
                    _diagnostics.Add(new Diagnostic(
                        InputDescriptors.DuplicateKey,
                        pending.Span,
                        InputDescriptors.DuplicateKey.FormatMessage(pending.Value, existing.Key.Span.StartLine),
                        relatedLocations: [existing.Key.Span]));
                    existing.Value = node;
                    return true;
                }

                var entry = new YamlEntry(pending, node);
                mapping.Entries.Add(entry);
                frame.KeyIndex[pending.Value] = entry;
                return true;
            default:
                return true;
        }
    }

    private YamlScalar ToScalar(YamlDotNet.Core.Events.Scalar scalar)
    {
        var style = scalar.Style switch
        {
            YamlDotNet.Core.ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            YamlDotNet.Core.ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            YamlDotNet.Core.ScalarStyle.Literal => ScalarStyle.Literal,
            YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };
        return new YamlScalar(scalar.Value, Span(scalar.Start, scalar.End), style) { Tag = TagOf(scalar.Tag) };
    }

    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    private void ReportSyntaxError(Mark start, Mark end, string message)
    {
        var (line, column) = _lines.Clamp(start.Line, start.Column);
        var tab = FindIndentationTab(line) ?? FindIndentationTab(line - 1) ?? FindIndentationTab(line + 1);
        if (tab is { } t)
        {
            _diagnostics.Add(Diagnostic.Create(InputDescriptors.TabIndentation, new SourceSpan(_path, t.Line, t.Column, t.Line, t.Column + 1)));
            return;
        }

        var prefix = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && prefix > 0)
        {
            message = message[(prefix + 3)..];
        }

        _diagnostics.Add(Diagnostic.Create(InputDescriptors.YamlSyntaxError, Span(start, end), message));
    }

    /// <summary>The position of a tab in the leading whitespace of a line, if any.</summary>
    private (int Line, int Column)? FindIndentationTab(int line)
    {
        if (_lines.StartOf(line) is not { } start)
        {
            return null;
        }

        for (var i = start; i < start + _lines.LengthOf(line); i++)
        {
            var c = _text[i];
            if (c == '\t')
            {
                return (line, i - start + 1);
            }

            if (c is not ' ' and not '-')
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A span inside the text from two YamlDotNet marks: both clamped into the text (the end of a stream can be marked
    /// a line past it), and never ending before it starts (a scanner error can mark an end before its start).
    /// </summary>
    private SourceSpan Span(Mark start, Mark end)
    {
        var (startLine, startColumn) = _lines.Clamp(start.Line, start.Column);
        var (endLine, endColumn) = _lines.Clamp(end.Line, end.Column);
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn))
        {
            (endLine, endColumn) = (startLine, startColumn);
        }

        return new SourceSpan(_path, startLine, startColumn, endLine, endColumn);
    }

    private sealed class Frame
    {
        public Frame(YamlNode node, AnchorName anchor, Mark start)
        {
            Node = node;
            Anchor = anchor;
            Start = start;
        }

        public YamlNode Node { get; }

        public AnchorName Anchor { get; }

        public Mark Start { get; }

        public YamlScalar? PendingKey { get; set; }

        public bool SkipValue { get; set; }

        public Dictionary<string, YamlEntry>? KeyIndex { get; set; }
    }
}
