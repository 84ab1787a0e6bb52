using System.Text;
using Vixens.Lint.Helm.Template.Parsing;

namespace Vixens.Lint.Helm.Template.Execution;

/// <summary>
/// One execution of a template: walks the tree, evaluates pipelines with Go's rules, writes the output.
/// Values are CLR objects (see <see cref="GoFunction"/>); <c>null</c> is Go's invalid value ("no value") and
/// <see cref="NilInterface"/> a nil <c>interface{}</c>.
/// </summary>
internal sealed class ExecState
{
    private readonly GoTemplateSet _set;
    private readonly ParseTree _tmpl;
    private readonly StringBuilder _out;
    private readonly Budget _budget;
    private readonly List<VarSlot> _vars = new();
    private readonly int _depth;
    private Node? _node;

    // Whether dot is an element of a []interface{} or map[string]interface{} being ranged over: Go then sees an
    // interface-typed value, which shows in "can't evaluate field x in type interface {}".
    private bool _dotIsInterface;
    private ExecState(GoTemplateSet set, ParseTree tmpl, StringBuilder output, Budget budget, int depth)
    {
        _set = set;
        _tmpl = tmpl;
        _out = output;
        _budget = budget;
        _depth = depth;
    }

    /// <summary>Go's <c>maxExecDepth</c>: template calls nested in one execution.</summary>
    private const int GoMaxExecDepth = 100_000;

    private enum Signal
    {
        None,
        Break,
        Continue,
    }

    public static void Run(GoTemplateSet set, ParseTree tree, object? data, StringBuilder output)
    {
        using var scope = Budget.Enter(set.Limits, tree.Name);
        var state = new ExecState(set, tree, output, scope.Budget, 0);
        state._vars.Add(new("$", data, false));
        state.Walk(data, tree.Root);
    }

    // ---- errors ----

    private GoTemplateExecException Error(string message)
    {
        var name = _tmpl.Name;
        if (_node is null)
        {
            return new GoTemplateExecException(name, $"template: {name}: {message}");
        }

        var (location, context) = _node.Tree.ErrorContext(_node);
        return new GoTemplateExecException(name, $"template: {location}: executing {GoQuote.Quote(name)} at <{context}>: {message}");
    }

    // ---- variables ----

    private void Push(string name, object? value) => _vars.Add(new(name, value, false));

    private void Pop(int mark) => _vars.RemoveRange(mark, _vars.Count - mark);

