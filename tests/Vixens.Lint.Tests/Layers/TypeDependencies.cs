using System.Reflection;
using System.Reflection.Emit;

namespace Vixens.Lint.Tests.Layers;

/// <summary>
/// Reads which types each type of an assembly uses, from the compiled code: base types, interfaces, fields, properties,
/// signatures, attributes and every type, method or field token in the IL of method bodies (lambdas, iterators and
/// async state machines are nested types, so they count for the type that holds them). Reading IL rather than
/// <c>using</c> directives also sees fully-qualified names and parent-namespace lookups.
/// </summary>
internal static class TypeDependencies
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Each type of <paramref name="assembly"/> with the types of that same assembly it uses.</summary>
    public static IEnumerable<(Type From, Type To)> Of(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var used = new HashSet<Type>();
            Collect(type, used);
            foreach (var target in used.Where(t => t.Assembly == assembly && t != type))
            {
                yield return (type, target);
            }
        }
    }

    /// <summary>The namespace a type belongs to: a nested type (lambda closures included) belongs to its outermost type's.</summary>
    public static string NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace ?? string.Empty;
    }

    private static void Collect(Type type, HashSet<Type> used)
    {
        Add(type.BaseType, used);
        foreach (var i in type.GetInterfaces())
        {
            Add(i, used);
        }

        foreach (var attribute in type.CustomAttributes)
        {
            Add(attribute.AttributeType, used);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType, used);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType, used);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, used);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, used);
            }

            ReadBody(method, used);
        }
    }

    private static void ReadBody(MethodBase method, HashSet<Type> used)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(local.LocalType, used);
        }

        var il = body.GetILAsByteArray() ?? [];
        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            var opCode = OpCodesByValue[value];
            var size = OperandSize(opCode, il, at);
            if (opCode.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                try
                {
                    switch (module.ResolveMember(token, typeArguments, methodArguments))
                    {
                        case Type t:
                            Add(t, used);
                            break;
                        case MethodBase m:
                            Add(m.DeclaringType, used);
                            if (m is MethodInfo { IsGenericMethod: true } generic)
                            {
                                foreach (var argument in generic.GetGenericArguments())
                                {
                                    Add(argument, used);
                                }
                            }

                            break;
                        case FieldInfo f:
                            Add(f.DeclaringType, used);
                            Add(f.FieldType, used);
                            break;
                    }
                }
                catch (ArgumentException)
                {
                    // A token of another module's generic context that cannot be resolved here: outside the assembly anyway.
                }
            }

            at += size;
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static void Add(Type? type, HashSet<Type> used)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(type.GetElementType(), used);
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(argument, used);
            }

            type = type.GetGenericTypeDefinition();
        }

        used.Add(type);
    }
}
