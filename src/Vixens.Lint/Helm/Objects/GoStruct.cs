using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Objects;

/// <summary>
/// A Go struct value built from a field list and a method table: the common shape of the objects Helm hands to
/// templates (<c>.Chart</c>, <c>.Capabilities</c>, <c>.Files</c>…).
/// </summary>
public class GoStruct : IGoObject
{
    private readonly Dictionary<string, GoFunction> _methods = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, object?>> _fields = [];
    private readonly Dictionary<string, object?> _promoted = new(StringComparer.Ordinal);

    public GoStruct(string goTypeName, bool isPointer)
    {
        GoTypeName = goTypeName;
        IsPointer = isPointer;
    }

    public string GoTypeName { get; }

    public bool IsPointer { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <summary>Adds a field (in declaration order).</summary>
    public GoStruct Field(string name, object? value)
    {
        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Adds an embedded struct: printed as one field, its fields reachable directly (Go's promotion).</summary>
    public GoStruct Embed(string name, GoStruct embedded)
    {
        _fields.Add(new(name, embedded));
        foreach (var (key, value) in embedded.Fields)
        {
            _promoted.TryAdd(key, value);
        }

        foreach (var (key, method) in embedded._methods)
        {
            _methods.TryAdd(key, method);
        }

        return this;
    }

    /// <summary>Adds a method callable from templates.</summary>
    public GoStruct Method(string name, IReadOnlyList<GoType> parameters, Func<IReadOnlyList<object?>, object?> body)
    {
        _methods[name] = new GoFunction(name, parameters, null, body);
        return this;
    }

    public bool TryGetField(string name, out object? value)
    {
        foreach (var (key, v) in _fields)
        {
            if (key == name)
            {
                value = v;
                return true;
            }
        }

        return _promoted.TryGetValue(name, out value);
    }

    public bool TryGetMethod(string name, out GoFunction? method)
    {
        var found = _methods.TryGetValue(name, out var m);
        method = m;
        return found;
    }

    /// <summary>The value of <c>String()</c> when the type has one (Go's Stringer), else null.</summary>
    public override string? ToString() => _methods.TryGetValue("String", out var m) ? m.Invoke([]) as string : base.ToString();
}