    private void SetVar(string name, object? value, bool isInterface = false)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                _vars[i] = new(name, value, isInterface);
                return;
            }
        }

        throw Error($"undefined variable: {name}");
    }

    private void SetTopVar(int n, object? value, bool isInterface = false)
    {
        var i = _vars.Count - n;
        _vars[i] = new(_vars[i].Name, value, isInterface);
    }

    private VarSlot VarValue(string name)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                return _vars[i];
            }
        }

        throw Error($"undefined variable: {name}");
    }

    // ---- walking ----

    private void Write(string text)
    {
        _budget.Wrote(text.Length);
        _out.Append(text);
    }

    private Signal Walk(object? dot, Node node)
    {
        _node = node;
        _budget.Step();
        switch (node)
        {
            case TextNode t:
                Write(t.Text);
                return Signal.None;
            case ActionNode a:
                var val = EvalPipeline(dot, a.Pipe);
                if (a.Pipe.Decl.Count == 0)
                {
                    PrintValue(a, val);
                }

                return Signal.None;
            case ListNode l:
                foreach (var n in l.Nodes)
                {
                    var signal = Walk(dot, n);
                    if (signal != Signal.None)
                    {
                        return signal;
                    }
                }

                return Signal.None;
            case BranchNode { Keyword: "range" } r:
                return WalkRange(dot, r);
            case BranchNode b:
                return WalkIfOrWith(dot, b);
            case TemplateNode t:
                WalkTemplate(dot, t);
                return Signal.None;
            case CommentNode:
                return Signal.None;
            case LoopControlNode c:
                return c.IsBreak ? Signal.Break : Signal.Continue;
            default:
                throw Error($"unknown node: {node}");
        }
    }

    private Signal WalkIfOrWith(object? dot, BranchNode node)
    {
        var mark = _vars.Count;
        try
        {
            var val = EvalPipeline(dot, node.Pipe);
            if (GoValues.IsTrue(NilInterface.Strip(val)))
            {
                if (node.Keyword != "with")
                {
                    return Walk(dot, node.List);
                }

                var outerDotIsInterface = _dotIsInterface;
                _dotIsInterface = false;
                try
                {
                    return Walk(val, node.List);
                }
                finally
                {
                    _dotIsInterface = outerDotIsInterface;
                }
            }

            return node.ElseList is not null ? Walk(dot, node.ElseList) : Signal.None;
        }
        finally
        {
            Pop(mark);
        }
    }

    private Signal WalkRange(object? dot, BranchNode r)
    {
        _node = r;
        var outerMark = _vars.Count;
        try
        {
            var val = NilInterface.Strip(EvalPipeline(dot, r.Pipe));
            var mark = _vars.Count;
            var ran = false;
            switch (val)
            {
                case IList<object?> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        ran = true;
                        if (OneIteration(r, mark, i, list[i] ?? NilInterface.Value, isInterface: true) == Signal.Break)
                        {
                            break;
                        }
                    }

                    break;
                case List<string> strings:
                    for (var i = 0; i < strings.Count; i++)
                    {
                        ran = true;
                        if (OneIteration(r, mark, i, strings[i]) == Signal.Break)
                        {
                            break;
                        }
                    }

                    break;
                case byte[] bytes:
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        ran = true;
                        if (OneIteration(r, mark, i, (int)bytes[i]) == Signal.Break)
                        {
                            break;
                        }
                    }

                    break;
                case IDictionary<string, object?> map:
                    foreach (var (key, value) in GoValues.SortedEntries(map))
                    {
                        ran = true;
                        if (OneIteration(r, mark, key, value ?? NilInterface.Value, isInterface: true) == Signal.Break)
                        {
                            break;
                        }
                    }

                    break;
                case IDictionary<string, string> smap:
                    foreach (var (key, value) in GoValues.SortedEntries(smap))
                    {
                        ran = true;
                        if (OneIteration(r, mark, key, value) == Signal.Break)
                        {
                            break;
                        }
                    }

                    break;
                case null:
                    break;
                default:
                    throw Error($"range can't iterate over {GoFmt.Sprint(val)}");
            }

            if (!ran && r.ElseList is not null)
            {
                return Walk(dot, r.ElseList);
            }

            return Signal.None;
        }
        finally
        {
            Pop(outerMark);
        }
    }

    private Signal OneIteration(BranchNode r, int mark, object index, object? elem, bool isInterface = false)
    {
        _budget.Step();
        var decl = r.Pipe.Decl;
        if (decl.Count > 0)
        {
            if (r.Pipe.IsAssign)
            {
                if (decl.Count > 1)
                {
                    SetVar(decl[0].Ident[0], index);
                }
                else
                {
                    SetVar(decl[0].Ident[0], elem, isInterface);
                }
            }
            else
            {
                SetTopVar(1, elem, isInterface);
            }
        }

        if (decl.Count > 1)
        {
            if (r.Pipe.IsAssign)
            {
                SetVar(decl[1].Ident[0], elem, isInterface);
            }
            else
            {
                SetTopVar(2, index);
            }
        }

        var outerDotIsInterface = _dotIsInterface;
        _dotIsInterface = isInterface;
        try
        {
            return Walk(elem, r.List);
        }
        finally
        {
            Pop(mark);
            _dotIsInterface = outerDotIsInterface;
        }
    }

    private void WalkTemplate(object? dot, TemplateNode t)
    {
        _node = t;
        if (!_set.TryGetTemplate(t.Name, out var tree))
        {
            throw Error($"template {GoQuote.Quote(t.Name)} not defined");
        }

        if (_depth == GoMaxExecDepth)
        {
            throw Error($"exceeded maximum template depth ({GoMaxExecDepth})");
        }

        var newDot = EvalPipeline(dot, t.Pipe);
        _budget.Descend(t.Name);
        try
        {
            var state = new ExecState(_set, tree, _out, _budget, _depth + 1);
            state._vars.Add(new("$", newDot, false));
            state.Walk(newDot, tree.Root);
        }
        finally
        {
            _budget.Ascend();
        }
    }

    private void PrintValue(Node node, object? value)
    {
        _node = node;
        if (value is GoFunction)
        {
            throw Error($"can't print {node} of type func");
        }

        var before = _out.Length;
        GoFmt.AppendPrintable(_out, NilInterface.Strip(value));
        _budget.Wrote(_out.Length - before);
    }

    // ---- evaluation ----

    private object? EvalPipeline(object? dot, PipeNode? pipe)
    {
        if (pipe is null)
        {
            return null;
        }

        _node = pipe;
        object? value = null;
        var hasFinal = false;
        foreach (var cmd in pipe.Cmds)
        {
            value = EvalCommand(dot, cmd, value, hasFinal);
            hasFinal = true;

            // A nil interface{} becomes no value, as Go's reflect.ValueOf(v.Interface()) does.
            if (value is NilInterface)
            {
                value = null;
            }
        }

        foreach (var variable in pipe.Decl)
        {
            if (pipe.IsAssign)
            {
                SetVar(variable.Ident[0], value);
            }
            else
            {
                Push(variable.Ident[0], value);
            }
        }

        return value;
    }

    private void NotAFunction(List<Node>? args, bool hasFinal)
    {
        if ((args is not null && args.Count > 1) || hasFinal)
        {
            throw Error($"can't give argument to non-function {args![0]}");
        }
    }

    private object? EvalCommand(object? dot, CommandNode cmd, object? final, bool hasFinal)
    {
        _budget.Step();
        var first = cmd.Args[0];
        switch (first)
        {
            case FieldNode f:
                return EvalFieldNode(dot, f, cmd.Args, final, hasFinal);
            case ChainNode c:
                return EvalChainNode(dot, c, cmd.Args, final, hasFinal);
            case IdentifierNode id:
                return EvalFunction(dot, id, cmd, cmd.Args, final, hasFinal);
            case PipeNode p:
                NotAFunction(cmd.Args, hasFinal);
                return EvalPipeline(dot, p);
            case VariableNode v:
                return EvalVariableNode(dot, v, cmd.Args, final, hasFinal);
        }

        _node = first;
        NotAFunction(cmd.Args, hasFinal);
        return first switch
        {
            BoolNode b => b.True,
            DotNode => dot,
            NilNode => throw Error("nil is not a command"),
            NumberNode n => IdealConstant(n),
            StringNode s => s.Text,
            _ => throw Error($"can't evaluate command {GoQuote.Quote(first.ToString())}"),
        };
    }

    private object? IdealConstant(NumberNode constant)
    {
        _node = constant;
        if (constant.IsComplex)
        {
            return constant.Complex128;
        }

        var text = constant.Text;
        var isHexInt = text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X' && text.AsSpan().IndexOfAny('p', 'P') < 0;
        var isRuneInt = text.Length > 0 && text[0] == '\'';
        if (constant.IsFloat && !isHexInt && !isRuneInt && text.AsSpan().IndexOfAny(".eEpP") >= 0)
        {
            return constant.Float64;
        }

        if (constant.IsInt)
        {
            // Go's int is 64-bit; int holds what fits, larger values stay 64-bit (a documented limit of the convention).
            return constant.Int64 is >= int.MinValue and <= int.MaxValue ? (object)(int)constant.Int64 : constant.Int64;
        }

        if (constant.IsUint)
        {
            throw Error($"{text} overflows int");
        }

        return null;
    }

    private object? EvalFieldNode(object? dot, FieldNode field, List<Node>? args, object? final, bool hasFinal)
    {
        _node = field;
        return EvalFieldChain(dot, dot, _dotIsInterface, field, field.Ident, 0, args, final, hasFinal);
    }

    private object? EvalChainNode(object? dot, ChainNode chain, List<Node>? args, object? final, bool hasFinal)
    {
        _node = chain;
        if (chain.Node is NilNode)
        {
            throw Error($"indirection through explicit nil in {chain}");
        }

        var pipe = EvalArg(dot, ParamType.Untyped, chain.Node);
        return EvalFieldChain(dot, pipe, false, chain, chain.Field, 0, args, final, hasFinal);
    }

    private object? EvalVariableNode(object? dot, VariableNode variable, List<Node>? args, object? final, bool hasFinal)
    {
        _node = variable;
        var slot = VarValue(variable.Ident[0]);
        if (variable.Ident.Length == 1)
        {
            NotAFunction(args, hasFinal);
            return slot.Value;
        }

        return EvalFieldChain(dot, slot.Value, slot.IsInterface, variable, variable.Ident, 1, args, final, hasFinal);
    }

    private object? EvalFieldChain(object? dot, object? receiver, bool isInterface, Node node, IReadOnlyList<string> ident, int from, List<Node>? args, object? final, bool hasFinal)
    {
        var n = ident.Count;
        for (var i = from; i < n - 1; i++)
        {
            receiver = EvalField(dot, ident[i], node, null, null, false, receiver, isInterface, out isInterface);
        }

        return EvalField(dot, ident[n - 1], node, args, final, hasFinal, receiver, isInterface, out _);
    }

    private object? EvalField(object? dot, string fieldName, Node node, List<Node>? args, object? final, bool hasFinal, object? receiver, bool receiverIsInterface, out bool resultIsInterface)
    {
        resultIsInterface = false;
        if (receiver is null)
        {
            if (_set.MissingKey == GoMissingKey.Error)
            {
                throw Error($"nil data; no entry for key {GoQuote.Quote(fieldName)}");
            }

            return null;
        }

        if (receiver is NilInterface)
        {
            throw Error($"nil pointer evaluating interface {{}}.{fieldName}");
        }

        var hasArgs = (args is not null && args.Count > 1) || hasFinal;
        switch (receiver)
        {
            case IGoObject obj:
                if (obj.TryGetMethod(fieldName, out var method) && method is not null)
                {
                    return EvalCall(dot, Signature.Of(method), fieldName, false, method.Invoke, node, args, final, hasFinal);
                }

                if (obj.TryGetField(fieldName, out var fieldValue))
                {
                    if (hasArgs)
                    {
                        throw Error($"{fieldName} has arguments but cannot be invoked as function");
                    }

                    return fieldValue;
                }

                throw Error($"can't evaluate field {fieldName} in type {(receiverIsInterface ? "interface {}" : obj.GoTypeName)}");
            case IDictionary<string, object?> map:
                if (hasArgs)
                {
                    throw Error($"{fieldName} is not a method but has arguments");
                }

                resultIsInterface = true;
                if (map.TryGetValue(fieldName, out var value))
                {
                    return value ?? NilInterface.Value;
                }

                return _set.MissingKey switch
                {
                    GoMissingKey.Zero => NilInterface.Value,
                    GoMissingKey.Error => throw Error($"map has no entry for key {GoQuote.Quote(fieldName)}"),
                    _ => null,
                };
            case IDictionary<string, string> smap:
                if (hasArgs)
                {
                    throw Error($"{fieldName} is not a method but has arguments");
                }

                if (smap.TryGetValue(fieldName, out var s))
                {
                    return s;
                }

                return _set.MissingKey switch
                {
                    GoMissingKey.Zero => string.Empty,
                    GoMissingKey.Error => throw Error($"map has no entry for key {GoQuote.Quote(fieldName)}"),
                    _ => null,
                };
        }

        throw Error($"can't evaluate field {fieldName} in type {(receiverIsInterface ? "interface {}" : GoValues.TypeName(receiver))}");
    }

    private object? EvalFunction(object? dot, IdentifierNode node, Node cmd, List<Node>? args, object? final, bool hasFinal)
    {
        _node = node;
        var name = node.Ident;
        if (_set.TryGetFunction(name, out var function))
        {
            return EvalCall(dot, Signature.Of(function), name, false, function.Invoke, cmd, args, final, hasFinal);
        }

        if (Builtins.TryGet(name, out var builtin))
        {
            return EvalCall(dot, builtin.Signature, name, true, builtin.Invoke, cmd, args, final, hasFinal);
        }

        throw Error($"{GoQuote.Quote(name)} is not a defined function");
    }

    private object? EvalCall(object? dot, Signature sig, string name, bool isBuiltin, Func<IReadOnlyList<object?>, object?> invoke, Node node, List<Node>? args, object? final, bool hasFinal)
    {
        var argCount = args is null ? 0 : args.Count - 1;
        var numIn = argCount + (hasFinal ? 1 : 0);
        var numFixed = argCount;
        if (sig.Variadic is not null)
        {
            numFixed = sig.Fixed.Length;
            if (numIn < numFixed)
            {
                throw Error($"wrong number of args for {name}: want at least {sig.Fixed.Length} got {argCount}");
            }
        }
        else if (numIn != sig.Fixed.Length)
        {
            throw Error($"wrong number of args for {name}: want {sig.Fixed.Length} got {numIn}");
        }

        if (isBuiltin && name is "and" or "or")
        {
            // Go 1.18+: and/or stop at the first argument that decides the result.
            object? v = null;
            for (var k = 1; k <= argCount; k++)
            {
                v = EvalArg(dot, ParamType.ReflectValue, args![k]);
                if (GoValues.IsTrue(NilInterface.Strip(v)) == (name == "or"))
                {
                    return v;
                }
            }

            if (hasFinal)
            {
                v = ValidateType(final, ParamType.ReflectValue);
            }

            return v;
        }

        var argv = new object?[numIn];
        var i = 0;
        for (; i < numFixed && i < argCount; i++)
        {
            argv[i] = EvalArg(dot, sig.Fixed[i], args![i + 1]);
        }

        if (sig.Variadic is ParamType variadic)
        {
            for (; i < argCount; i++)
            {
                argv[i] = EvalArg(dot, variadic, args![i + 1]);
            }
        }

        if (hasFinal)
        {
            ParamType t;
            if (sig.Variadic is ParamType v)
            {
                t = numIn - 1 < numFixed ? sig.Fixed[numIn - 1] : v;
            }
            else
            {
                t = sig.Fixed[^1];
            }

            argv[i] = ValidateType(final, t);
        }

        if (isBuiltin && name == "call")
        {
            if (argCount == 0)
            {
                // Go's evalCall reads the callee's name from an argument that is not there: a runtime panic that
                // surfaces as the error of the nearest enclosing function call.
                throw new GoRuntimePanicException("runtime error: index out of range [0] with length 0");
            }

            return Builtins.Call(this, args![1].ToString(), argv, node, (message) => { _node = node; return Error($"error calling call: {message}"); });
        }

        try
        {
            var result = invoke(argv);
            return result is null && !isBuiltin ? NilInterface.Value : result;
        }
        catch (GoTemplateBudgetException)
        {
            throw;
        }
        catch (GoFunctionException ex)
        {
            _node = node;
            throw Error($"error calling {name}: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            // Go recovers a panicking function into the same error.
            _node = node;
            throw Error($"error calling {name}: {ex.Message}");
        }
    }

    private object? EvalArg(object? dot, ParamType typ, Node n)
    {
        _node = n;
        switch (n)
        {
            case DotNode:
                return ValidateType(dot, typ);
            case NilNode:
                if (typ.CanBeNil())
                {
                    return null;
                }

                throw Error($"cannot assign nil to {typ.GoName()}");
            case FieldNode f:
                return ValidateType(EvalFieldNode(dot, f, [n], null, false), typ);
            case VariableNode v:
                return ValidateType(EvalVariableNode(dot, v, null, null, false), typ);
            case PipeNode p:
                return ValidateType(EvalPipeline(dot, p), typ);
            case IdentifierNode id:
                return ValidateType(EvalFunction(dot, id, id, null, null, false), typ);
            case ChainNode c:
                return ValidateType(EvalChainNode(dot, c, null, null, false), typ);
        }

        switch (typ)
        {
            case ParamType.Bool:
                return n is BoolNode b ? b.True : throw Error($"expected bool; found {n}");
            case ParamType.Float64:
                return n is NumberNode { IsFloat: true } f ? f.Float64 : throw Error($"expected float; found {n}");
            case ParamType.Int:
                return n is NumberNode { IsInt: true } i ? unchecked((int)i.Int64) : throw Error($"expected integer; found {n}");
            case ParamType.Int64:
                return n is NumberNode { IsInt: true } l ? l.Int64 : throw Error($"expected integer; found {n}");
            case ParamType.String:
                return n is StringNode s ? s.Text : throw Error($"expected string; found {n}");
            case ParamType.Any:
            case ParamType.ReflectValue:
                return EvalEmptyInterface(n);
        }

        throw Error($"can't handle {n} for arg of type {typ.GoName()}");
    }

    private object? EvalEmptyInterface(Node n)
    {
        _node = n;
        return n switch
        {
            BoolNode b => b.True,
            NumberNode num => IdealConstant(num),
            StringNode s => s.Text,
            _ => throw Error($"can't handle assignment of {n} to empty interface argument"),
        };
    }

    private object? ValidateType(object? value, ParamType typ)
    {
        if (value is null)
        {
            if (typ == ParamType.Untyped || typ.CanBeNil())
            {
                return null;
            }

            throw Error($"invalid value; expected {typ.GoName()}");
        }

        switch (typ)
        {
            case ParamType.Untyped or ParamType.ReflectValue:
                return value;
            case ParamType.Any:
                return NilInterface.Strip(value);
        }

        if (typ.Accepts(value))
        {
            return value;
        }

        var got = value is NilInterface ? "interface {}" : GoValues.TypeName(value);
        throw Error($"wrong type for value; expected {typ.GoName()}; got {got}");
    }
}

/// <summary>A variable: its name, value, and whether Go sees the value as interface-typed (a ranged element).</summary>
internal readonly record struct VarSlot(string Name, object? Value, bool IsInterface);
