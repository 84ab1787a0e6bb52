using System.Globalization;

namespace Vixens.Lint.Helm.Template.Parsing;

/// <summary>
/// Go's text/template parser: builds the trees of one <c>Parse</c> call (the top-level template and every
/// <c>define</c>/<c>block</c>), with Go's error messages (<c>template: NAME:LINE: MESSAGE</c>).
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly Func<string, bool> _hasFunction;
    private readonly Dictionary<string, ParseTree> _treeSet;
    private readonly string _parseName;
    private readonly string _text;
    private int _index;
    private int _furthest;

    // Per-tree state (define and block parse a new tree with the same token stream).
    private ParseTree _tree = null!;
    private List<string> _vars = new();
    private int _actionLine;
    private int _rangeDepth;

    private Parser(string parseName, string text, List<Token> tokens, Func<string, bool> hasFunction, Dictionary<string, ParseTree> treeSet)
    {
        _parseName = parseName;
        _text = text;
        _tokens = tokens;
        _hasFunction = hasFunction;
        _treeSet = treeSet;
    }

    /// <summary>Parses <paramref name="text"/> as template <paramref name="name"/>; returns every tree it defines.</summary>
    /// <exception cref="GoTemplateParseException">The text is not a valid template.</exception>
    public static Dictionary<string, ParseTree> Parse(string name, string text, Func<string, bool> hasFunction)
    {
        var treeSet = new Dictionary<string, ParseTree>(StringComparer.Ordinal);
        var parser = new Parser(name, text, Lexer.Lex(text), hasFunction, treeSet);
        parser.ParseTop(name);
        return treeSet;
    }

    private void ParseTop(string name)
    {
        StartTree(new ParseTree(name, _parseName, _text));
        _tree.Root = new ListNode(_tree, Peek().Pos);
        while (Peek().Type != TokenType.Eof)
        {
            if (Peek().Type == TokenType.LeftDelim)
            {
                var delimIndex = _index;
                Next();
                if (NextNonSpace().Type == TokenType.Define)
                {
                    var outer = SaveTreeState();
                    StartTree(new ParseTree("definition", _parseName, _text));
                    ParseDefinition();
                    RestoreTreeState(outer);
                    continue;
                }

                _index = delimIndex;
            }

            var n = TextOrAction();
            if (n is DelimiterNode)
            {
                throw Error($"unexpected {n}");
            }

            _tree.Root.Nodes.Add(n);
        }

        Add(_tree);
    }

    private (ParseTree Tree, List<string> Vars, int ActionLine, int RangeDepth) SaveTreeState() => (_tree, _vars, _actionLine, _rangeDepth);

    private void RestoreTreeState((ParseTree Tree, List<string> Vars, int ActionLine, int RangeDepth) state)
    {
        (_tree, _vars, _actionLine, _rangeDepth) = state;
    }

    private void StartTree(ParseTree tree)
    {
        _tree = tree;
        _vars = new List<string> { "$" };
        _actionLine = 0;
        _rangeDepth = 0;
    }

    private void Add(ParseTree tree)
    {
        if (!_treeSet.TryGetValue(tree.Name, out var existing) || ParseTree.IsEmpty(existing.Root))
        {
            _treeSet[tree.Name] = tree;
            return;
        }

        if (!ParseTree.IsEmpty(tree.Root))
        {
            throw Error($"template: multiple definition of template {GoQuote.Quote(tree.Name)}");
        }
    }

    private void ParseDefinition()
    {
        const string context = "define clause";
        var name = ExpectOneOf(TokenType.String, TokenType.RawString, context);
        _tree.Name = Unquote(name);
        Expect(TokenType.RightDelim, context);
        var (list, end) = ItemList();
        _tree.Root = list;
        if (end is not DelimiterNode { IsElse: false })
        {
            throw Error($"unexpected {end} in {context}");
        }

        Add(_tree);
    }

    // ---- token stream ----

    private Token Next()
    {
        var t = _tokens[Math.Min(_index, _tokens.Count - 1)];
        if (_index < _tokens.Count)
        {
            _index++;
        }

        if (_index - 1 > _furthest)
        {
            _furthest = _index - 1;
        }

        return t;
    }

    private void Backup() => _index--;

    private Token Peek()
    {
        var t = Next();
        Backup();
        return t;
    }

    private Token NextNonSpace()
    {
        Token t;
        do
        {
            t = Next();
        }
        while (t.Type == TokenType.Space);
        return t;
    }

    private Token PeekNonSpace()
    {
        var t = NextNonSpace();
        Backup();
        return t;
    }

    private Token Expect(TokenType expected, string context)
    {
        var t = NextNonSpace();
        if (t.Type != expected)
        {
            throw Unexpected(t, context);
        }

        return t;
    }

    private Token ExpectOneOf(TokenType a, TokenType b, string context)
    {
        var t = NextNonSpace();
        if (t.Type != a && t.Type != b)
        {
            throw Unexpected(t, context);
        }

        return t;
    }

    // ---- errors ----

    private int CurrentLine => _tokens[Math.Min(_furthest, _tokens.Count - 1)].Line;

    private GoTemplateParseException Error(string message) => new(_parseName, CurrentLine, message);

    private GoTemplateParseException Unexpected(Token token, string context)
    {
        if (token.Type == TokenType.Error)
        {
            var extra = string.Empty;
            if (_actionLine != 0 && _actionLine != token.Line)
            {
                extra = $" in action started at {_parseName}:{_actionLine}";
                if (token.Val.EndsWith(" action", StringComparison.Ordinal))
                {
                    extra = extra[" in action".Length..];
                }
            }

            return Error(token.Val + extra);
        }

        return Error($"unexpected {token} in {context}");
    }

    // ---- grammar ----

    private (ListNode List, Node End) ItemList()
    {
        var list = new ListNode(_tree, PeekNonSpace().Pos);
        while (PeekNonSpace().Type != TokenType.Eof)
        {
            var n = TextOrAction();
            if (n is DelimiterNode)
            {
                return (list, n);
            }

            list.Nodes.Add(n);
        }

        throw Error("unexpected EOF");
    }

    private Node TextOrAction()
    {
        var token = NextNonSpace();
        switch (token.Type)
        {
            case TokenType.Text:
                return new TextNode(_tree, token.Pos, token.Val);
            case TokenType.LeftDelim:
                _actionLine = token.Line;
                try
                {
                    return Action();
                }
                finally
                {
                    _actionLine = 0;
                }

            case TokenType.Comment:
                return new CommentNode(_tree, token.Pos, token.Val);
            default:
                throw Unexpected(token, "input");
        }
    }

    private Node Action()
    {
        var token = NextNonSpace();
        switch (token.Type)
        {
            case TokenType.Block:
                return BlockControl();
            case TokenType.Break:
                return LoopControl(token, isBreak: true);
            case TokenType.Continue:
                return LoopControl(token, isBreak: false);
            case TokenType.Else:
                return ElseControl();
            case TokenType.End:
                return new DelimiterNode(_tree, Expect(TokenType.RightDelim, "end").Pos, isElse: false);
            case TokenType.If:
                return BranchControl("if");
            case TokenType.Range:
                return BranchControl("range");
            case TokenType.Template:
                return TemplateControl();
            case TokenType.With:
                return BranchControl("with");
        }

        Backup();
        var t = Peek();
        return new ActionNode(_tree, t.Pos, t.Line, Pipeline("command", TokenType.RightDelim));
    }

    private LoopControlNode LoopControl(Token keyword, bool isBreak)
    {
        var name = isBreak ? "{{break}}" : "{{continue}}";
        var token = NextNonSpace();
        if (token.Type != TokenType.RightDelim)
        {
            throw Unexpected(token, name);
        }

        if (_rangeDepth == 0)
        {
            throw Error($"{name} outside {{{{range}}}}");
        }

        return new LoopControlNode(_tree, keyword.Pos, isBreak);
    }

    private DelimiterNode ElseControl()
    {
        var peek = PeekNonSpace();
        if (peek.Type is TokenType.If or TokenType.With)
        {
            return new DelimiterNode(_tree, peek.Pos, isElse: true);
        }

        var token = Expect(TokenType.RightDelim, "else");
        return new DelimiterNode(_tree, token.Pos, isElse: true);
    }

    private BranchNode BranchControl(string context)
    {
        var mark = _vars.Count;
        try
        {
            var pipe = Pipeline(context, TokenType.RightDelim);
            if (context == "range")
            {
                _rangeDepth++;
            }

            var (list, next) = ItemList();
            if (context == "range")
            {
                _rangeDepth--;
            }

            ListNode? elseList = null;
            if (next is DelimiterNode { IsElse: true })
            {
                if (context == "if" && Peek().Type == TokenType.If)
                {
                    Next();
                    elseList = new ListNode(_tree, next.Pos);
                    elseList.Nodes.Add(BranchControl("if"));
                }
                else if (context == "with" && Peek().Type == TokenType.With)
                {
                    Next();
                    elseList = new ListNode(_tree, next.Pos);
                    elseList.Nodes.Add(BranchControl("with"));
                }
                else
                {
                    (elseList, next) = ItemList();
                    if (next is not DelimiterNode { IsElse: false })
                    {
                        throw Error($"expected end; found {next}");
                    }
                }
            }

            return new BranchNode(_tree, pipe.Pos, pipe.Line, context, pipe, list, elseList);
        }
        finally
        {
            _vars.RemoveRange(mark, _vars.Count - mark);
        }
    }

    private TemplateNode TemplateControl()
    {
        const string context = "template clause";
        var token = NextNonSpace();
        var name = ParseTemplateName(token, context);
        PipeNode? pipe = null;
        if (NextNonSpace().Type != TokenType.RightDelim)
        {
            Backup();
            pipe = Pipeline(context, TokenType.RightDelim);
        }

        return new TemplateNode(_tree, token.Pos, token.Line, name, pipe);
    }

    private TemplateNode BlockControl()
    {
        const string context = "block clause";
        var token = NextNonSpace();
        var name = ParseTemplateName(token, context);
        var pipe = Pipeline(context, TokenType.RightDelim);

        var outer = SaveTreeState();
        StartTree(new ParseTree(name, _parseName, _text));
        var (list, end) = ItemList();
        _tree.Root = list;
        if (end is not DelimiterNode { IsElse: false })
        {
            throw Error($"unexpected {end} in {context}");
        }

        Add(_tree);
        RestoreTreeState(outer);
        return new TemplateNode(_tree, token.Pos, token.Line, name, pipe);
    }

    private string ParseTemplateName(Token token, string context)
    {
        if (token.Type is TokenType.String or TokenType.RawString)
        {
            return Unquote(token);
        }

        throw Unexpected(token, context);
    }

    private PipeNode Pipeline(string context, TokenType end)
    {
        var token = PeekNonSpace();
        var pipe = new PipeNode(_tree, token.Pos, token.Line);

    decls:
        var v = PeekNonSpace();
        if (v.Type == TokenType.Variable)
        {
            NextNonSpace();
            var afterVariableIndex = _index;
            var tokenAfterVariable = Peek();
            var next = PeekNonSpace();
            if (next.Type is TokenType.Assign or TokenType.Declare)
            {
                pipe.IsAssign = next.Type == TokenType.Assign;
                NextNonSpace();
                pipe.Decl.Add(new VariableNode(_tree, v.Pos, [v.Val]));
                _vars.Add(v.Val);
            }
            else if (next.Type == TokenType.Char && next.Val == ",")
            {
                NextNonSpace();
                pipe.Decl.Add(new VariableNode(_tree, v.Pos, [v.Val]));
                _vars.Add(v.Val);
                if (context == "range" && pipe.Decl.Count < 2)
                {
                    switch (PeekNonSpace().Type)
                    {
                        case TokenType.Variable or TokenType.RightDelim or TokenType.RightParen:
                            goto decls;
                        default:
                            throw Error("range can only initialize variables");
                    }
                }

                throw Error($"too many declarations in {context}");
            }
            else if (tokenAfterVariable.Type == TokenType.Space)
            {
                _index = afterVariableIndex - 1;
            }
            else
            {
                _index = afterVariableIndex - 1;
            }
        }

        while (true)
        {
            var t = NextNonSpace();
            if (t.Type == end)
            {
                CheckPipeline(pipe, context);
                return pipe;
            }

            switch (t.Type)
            {
                case TokenType.Bool or TokenType.CharConstant or TokenType.Complex or TokenType.Dot or TokenType.Field
                    or TokenType.Identifier or TokenType.Number or TokenType.Nil or TokenType.RawString or TokenType.String
                    or TokenType.Variable or TokenType.LeftParen:
                    Backup();
                    pipe.Cmds.Add(Command());
                    break;
                default:
                    throw Unexpected(t, context);
            }
        }
    }

    private void CheckPipeline(PipeNode pipe, string context)
    {
        if (pipe.Cmds.Count == 0)
        {
            throw Error($"missing value for {context}");
        }

        for (var i = 1; i < pipe.Cmds.Count; i++)
        {
            if (pipe.Cmds[i].Args[0] is BoolNode or DotNode or NilNode or NumberNode or StringNode)
            {
                throw Error($"non executable command in pipeline stage {i + 1}");
            }
        }
    }

    private CommandNode Command()
    {
        var cmd = new CommandNode(_tree, PeekNonSpace().Pos);
        while (true)
        {
            PeekNonSpace();
            var operand = Operand();
            if (operand is not null)
            {
                cmd.Args.Add(operand);
            }

            var token = Next();
            switch (token.Type)
            {
                case TokenType.Space:
                    continue;
                case TokenType.RightDelim or TokenType.RightParen:
                    Backup();
                    break;
                case TokenType.Pipe:
                    break;
                default:
                    throw Unexpected(token, "operand");
            }

            break;
        }

        if (cmd.Args.Count == 0)
        {
            throw Error("empty command");
        }

        return cmd;
    }

    private Node? Operand()
    {
        var node = Term();
        if (node is null)
        {
            return null;
        }

        if (Peek().Type == TokenType.Field)
        {
            var chain = new ChainNode(_tree, Peek().Pos, node);
            while (Peek().Type == TokenType.Field)
            {
                chain.Field.Add(Next().Val[1..]);
            }

            switch (node)
            {
                case FieldNode f:
                    node = new FieldNode(_tree, chain.Pos, [.. f.Ident, .. chain.Field]);
                    break;
                case VariableNode v:
                    node = new VariableNode(_tree, chain.Pos, [.. v.Ident, .. chain.Field]);
                    break;
                case BoolNode or StringNode or NumberNode or NilNode or DotNode:
                    throw Error($"unexpected . after term {GoQuote.Quote(node.ToString())}");
                default:
                    node = chain;
                    break;
            }
        }

        return node;
    }

    private Node? Term()
    {
        var token = NextNonSpace();
        switch (token.Type)
        {
            case TokenType.Identifier:
                if (!_hasFunction(token.Val))
                {
                    throw Error($"function {GoQuote.Quote(token.Val)} not defined");
                }

                return new IdentifierNode(_tree, token.Pos, token.Val);
            case TokenType.Dot:
                return new DotNode(_tree, token.Pos);
            case TokenType.Nil:
                return new NilNode(_tree, token.Pos);
            case TokenType.Variable:
                return UseVar(token);
            case TokenType.Field:
                return new FieldNode(_tree, token.Pos, token.Val[1..].Split('.'));
            case TokenType.Bool:
                return new BoolNode(_tree, token.Pos, token.Val == "true");
            case TokenType.CharConstant or TokenType.Complex or TokenType.Number:
                return NumberParser.Parse(_tree, token, Error);
            case TokenType.LeftParen:
                return Pipeline("parenthesized pipeline", TokenType.RightParen);
            case TokenType.String or TokenType.RawString:
                return new StringNode(_tree, token.Pos, token.Val, Unquote(token));
        }

        Backup();
        return null;
    }

    private VariableNode UseVar(Token token)
    {
        var ident = token.Val.Split('.');
        if (!_vars.Contains(ident[0]))
        {
            throw Error($"undefined variable {GoQuote.Quote(ident[0])}");
        }

        return new VariableNode(_tree, token.Pos, ident);
    }

    private string Unquote(Token token)
    {
        if (!GoUnquote.TryUnquote(token.Val, out var s))
        {
            throw Error("invalid syntax");
        }

        return s;
    }

    internal static string FormatInt(long v) => v.ToString(CultureInfo.InvariantCulture);
}
