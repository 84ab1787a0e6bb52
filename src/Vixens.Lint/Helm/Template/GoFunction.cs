namespace Vixens.Lint.Helm.Template;

/// <summary>
/// A function callable from a Go template (a Sprig, Helm or text/template builtin), with the Go signature the template
/// engine needs to convert arguments exactly as Go's reflection-based call does: an untyped number constant becomes
/// the parameter's type, a value of another type is "wrong type for value; expected int; got float64".
/// </summary>
/// <remarks>
/// Go values are plain CLR objects, one CLR type per Go type, so no wrapper is needed and <c>typeOf</c> can be exact:
/// <list type="table">
/// <item><term>nil</term><description><c>null</c></description></item>
/// <item><term>bool, string</term><description><see cref="bool"/>, <see cref="string"/></description></item>
/// <item><term>int</term><description><see cref="int"/> (Go's int is 64-bit; values past 32 bits are a documented limit)</description></item>
/// <item><term>int64, float64</term><description><see cref="long"/>, <see cref="double"/></description></item>
/// <item><term>[]interface{}, []string</term><description><c>List&lt;object?&gt;</c>, <c>List&lt;string&gt;</c></description></item>
/// <item><term>map[string]interface{}, map[string]string</term><description><c>Dictionary&lt;string, object?&gt;</c>, <c>Dictionary&lt;string, string&gt;</c> (Go sorts keys when it ranges or prints; insertion order means nothing)</description></item>
/// <item><term>[]byte</term><description><c>byte[]</c></description></item>
/// </list>
/// Values read the way Helm reads YAML/JSON (values files, fromYaml, fromJson) hold float64 for every number, as
/// sigs.k8s.io/yaml gives; <c>--set</c> gives int64.
/// </remarks>
/// <param name="Name">The name templates call it by.</param>
/// <param name="Parameters">The Go type of each fixed parameter.</param>
/// <param name="Variadic">The element type of a trailing <c>...T</c> parameter, or <c>null</c> when there is none.</param>
/// <param name="Invoke">The body; it receives the converted arguments (variadic ones appended) and returns the result.
/// It throws <see cref="GoFunctionException"/> for the function's Go error.</param>
public sealed record GoFunction(
    string Name,
    IReadOnlyList<GoType> Parameters,
    GoType? Variadic,
    Func<IReadOnlyList<object?>, object?> Invoke);

/// <summary>The Go static types that template function parameters use.</summary>
public enum GoType
{
    /// <summary><c>interface{}</c>: anything, no conversion.</summary>
    Any,
    /// <summary><c>string</c>.</summary>
    String,
    /// <summary><c>bool</c>.</summary>
    Bool,
    /// <summary><c>int</c>.</summary>
    Int,
    /// <summary><c>int64</c>.</summary>
    Int64,
    /// <summary><c>float64</c>.</summary>
    Float64,
    /// <summary><c>[]interface{}</c>.</summary>
    AnySlice,
    /// <summary><c>[]string</c>.</summary>
    StringSlice,
    /// <summary><c>map[string]interface{}</c>.</summary>
    AnyMap,
    /// <summary><c>map[string]string</c>.</summary>
    StringMap,
    /// <summary><c>[]byte</c>.</summary>
    Bytes,
}

/// <summary>A template function's Go error; the engine reports it as Go does: <c>error calling NAME: MESSAGE</c>.</summary>
public sealed class GoFunctionException : Exception
{
    public GoFunctionException(string message)
        : base(message)
    {
    }

    public GoFunctionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GoFunctionException()
    {
    }
}
