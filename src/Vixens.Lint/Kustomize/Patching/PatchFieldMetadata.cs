namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// The patch-relevant facts about one field of an OpenAPI definition: the definition its value (or its list items, or its
/// map values) refers to, and the strategic-merge extensions. Fields carrying none of these facts are left out of the table
/// because kustomize treats them exactly like fields it has no schema for.
/// </summary>
public sealed record PatchFieldMetadata
{
    /// <summary>Definition name of the value, of each list item (<see cref="IsList"/>) or of each map value (<see cref="IsMap"/>).</summary>
    public string? Type { get; init; }

    /// <summary>The field is an array.</summary>
    public bool IsList { get; init; }

    /// <summary>The field is a string-keyed map (<c>additionalProperties</c>).</summary>
    public bool IsMap { get; init; }

    /// <summary><c>x-kubernetes-patch-strategy</c>, e.g. <c>merge</c> or <c>merge,retainKeys</c>.</summary>
    public string? Strategy { get; init; }

    /// <summary><c>x-kubernetes-patch-merge-key</c>.</summary>
    public string? MergeKey { get; init; }

    /// <summary><c>x-kubernetes-list-map-keys</c>.</summary>
    public IReadOnlyList<string>? ListMapKeys { get; init; }
}
