namespace Vixens.Lint.Helm.Template.Parsing;

/// <summary>The kinds of token Go's template lexer emits.</summary>
internal enum TokenType
{
    Error,
    Bool,
    Char,
    CharConstant,
    Comment,
    Complex,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,

    // Keywords (after this point).
    Keyword,
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

/// <summary>One token: its kind, its text, where it starts (char offset) and on which line.</summary>
internal readonly record struct Token(TokenType Type, int Pos, string Val, int Line)
{
    /// <summary>How Go's parser names a token in "unexpected X" messages.</summary>
    public override string ToString()
    {
        switch (Type)
        {
            case TokenType.Eof:
                return "EOF";
            case TokenType.Error:
                return Val;
        }

        if (Type > TokenType.Keyword)
        {
            return "<" + Val + ">";
        }

        if (Val.Length > 10)
        {
            // %.10q: the first ten runes, quoted, then an ellipsis.
            return GoQuote.Quote(TruncateRunes(Val, 10)) + "...";
        }

        return GoQuote.Quote(Val);
    }

    private static string TruncateRunes(string s, int n)
    {
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (count == n)
            {
                return s[..i];
            }

            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length)
            {
                i++;
            }

            count++;
        }

        return s;
    }
}

/// <summary>
/// Go's text/template lexer with the default delimiters: text, actions with <c>{{- -}}</c> trimming, comments,
/// strings, raw strings, char constants, numbers (with Go's digit rules), fields, variables, keywords and punctuation.
/// It lexes the whole input eagerly; an error ends the token list, as it ends Go's parse.
/// </summary>
internal sealed class Lexer
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";
    private const string LeftComment = "/*";
    private const string RightComment = "*/";
    private const int TrimMarkerLength = 2;

    private static readonly Dictionary<string, TokenType> Keywords = new(StringComparer.Ordinal)
    {
        ["."] = TokenType.Dot,
        ["block"] = TokenType.Block,
        ["break"] = TokenType.Break,
        ["continue"] = TokenType.Continue,
        ["define"] = TokenType.Define,
        ["else"] = TokenType.Else,
        ["end"] = TokenType.End,
        ["if"] = TokenType.If,
        ["range"] = TokenType.Range,
        ["nil"] = TokenType.Nil,
        ["template"] = TokenType.Template,
        ["with"] = TokenType.With,
    };

    private readonly string _input;
    private readonly List<Token> _tokens = new();
    private int _pos;
    private int _start;
    private int _line = 1;
    private int _startLine = 1;
    private int _parenDepth;

    private Lexer(string input)
    {
        _input = input;
    }

    public static List<Token> Lex(string input)
    {
        var lexer = new Lexer(input);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        var insideAction = false;
        while (true)
        {
            bool ok;
            if (!insideAction)
            {
                ok = LexText(out insideAction);
            }
            else
            {
                ok = LexInsideAction(out insideAction);
            }

            if (!ok)
            {
                return;
            }
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(int r) => r == '_' || (r < 0x80 ? char.IsAsciiLetterOrDigit((char)r) : char.IsLetterOrDigit(char.ConvertFromUtf32(r), 0));

    private bool HasLeftTrimMarker(int at) => at + 1 < _input.Length && _input[at] == '-' && IsSpace(_input[at + 1]);

    private bool HasRightTrimMarker(int at) => at + 1 < _input.Length && IsSpace(_input[at]) && _input[at + 1] == '-';

    private bool StartsWith(int at, string s) => at >= 0 && at <= _input.Length && string.CompareOrdinal(_input, at, s, 0, s.Length) == 0 && at + s.Length <= _input.Length;

    private void Emit(TokenType type)
    {
        _tokens.Add(new Token(type, _start, _input[_start.._pos], _startLine));
        _start = _pos;
        _startLine = _line;
    }

    private void Ignore()
    {
        _line += CountNewlines(_start, _pos);
        _start = _pos;
        _startLine = _line;
    }

    private int CountNewlines(int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (_input[i] == '\n')
            {
                n++;
            }
        }

        return n;
    }

    private bool Error(string message)
    {
        _tokens.Add(new Token(TokenType.Error, _start, message, _startLine));
        return false;
    }

    private int Next()
    {
        if (_pos >= _input.Length)
        {
            _pos = _input.Length + 1; // past the end, so Backup works as Go's width does
            return -1;
        }

        var r = _input.ConvertToUtf32IfPair(_pos, out var size);
        _pos += size;
        if (r == '\n')
        {
            _line++;
        }

        return r;
    }

    private void Backup(int r)
    {
        if (r < 0)
        {
            _pos = _input.Length;
            return;
        }

        _pos -= r >= 0x10000 ? 2 : 1;
        if (r == '\n')
        {
            _line--;
        }
    }

    private int Peek()
    {
        var r = Next();
        Backup(r);
        return r;
    }

    private bool Accept(string valid)
    {
        var r = Next();
        if (r >= 0 && r < 0x10000 && valid.Contains((char)r, StringComparison.Ordinal))
        {
            return true;
        }

        Backup(r);
        return false;
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid))
        {
        }
    }

    private bool LexText(out bool insideAction)
    {
        insideAction = false;
        var x = _input.IndexOf(LeftDelim, _pos, StringComparison.Ordinal);
        if (x >= 0)
        {
            if (x > _pos)
            {
                _pos = x;
                var trimLength = 0;
                var delimEnd = _pos + LeftDelim.Length;
                if (HasLeftTrimMarker(delimEnd))
                {
                    var end = _pos;
                    while (end > _start && IsSpace(_input[end - 1]))
                    {
                        end--;
                    }

                    trimLength = _pos - end;
                }

                _pos -= trimLength;
                _line += CountNewlines(_start, _pos);
                var text = _input[_start.._pos];
                var token = new Token(TokenType.Text, _start, text, _startLine);
                _start = _pos;
                _startLine = _line;
                _pos += trimLength;
                Ignore();
                if (text.Length > 0)
                {
                    _tokens.Add(token);
                }
            }

            return LexLeftDelim(out insideAction);
        }

        _pos = _input.Length;
        if (_pos > _start)
        {
            _line += CountNewlines(_start, _pos);
            _tokens.Add(new Token(TokenType.Text, _start, _input[_start.._pos], _startLine));
            _start = _pos;
            _startLine = _line;
        }

        _tokens.Add(new Token(TokenType.Eof, _pos, string.Empty, _line));
        return false;
    }

    private bool LexLeftDelim(out bool insideAction)
    {
        insideAction = false;
        _pos += LeftDelim.Length;
        var trimSpace = HasLeftTrimMarker(_pos);
        var afterMarker = trimSpace ? TrimMarkerLength : 0;
        if (StartsWith(_pos + afterMarker, LeftComment))
        {
            _pos += afterMarker;
            Ignore();
            return LexComment();
        }

        Emit(TokenType.LeftDelim);
        insideAction = true;
        _pos += afterMarker;
        Ignore();
        _parenDepth = 0;
        return true;
    }

    private bool LexComment()
    {
        _pos += LeftComment.Length;
        var x = _input.IndexOf(RightComment, _pos, StringComparison.Ordinal);
        if (x < 0)
        {
            return Error("unclosed comment");
        }

        _pos = x + RightComment.Length;
        var (delim, trimSpace) = AtRightDelim();
        if (!delim)
        {
            return Error("comment ends before closing delimiter");
        }

        if (trimSpace)
        {
            _pos += TrimMarkerLength;
        }

        _pos += RightDelim.Length;
        if (trimSpace)
        {
            while (_pos < _input.Length && IsSpace(_input[_pos]))
            {
                _pos++;
            }
        }

        Ignore();
        return true;
    }

    private (bool Delim, bool TrimSpace) AtRightDelim()
    {
        if (HasRightTrimMarker(_pos) && StartsWith(_pos + TrimMarkerLength, RightDelim))
        {
            return (true, true);
        }

        return StartsWith(_pos, RightDelim) ? (true, false) : (false, false);
    }

    private bool LexRightDelim(out bool insideAction)
    {
        var (_, trimSpace) = AtRightDelim();
        if (trimSpace)
        {
            _pos += TrimMarkerLength;
            Ignore();
        }

        _pos += RightDelim.Length;
        Emit(TokenType.RightDelim);
        if (trimSpace)
        {
            while (_pos < _input.Length && IsSpace(_input[_pos]))
            {
                _pos++;
            }

            Ignore();
        }

        insideAction = false;
        return true;
    }

    private bool LexInsideAction(out bool insideAction)
    {
        insideAction = true;
        var (delim, _) = AtRightDelim();
        if (delim)
        {
            if (_parenDepth == 0)
            {
                return LexRightDelim(out insideAction);
            }

            return Error("unclosed left paren");
        }

        var r = Next();
        switch (r)
        {
            case -1:
                return Error("unclosed action");
            case ' ' or '\t' or '\r' or '\n':
                Backup(r);
                return LexSpace(out insideAction);
            case '=':
                Emit(TokenType.Assign);
                return true;
            case ':':
                if (Next() != '=')
                {
                    return Error("expected :=");
                }

                Emit(TokenType.Declare);
                return true;
            case '|':
                Emit(TokenType.Pipe);
                return true;
            case '"':
                return LexQuote();
            case '`':
                return LexRawQuote();
            case '$':
                return LexFieldOrVariable(TokenType.Variable);
            case '\'':
                return LexChar();
            case '.':
                if (_pos < _input.Length && (_input[_pos] < '0' || _input[_pos] > '9'))
                {
                    return LexFieldOrVariable(TokenType.Field);
                }

                Backup(r);
                return LexNumber();
            case '+' or '-' or (>= '0' and <= '9'):
                Backup(r);
                return LexNumber();
            case '(':
                _parenDepth++;
                Emit(TokenType.LeftParen);
                return true;
            case ')':
                _parenDepth--;
                if (_parenDepth < 0)
                {
                    return Error("unexpected right paren");
                }

                Emit(TokenType.RightParen);
                return true;
        }

        if (IsAlphaNumeric(r))
        {
            Backup(r);
            return LexIdentifier();
        }

        if (r < 0x80 && r >= 0x20 && r < 0x7F)
        {
            Emit(TokenType.Char);
            return true;
        }

        return Error("unrecognized character in action: " + GoFmt.Sprintf("%#U", r));
    }

    private bool LexSpace(out bool insideAction)
    {
        insideAction = true;
        var numSpaces = 0;
        while (_pos < _input.Length && IsSpace(_input[_pos]))
        {
            Next();
            numSpaces++;
        }

        if (HasRightTrimMarker(_pos - 1) && StartsWith(_pos - 1 + TrimMarkerLength, RightDelim))
        {
            Backup(_input[_pos - 1]);
            if (numSpaces == 1)
            {
                return LexRightDelim(out insideAction);
            }
        }

        Emit(TokenType.Space);
        return true;
    }

    private bool LexIdentifier()
    {
        while (true)
        {
            var r = Next();
            if (r >= 0 && IsAlphaNumeric(r))
            {
                continue;
            }

            Backup(r);
            var word = _input[_start.._pos];
            if (!AtTerminator())
            {
                var bad = Next();
                return Error("bad character " + GoFmt.Sprintf("%#U", bad));
            }

            if (Keywords.TryGetValue(word, out var keyword) && keyword > TokenType.Keyword)
            {
                Emit(keyword);
            }
            else if (word[0] == '.')
            {
                Emit(TokenType.Field);
            }
            else if (word is "true" or "false")
            {
                Emit(TokenType.Bool);
            }
            else
            {
                Emit(TokenType.Identifier);
            }

            return true;
        }
    }

    private bool LexFieldOrVariable(TokenType type)
    {
        if (AtTerminator())
        {
            // Nothing interesting follows: "." or "$".
            Emit(type == TokenType.Variable ? TokenType.Variable : TokenType.Dot);
            return true;
        }

        int r;
        while (true)
        {
            r = Next();
            if (r < 0 || !IsAlphaNumeric(r))
            {
                Backup(r);
                break;
            }
        }

        if (!AtTerminator())
        {
            var bad = Next();
            return Error("bad character " + GoFmt.Sprintf("%#U", bad));
        }

        Emit(type);
        return true;
    }

    private bool AtTerminator()
    {
        var r = Peek();
        if (r is ' ' or '\t' or '\r' or '\n' or -1 or '.' or ',' or '|' or ':' or ')' or '(')
        {
            return true;
        }

        return StartsWith(_pos, RightDelim);
    }

    private bool LexChar()
    {
        while (true)
        {
            var r = Next();
            switch (r)
            {
                case '\\':
                    var n = Next();
                    if (n is not (-1 or '\n'))
                    {
                        break;
                    }

                    return Error("unterminated character constant");
                case -1 or '\n':
                    return Error("unterminated character constant");
                case '\'':
                    Emit(TokenType.CharConstant);
                    return true;
            }
        }
    }

    private bool LexNumber()
    {
        if (!ScanNumber())
        {
            return Error("bad number syntax: " + GoQuote.Quote(_input[_start..Math.Min(_pos, _input.Length)]));
        }

        var sign = Peek();
        if (sign is '+' or '-')
        {
            if (!ScanNumber() || _input[_pos - 1] != 'i')
            {
                return Error("bad number syntax: " + GoQuote.Quote(_input[_start..Math.Min(_pos, _input.Length)]));
            }

            Emit(TokenType.Complex);
        }
        else
        {
            Emit(TokenType.Number);
        }

        return true;
    }

    private bool ScanNumber()
    {
        Accept("+-");
        var digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (Accept("oO"))
            {
                digits = "01234567_";
            }
            else if (Accept("bB"))
            {
                digits = "01_";
            }
        }

        AcceptRun(digits);
        if (Accept("."))
        {
            AcceptRun(digits);
        }

        if (digits.Length == 10 + 1 && Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        if (digits.Length == 16 + 6 + 1 && Accept("pP"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        Accept("i");
        var next = Peek();
        if (next >= 0 && IsAlphaNumeric(next))
        {
            Next();
            return false;
        }

        return true;
    }

    private bool LexQuote()
    {
        while (true)
        {
            var r = Next();
            switch (r)
            {
                case '\\':
                    var n = Next();
                    if (n is not (-1 or '\n'))
                    {
                        break;
                    }

                    return Error("unterminated quoted string");
                case -1 or '\n':
                    return Error("unterminated quoted string");
                case '"':
                    Emit(TokenType.String);
                    return true;
            }
        }
    }

    private bool LexRawQuote()
    {
        while (true)
        {
            var r = Next();
            if (r == -1)
            {
                return Error("unterminated raw quoted string");
            }

            if (r == '`')
            {
                Emit(TokenType.RawString);
                return true;
            }
        }
    }
}
