using System.Numerics;
using System.Text;
using Vixens.Lint.Helm.Template.Parsing;

namespace Vixens.Lint.Helm.Template.Execution;

/// <summary>
/// text/template's builtin functions with Go 1.23 behaviour and error texts: and, or, not, len, index, slice, call,
/// print, printf, println, html, js, urlquery and the comparisons eq, ne, lt, le, gt, ge.
/// </summary>
internal static class Builtins
{
    private static readonly System.Buffers.SearchValues<char> HtmlSpecial = System.Buffers.SearchValues.Create("'\"&<>\0");
    private static readonly ParamType[] OneValue = [ParamType.ReflectValue];
    private static readonly ParamType[] TwoValues = [ParamType.ReflectValue, ParamType.ReflectValue];

    private static readonly Dictionary<string, Builtin> All = new(StringComparer.Ordinal)
    {
        ["and"] = new(new(OneValue, ParamType.ReflectValue), static _ => null),
        ["or"] = new(new(OneValue, ParamType.ReflectValue), static _ => null),
        ["not"] = new(new(OneValue, null), static a => !GoValues.IsTrue(NilInterface.Strip(a[0]))),
        ["len"] = new(new(OneValue, null), static a => Length(a)),
        ["index"] = new(new(OneValue, ParamType.ReflectValue), Index),
        ["slice"] = new(new(OneValue, ParamType.ReflectValue), Slice),
        ["call"] = new(new(OneValue, ParamType.ReflectValue), static _ => null),
        ["print"] = new(new([], ParamType.Any), static a => GoFmt.Sprint([.. a])),
        ["printf"] = new(new([ParamType.String], ParamType.Any), static a => GoFmt.Sprintf((string)a[0]!, [.. a.Skip(1)])),
        ["println"] = new(new([], ParamType.Any), static a => GoFmt.Sprintln([.. a])),
        ["html"] = new(new([], ParamType.Any), static a => HtmlEscape(EvalArgs(a))),
        ["js"] = new(new([], ParamType.Any), static a => JsEscape(EvalArgs(a))),
        ["urlquery"] = new(new([], ParamType.Any), static a => QueryEscape(EvalArgs(a))),
        ["eq"] = new(new(OneValue, ParamType.ReflectValue), static a => Eq(a[0], a.Skip(1).ToList())),
        ["ne"] = new(new(TwoValues, null), static a => !Eq(a[0], [a[1]])),
        ["lt"] = new(new(TwoValues, null), static a => Lt(a[0], a[1])),
        ["le"] = new(new(TwoValues, null), static a => Le(a[0], a[1])),
        ["gt"] = new(new(TwoValues, null), static a => !Le(a[0], a[1])),
        ["ge"] = new(new(TwoValues, null), static a => !Lt(a[0], a[1])),
    };

    private enum Kind
    {
        Invalid,
        Bool,
        Complex,
        Int,
        Float,
        String,
    }

    public static bool IsBuiltin(string name) => All.ContainsKey(name);

    public static bool TryGet(string name, out Builtin builtin) => All.TryGetValue(name, out builtin!);

    private static object? Iface(object? v) => v is NilInterface ? null : v;

    // ---- comparisons ----

    private static Kind BasicKind(object? v) => v switch
    {
        bool => Kind.Bool,
        int or long => Kind.Int,
        double => Kind.Float,
        Complex => Kind.Complex,
        string => Kind.String,
        _ => Kind.Invalid,
    };

    private static long AsInt(object v) => v is int i ? i : (long)v;

