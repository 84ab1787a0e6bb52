namespace Vixens.Lint.Helm.Template;

/// <summary>
/// A Go struct (or a pointer to one) seen by a template: <c>.Release.Name</c>, <c>.Chart.Version</c>,
/// <c>.Files.Get "x"</c>, <c>.Capabilities.APIVersions.Has "v1"</c>. Fields and methods are looked up by their exact
/// Go name; <c>%v</c> prints the fields in declaration order as Go does (<c>{a b}</c>, <c>&amp;{a b}</c> for a pointer).
/// </summary>
public interface IGoObject
{
    /// <summary>The Go type as <c>printf "%T"</c> and Sprig's <c>typeOf</c> print it, e.g. <c>*chart.Metadata</c>.</summary>
    string GoTypeName { get; }

    /// <summary>Whether the template sees a pointer (<c>%v</c> prints <c>&amp;{…}</c>; a nil pointer is <c>&lt;nil&gt;</c>).</summary>
    bool IsPointer { get; }

    /// <summary>The exported fields in declaration order, for printing.</summary>
    IReadOnlyList<KeyValuePair<string, object?>> Fields { get; }

    /// <summary>A field's value; false when the struct has no such field.</summary>
    bool TryGetField(string name, out object? value);

    /// <summary>A method bound to this object, callable like a template function; false when there is none.</summary>
    bool TryGetMethod(string name, out GoFunction? method);
}
