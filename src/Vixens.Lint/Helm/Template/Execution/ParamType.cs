using System.Runtime.CompilerServices;

namespace Vixens.Lint.Helm.Template.Execution;

/// <summary>A parameter's Go type: the <see cref="GoType"/> values, plus the builtins' <c>reflect.Value</c> and "untyped".</summary>
internal enum ParamType
{
    Any = GoType.Any,
    String = GoType.String,
    Bool = GoType.Bool,
    Int = GoType.Int,
    Int64 = GoType.Int64,
    Float64 = GoType.Float64,
    AnySlice = GoType.AnySlice,
    StringSlice = GoType.StringSlice,
    AnyMap = GoType.AnyMap,
    StringMap = GoType.StringMap,
    Bytes = GoType.Bytes,

    /// <summary>A builtin's <c>reflect.Value</c> parameter: anything, including no value, passed as is.</summary>
    ReflectValue = 100,

    /// <summary>No type at all (Go's nil <c>reflect.Type</c>): the receiver of a chain <c>(x).Field</c>.</summary>
    Untyped = 101,
}

internal static class ParamTypeExtensions
{
    public static string GoName(this ParamType t) => t switch
    {
        ParamType.Any => "interface {}",
        ParamType.String => "string",
        ParamType.Bool => "bool",
        ParamType.Int => "int",
        ParamType.Int64 => "int64",
        ParamType.Float64 => "float64",
        ParamType.AnySlice => "[]interface {}",
        ParamType.StringSlice => "[]string",
        ParamType.AnyMap => "map[string]interface {}",
        ParamType.StringMap => "map[string]string",
        ParamType.Bytes => "[]uint8",
        ParamType.ReflectValue => "reflect.Value",
        _ => "<nil>",
    };

    /// <summary>Go's <c>canBeNil</c>: interfaces, maps, slices (and reflect.Value) take an untyped nil.</summary>
    public static bool CanBeNil(this ParamType t) => t is ParamType.Any or ParamType.AnySlice or ParamType.StringSlice
        or ParamType.AnyMap or ParamType.StringMap or ParamType.Bytes or ParamType.ReflectValue;

    /// <summary>Whether a concrete value is assignable to the type.</summary>
    public static bool Accepts(this ParamType t, object value) => t switch
    {
        ParamType.Any or ParamType.ReflectValue or ParamType.Untyped => true,
        ParamType.String => value is string,
        ParamType.Bool => value is bool,
        ParamType.Int => value is int,
        ParamType.Int64 => value is long,
        ParamType.Float64 => value is double,
        ParamType.AnySlice => value is IList<object?>,
        ParamType.StringSlice => value is List<string>,
        ParamType.AnyMap => value is IDictionary<string, object?>,
        ParamType.StringMap => value is IDictionary<string, string>,
        ParamType.Bytes => value is byte[],
        _ => false,
    };
}

/// <summary>A callable's parameters: the fixed ones and the element type of a trailing <c>...T</c>.</summary>
internal sealed class Signature(ParamType[] fixedParameters, ParamType? variadic)
{
    private static readonly ConditionalWeakTable<GoFunction, Signature> Cache = new();

    public ParamType[] Fixed { get; } = fixedParameters;

    public ParamType? Variadic { get; } = variadic;

    public static Signature Of(GoFunction function) => Cache.GetValue(
        function,
        static f => new Signature(f.Parameters.Select(static p => (ParamType)p).ToArray(), f.Variadic is GoType v ? (ParamType)v : null));
}
