namespace Vixens.Lint.Helm.Values;

/// <summary>Helpers on Go values (maps, slices, scalars as the CLR types of <see cref="Template.GoFunction"/>).</summary>
public static class ValueMaps
{
    /// <summary>A new, empty <c>map[string]interface{}</c>.</summary>
    public static Dictionary<string, object?> NewMap() => new(StringComparer.Ordinal);

    /// <summary>A deep copy (copystructure): maps and slices are new, scalars and other objects shared.</summary>
    public static object? DeepCopy(object? value) => value switch
    {
        Dictionary<string, object?> map => DeepCopyMap(map),
        List<object?> list => list.Select(DeepCopy).ToList(),
        Dictionary<string, string> smap => new Dictionary<string, string>(smap, StringComparer.Ordinal),
        List<string> slist => new List<string>(slist),
        _ => value,
    };

    public static Dictionary<string, object?> DeepCopyMap(Dictionary<string, object?> map)
    {
        var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            copy[key] = DeepCopy(value);
        }

        return copy;
    }

    /// <summary>Whether the value is a Go <c>map[string]interface{}</c> (Helm's <c>istable</c>).</summary>
    public static bool IsTable(object? value) => value is Dictionary<string, object?>;
}