    private static bool Eq(object? arg1, List<object?> others)
    {
        var a1 = Iface(arg1);
        if (others.Count == 0)
        {
            throw new GoFunctionException("missing argument for comparison");
        }

        var k1 = BasicKind(a1);
        foreach (var other in others)
        {
            var a = Iface(other);
            var k2 = BasicKind(a);
            bool truth;
            if (k1 != k2)
            {
                if (a1 is not null && a is not null)
                {
                    throw new GoFunctionException("incompatible types for comparison");
                }

                truth = false;
            }
            else
            {
                switch (k1)
                {
                    case Kind.Bool:
                        truth = (bool)a1! == (bool)a!;
                        break;
                    case Kind.Complex:
                        truth = (Complex)a1! == (Complex)a!;
                        break;
                    case Kind.Float:
                        truth = (double)a1! == (double)a!;
                        break;
                    case Kind.Int:
                        truth = AsInt(a1!) == AsInt(a!);
                        break;
                    case Kind.String:
                        truth = string.Equals((string)a1!, (string)a!, StringComparison.Ordinal);
                        break;
                    default:
                        if (!CanCompare(a1, a))
                        {
                            throw new GoFunctionException(
                                $"non-comparable types {GoFmt.Sprintf("%s", a1)}: {GoValues.TypeName(a1)}, {GoValues.TypeName(a)}: {GoFmt.Sprint(a)}");
                        }

                        if (a1 is null || a is null)
                        {
                            truth = a1 is null && a is null;
                        }
                        else
                        {
                            if (!IsComparable(a))
                            {
                                throw new GoFunctionException($"non-comparable type {GoFmt.Sprintf("%s", a)}: {GoValues.TypeName(a)}");
                            }

                            truth = ReferenceEquals(a1, a) || Equals(a1, a);
                        }

                        break;
                }
            }

            if (truth)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanCompare(object? a, object? b) =>
        a is null || b is null || string.Equals(GoValues.KindName(a), GoValues.KindName(b), StringComparison.Ordinal);

    private static bool IsComparable(object v) => v is not (IList<object?> or List<string> or byte[] or System.Collections.IDictionary or GoFunction);

    private static bool Lt(object? arg1, object? arg2)
    {
        var a1 = Iface(arg1);
        var k1 = BasicKind(a1);
        if (k1 == Kind.Invalid)
        {
            throw new GoFunctionException("invalid type for comparison");
        }

        var a2 = Iface(arg2);
        var k2 = BasicKind(a2);
        if (k2 == Kind.Invalid)
        {
            throw new GoFunctionException("invalid type for comparison");
        }

        if (k1 != k2)
        {
            throw new GoFunctionException("incompatible types for comparison");
        }

        return k1 switch
        {
            Kind.Float => (double)a1! < (double)a2!,
            Kind.Int => AsInt(a1!) < AsInt(a2!),
            Kind.String => GoValues.CompareKeys((string)a1!, (string)a2!) < 0,
            _ => throw new GoFunctionException("invalid type for comparison"),
        };
    }

    private static bool Le(object? a, object? b) => Lt(a, b) || Eq(a, [b]);

    // ---- len, index, slice ----

    private static int Length(IReadOnlyList<object?> a)
    {
        var item = a[0];
        return item switch
        {
            NilInterface => throw new GoFunctionException("len of nil pointer"),
            null => throw new GoFunctionException("reflect: call of reflect.Value.Type on zero Value"),
            string s => Encoding.UTF8.GetByteCount(s),
            byte[] bytes => bytes.Length,
            System.Collections.ICollection c => c.Count,
            _ => throw new GoFunctionException($"len of type {GoValues.TypeName(item)}"),
        };
    }

    private static int IndexArg(object? index, int cap)
    {
        long x = Iface(index) switch
        {
            int i => i,
            long l => l,
            null => throw new GoFunctionException("cannot index slice/array with nil"),
            var other => throw new GoFunctionException($"cannot index slice/array with type {GoValues.TypeName(other)}"),
        };
        if (x < 0 || x > cap)
        {
            throw new GoFunctionException($"index out of range: {x}");
        }

        return (int)x;
    }

    private static object? Index(IReadOnlyList<object?> a)
    {
        var item = Iface(a[0]);
        if (item is null)
        {
            throw new GoFunctionException("index of untyped nil");
        }

        for (var k = 1; k < a.Count; k++)
        {
            var index = a[k];
            if (item is NilInterface)
            {
                throw new GoFunctionException("index of nil pointer");
            }

            switch (item)
            {
                case string s:
                    var bytes = Encoding.UTF8.GetBytes(s);
                    item = (int)bytes[CheckedIndex(index, bytes.Length, "string")];
                    break;
                case byte[] b:
                    item = (int)b[CheckedIndex(index, b.Length, "slice")];
                    break;
                case IList<object?> list:
                    item = list[CheckedIndex(index, list.Count, "slice")] ?? NilInterface.Value;
                    break;
                case List<string> strings:
                    item = strings[CheckedIndex(index, strings.Count, "slice")];
                    break;
                case IDictionary<string, object?> map:
                    item = map.TryGetValue(MapKey(index), out var v) ? v ?? NilInterface.Value : NilInterface.Value;
                    break;
                case IDictionary<string, string> smap:
                    item = smap.TryGetValue(MapKey(index), out var sv) ? sv : string.Empty;
                    break;
                default:
                    throw new GoFunctionException($"can't index item of type {GoValues.TypeName(item)}");
            }
        }

        return item;
    }

    /// <summary>Go 1.23 checks the index against the length inclusively; the length itself panics inside reflect.</summary>
    private static int CheckedIndex(object? index, int length, string kind)
    {
        var x = IndexArg(index, length);
        if (x == length)
        {
            throw new GoFunctionException($"reflect: {kind} index out of range");
        }

        return x;
    }

    private static string MapKey(object? index) => Iface(index) switch
    {
        string s => s,
        null => throw new GoFunctionException("value is nil; should be of type string"),
        var other => throw new GoFunctionException($"value has type {GoValues.TypeName(other)}; should be string"),
    };

    private static object? Slice(IReadOnlyList<object?> a)
    {
        var item = Iface(a[0]);
        if (item is null)
        {
            throw new GoFunctionException("slice of untyped nil");
        }

        var indexes = a.Count - 1;
        if (indexes > 3)
        {
            throw new GoFunctionException($"too many slice indexes: {indexes}");
        }

        int cap;
        switch (item)
        {
            case string s:
                if (indexes == 3)
                {
                    throw new GoFunctionException("cannot 3-index slice a string");
                }

                cap = Encoding.UTF8.GetByteCount(s);
                break;
            case IList<object?> l:
                cap = l.Count;
                break;
            case List<string> ls:
                cap = ls.Count;
                break;
            case byte[] b:
                cap = b.Length;
                break;
            default:
                throw new GoFunctionException($"can't slice item of type {GoValues.TypeName(item)}");
        }

        int[] idx = [0, cap, 0];
        for (var k = 0; k < indexes; k++)
        {
            idx[k] = IndexArg(a[k + 1], cap);
        }

        if (idx[0] > idx[1])
        {
            throw new GoFunctionException($"invalid slice index: {idx[0]} > {idx[1]}");
        }

        if (indexes == 3 && idx[1] > idx[2])
        {
            throw new GoFunctionException($"invalid slice index: {idx[1]} > {idx[2]}");
        }

        var (from, to) = (idx[0], idx[1]);
        return item switch
        {
            string s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s), from, to - from),
            IList<object?> l => l.Skip(from).Take(to - from).ToList(),
            List<string> ls => ls.GetRange(from, to - from),
            byte[] b => b[from..to],
            _ => null,
        };
    }

