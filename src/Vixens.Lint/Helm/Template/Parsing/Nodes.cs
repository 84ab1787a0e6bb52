using System.Numerics;
using System.Text;

namespace Vixens.Lint.Helm.Template.Parsing;

/// <summary>
/// A node of a parsed template. <see cref="Pos"/> is the char offset in <see cref="ParseTree.Text"/>;
/// <see cref="ToString"/> prints the node as Go's <c>parse.Node.String()</c> does (error messages quote it).
/// </summary>
internal abstract class Node
{
    protected Node(ParseTree tree, int pos)
    {
        Tree = tree;
        Pos = pos;
    }

    public ParseTree Tree { get; }

    public int Pos { get; }

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }

    public abstract void WriteTo(StringBuilder sb);
}

internal sealed class ListNode : Node
{
    public ListNode(ParseTree tree, int pos)
        : base(tree, pos)
    {
    }

    public List<Node> Nodes { get; } = new();

    public override void WriteTo(StringBuilder sb)
    {
        foreach (var n in Nodes)
        {
            n.WriteTo(sb);
        }
    }
}

internal sealed class TextNode(ParseTree tree, int pos, string text) : Node(tree, pos)
{
    public string Text { get; } = text;

    public override void WriteTo(StringBuilder sb) => sb.Append(Text);
}

internal sealed class CommentNode(ParseTree tree, int pos, string text) : Node(tree, pos)
{
    public override void WriteTo(StringBuilder sb) => sb.Append(text);
}

internal sealed class PipeNode(ParseTree tree, int pos, int line) : Node(tree, pos)
{
    public int Line { get; } = line;

    public bool IsAssign { get; set; }

    public List<VariableNode> Decl { get; } = new();

    public List<CommandNode> Cmds { get; } = new();

    public override void WriteTo(StringBuilder sb)
    {
        if (Decl.Count > 0)
        {
            for (var i = 0; i < Decl.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                Decl[i].WriteTo(sb);
            }

            sb.Append(" := ");
        }

        for (var i = 0; i < Cmds.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(" | ");
            }

            Cmds[i].WriteTo(sb);
        }
    }
}

internal sealed class ActionNode(ParseTree tree, int pos, int line, PipeNode pipe) : Node(tree, pos)
{
    public int Line { get; } = line;

    public PipeNode Pipe { get; } = pipe;

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append("{{");
        Pipe.WriteTo(sb);
        sb.Append("}}");
    }
}

internal sealed class CommandNode(ParseTree tree, int pos) : Node(tree, pos)
{
    public List<Node> Args { get; } = new();

    public override void WriteTo(StringBuilder sb)
    {
        for (var i = 0; i < Args.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            if (Args[i] is PipeNode p)
            {
                sb.Append('(');
                p.WriteTo(sb);
                sb.Append(')');
            }
            else
            {
                Args[i].WriteTo(sb);
            }
        }
    }
}

internal sealed class IdentifierNode(ParseTree tree, int pos, string ident) : Node(tree, pos)
{
    public string Ident { get; } = ident;

    public override void WriteTo(StringBuilder sb) => sb.Append(Ident);
}

internal sealed class VariableNode(ParseTree tree, int pos, string[] ident) : Node(tree, pos)
{
    /// <summary>The variable name (with <c>$</c>) then the fields: <c>$x.A.B</c> is <c>[$x, A, B]</c>.</summary>
    public string[] Ident { get; } = ident;

    public override void WriteTo(StringBuilder sb) => sb.AppendJoin('.', Ident);
}

internal sealed class DotNode(ParseTree tree, int pos) : Node(tree, pos)
{
    public override void WriteTo(StringBuilder sb) => sb.Append('.');
}

internal sealed class NilNode(ParseTree tree, int pos) : Node(tree, pos)
{
    public override void WriteTo(StringBuilder sb) => sb.Append("nil");
}

internal sealed class FieldNode(ParseTree tree, int pos, string[] ident) : Node(tree, pos)
{
    public string[] Ident { get; } = ident;

    public override void WriteTo(StringBuilder sb)
    {
        foreach (var id in Ident)
        {
            sb.Append('.').Append(id);
        }
    }
}

internal sealed class ChainNode(ParseTree tree, int pos, Node node) : Node(tree, pos)
{
    public Node Node { get; } = node;

    public List<string> Field { get; } = new();

    public override void WriteTo(StringBuilder sb)
    {
        if (Node is PipeNode p)
        {
            sb.Append('(');
            p.WriteTo(sb);
            sb.Append(')');
        }
        else
        {
            Node.WriteTo(sb);
        }

        foreach (var f in Field)
        {
            sb.Append('.').Append(f);
        }
    }
}

