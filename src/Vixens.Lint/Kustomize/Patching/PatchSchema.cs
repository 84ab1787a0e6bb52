namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// A position in the OpenAPI type graph while walking a resource, the way kyaml's <c>ResourceSchema</c> is used by its merge
/// walker: a field lookup, an element lookup for arrays, and the list merge strategy. Null means "no schema here".
/// </summary>
public sealed class PatchSchema
{
    private readonly PatchMetadata _metadata;

    private PatchSchema(PatchMetadata metadata, string? objectType, PatchFieldMetadata? field)
    {
        _metadata = metadata;
        ObjectType = objectType;
        FieldInfo = field;
    }

    /// <summary>The definition this node is an instance of, when it is an object.</summary>
    public string? ObjectType { get; }

    /// <summary>The field declaration that led here, when this node is a field value (list, map or object).</summary>
    public PatchFieldMetadata? FieldInfo { get; }

    public bool IsList => FieldInfo?.IsList == true;

    internal static PatchSchema ForObject(PatchMetadata metadata, string type) => new(metadata, type, null);

    /// <summary>Schema of a field of this object (or of any value of this map); null when unknown.</summary>
    public PatchSchema? Field(string name)
    {
        if (FieldInfo is { IsMap: true } map)
        {
            return map.Type is null ? null : ForObject(_metadata, map.Type);
        }

        if (ObjectType is null || !_metadata.TryGetField(ObjectType, name, out var field))
        {
            return null;
        }

        if (field.IsList || field.IsMap)
        {
            return new PatchSchema(_metadata, null, field);
        }

        return field.Type is null ? null : new PatchSchema(_metadata, field.Type, field);
    }

    /// <summary>Schema of the items of this list; null when not a list or the items have no definition.</summary>
    public PatchSchema? Elements() =>
        FieldInfo is { IsList: true, Type: { } itemType } ? ForObject(_metadata, itemType) : null;

    /// <summary>Whether the patch strategy contains <c>merge</c>: only then does kustomize merge a list instead of replacing it.</summary>
    public bool HasMergeStrategy =>
        IsList && FieldInfo!.Strategy is { } strategy && strategy.Split(',').Contains("merge", StringComparer.Ordinal);

    /// <summary>
    /// The keys that identify list items, as kyaml picks them: the list-map keys when the field has a patch strategy and
    /// declares them, else the single merge key, else none (a primitive list such as <c>finalizers</c>).
    /// </summary>
    public IReadOnlyList<string> MergeKeys
    {
        get
        {
            if (FieldInfo?.Strategy is null)
            {
                return [];
            }

            if (FieldInfo.ListMapKeys is { Count: > 0 } listMapKeys)
            {
                return listMapKeys;
            }

            return FieldInfo.MergeKey is { } key ? [key] : [];
        }
    }

    /// <summary>True when the schema declares a patch strategy or keys (otherwise kyaml infers the key from the items).</summary>
    public bool DeclaresStrategyOrKeys => FieldInfo?.Strategy is not null;
}