    // ---- call ----

    public static object? Call(ExecState state, string calleeName, object?[] argv, Node node, Func<string, Exception> error)
    {
        _ = state;
        _ = node;
        var fn = Iface(argv[0]);
        if (fn is null)
        {
            throw error("call of nil");
        }

        if (fn is not GoFunction function)
        {
            throw error($"non-function {calleeName} of type {GoValues.TypeName(fn)}");
        }

        var args = argv.Skip(1).Select(Iface).ToList();
        var sig = Signature.Of(function);
        if (sig.Variadic is null && args.Count != sig.Fixed.Length)
        {
            throw error($"wrong number of args for {calleeName}: got {args.Count} want {sig.Fixed.Length}");
        }

        if (sig.Variadic is not null && args.Count < sig.Fixed.Length)
        {
            throw error($"wrong number of args for {calleeName}: got {args.Count} want at least {sig.Fixed.Length}");
        }

        for (var i = 0; i < args.Count; i++)
        {
            var t = i < sig.Fixed.Length ? sig.Fixed[i] : sig.Variadic!.Value;
            if (args[i] is null ? !t.CanBeNil() : !t.Accepts(args[i]!))
            {
                throw error($"arg {i} has type {GoValues.TypeName(args[i])}; should be {t.GoName()}");
            }
        }

        try
        {
            return function.Invoke(args);
        }
        catch (GoFunctionException ex)
        {
            throw error($"error calling {calleeName}: {ex.Message}");
        }
    }

    // ---- escapers ----

    /// <summary>text/template's <c>evalArgs</c>: one string as is, else Sprint with "no value" for nil.</summary>
    private static string EvalArgs(IReadOnlyList<object?> args)
    {
        if (args.Count == 1 && args[0] is string s)
        {
            return s;
        }

        var sb = new StringBuilder();
        var printable = args.Select(static a => a ?? "<no value>").ToArray();
        var previousString = false;
        for (var i = 0; i < printable.Length; i++)
        {
            var isString = printable[i] is string;
            if (i > 0 && !isString && !previousString)
            {
                sb.Append(' ');
            }

            GoFmt.AppendPrintable(sb, printable[i]);
            previousString = isString;
        }

        return sb.ToString();
    }

    private static string HtmlEscape(string s)
    {
        if (s.AsSpan().IndexOfAny(HtmlSpecial) < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("&#34;");
                    break;
                case '\'':
                    sb.Append("&#39;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '\0':
                    sb.Append('\uFFFD');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string JsEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 0x80)
            {
                switch (c)
                {
                    case '\\':
                        sb.Append(@"\\");
                        continue;
                    case '\'':
                        sb.Append(@"\'");
                        continue;
                    case '"':
                        sb.Append("\\\"");
                        continue;
                    case '<':
                        sb.Append(@"\u003C");
                        continue;
                    case '>':
                        sb.Append(@"\u003E");
                        continue;
                    case '&':
                        sb.Append(@"\u0026");
                        continue;
                    case '=':
                        sb.Append(@"\u003D");
                        continue;
                }

                if (c < ' ')
                {
                    sb.Append(@"\u00").Append("0123456789ABCDEF"[c >> 4]).Append("0123456789ABCDEF"[c & 0xF]);
                    continue;
                }

                sb.Append(c);
                continue;
            }

            var r = s.ConvertToUtf32IfPair(i, out var size);
            if (GoQuote.IsPrint(r))
            {
                sb.Append(s, i, size);
            }
            else
            {
                sb.Append(@"\u").Append(r.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }

            i += size - 1;
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>url.QueryEscape</c>: unreserved bytes kept, space as <c>+</c>, the rest <c>%XX</c>.</summary>
    private static string QueryEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        return sb.ToString();
    }
}

/// <summary>A builtin: its signature and body (values may be <c>null</c> or <see cref="NilInterface"/>).</summary>
internal sealed record Builtin(Signature Signature, Func<IReadOnlyList<object?>, object?> Invoke);