internal sealed class BoolNode(ParseTree tree, int pos, bool value) : Node(tree, pos)
{
    public bool True { get; } = value;

    public override void WriteTo(StringBuilder sb) => sb.Append(True ? "true" : "false");
}

internal sealed class NumberNode(ParseTree tree, int pos, string text) : Node(tree, pos)
{
    public string Text { get; } = text;

    public bool IsInt { get; set; }

    public bool IsUint { get; set; }

    public bool IsFloat { get; set; }

    public bool IsComplex { get; set; }

    public long Int64 { get; set; }

    public ulong Uint64 { get; set; }

    public double Float64 { get; set; }

    public Complex Complex128 { get; set; }

    public override void WriteTo(StringBuilder sb) => sb.Append(Text);
}

internal sealed class StringNode(ParseTree tree, int pos, string quoted, string text) : Node(tree, pos)
{
    public string Quoted { get; } = quoted;

    public string Text { get; } = text;

    public override void WriteTo(StringBuilder sb) => sb.Append(Quoted);
}

/// <summary>An <c>if</c>, <c>range</c> or <c>with</c>.</summary>
internal sealed class BranchNode(ParseTree tree, int pos, int line, string keyword, PipeNode pipe, ListNode list, ListNode? elseList) : Node(tree, pos)
{
    public int Line { get; } = line;

    /// <summary><c>if</c>, <c>range</c> or <c>with</c>.</summary>
    public string Keyword { get; } = keyword;

    public PipeNode Pipe { get; } = pipe;

    public ListNode List { get; } = list;

    public ListNode? ElseList { get; } = elseList;

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append("{{").Append(Keyword).Append(' ');
        Pipe.WriteTo(sb);
        sb.Append("}}");
        List.WriteTo(sb);
        if (ElseList is not null)
        {
            sb.Append("{{else}}");
            ElseList.WriteTo(sb);
        }

        sb.Append("{{end}}");
    }
}

internal sealed class TemplateNode(ParseTree tree, int pos, int line, string name, PipeNode? pipe) : Node(tree, pos)
{
    public int Line { get; } = line;

    public string Name { get; } = name;

    public PipeNode? Pipe { get; } = pipe;

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append("{{template ").Append(GoQuote.Quote(Name));
        if (Pipe is not null)
        {
            sb.Append(' ');
            Pipe.WriteTo(sb);
        }

        sb.Append("}}");
    }
}

/// <summary><c>{{break}}</c> or <c>{{continue}}</c>.</summary>
internal sealed class LoopControlNode(ParseTree tree, int pos, bool isBreak) : Node(tree, pos)
{
    public bool IsBreak { get; } = isBreak;

    public override void WriteTo(StringBuilder sb) => sb.Append(IsBreak ? "{{break}}" : "{{continue}}");
}

/// <summary><c>{{end}}</c> or <c>{{else}}</c>: parser-internal, never in a finished tree.</summary>
internal sealed class DelimiterNode(ParseTree tree, int pos, bool isElse) : Node(tree, pos)
{
    public bool IsElse { get; } = isElse;

    public override void WriteTo(StringBuilder sb) => sb.Append(IsElse ? "{{else}}" : "{{end}}");
}

/// <summary>One template's parse tree: its name, the file it came from and that file's text (for error positions).</summary>
internal sealed class ParseTree(string name, string parseName, string text)
{
    public string Name { get; set; } = name;

    /// <summary>The name of the top-level template the text was parsed for (the file name in Helm).</summary>
    public string ParseName { get; } = parseName;

    public string Text { get; } = text;

    public ListNode Root { get; set; } = null!;

    /// <summary>Go's <c>ErrorContext</c>: <c>FILE:LINE:COL</c> (column in UTF-8 bytes from 0) and the node's text.</summary>
    public (string Location, string Context) ErrorContext(Node n)
    {
        var pos = Math.Min(n.Pos, Text.Length);
        var lastNewline = Text.LastIndexOf('\n', Math.Max(pos - 1, 0), pos);
        var lineStart = lastNewline < 0 ? 0 : lastNewline + 1;
        if (pos == 0)
        {
            lineStart = 0;
        }

        var line = 1;
        for (var i = 0; i < pos; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        var column = Encoding.UTF8.GetByteCount(Text.AsSpan(lineStart, pos - lineStart));
        return ($"{ParseName}:{line}:{column}", n.ToString());
    }

    /// <summary>Go's <c>IsEmptyTree</c>: only whitespace text and comments.</summary>
    public static bool IsEmpty(Node? n) => n switch
    {
        null => true,
        ListNode l => l.Nodes.TrueForAll(IsEmpty),
        TextNode t => string.IsNullOrWhiteSpace(t.Text),
        CommentNode => true,
        _ => false,
    };
}
