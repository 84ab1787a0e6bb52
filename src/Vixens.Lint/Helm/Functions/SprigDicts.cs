using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>Sprig's dict functions (dict.go): maps are changed in place where Go's are (set, unset, merge).</summary>
internal static class SprigDicts
{
    public static IEnumerable<GoFunction> All()
    {
        yield return new("dict", [], T.Any, a => Dict(a));
        yield return new("get", [T.AnyMap, T.String], null, a => Map(a, 0).TryGetValue(Str(a, 1), out var v) ? v : string.Empty);
        yield return new("set", [T.AnyMap, T.String, T.Any], null, a => Set(a[0], Str(a, 1), a[2]));
        yield return new("unset", [T.AnyMap, T.String], null, a => Unset(Map(a, 0), Str(a, 1)));
        yield return new("hasKey", [T.AnyMap, T.String], null, a => Map(a, 0).ContainsKey(Str(a, 1)));
        yield return new("pluck", [T.String], T.AnyMap, a => a.Skip(1).OfType<Dictionary<string, object?>>().Where(d => d.ContainsKey(Str(a, 0))).Select(d => d[Str(a, 0)]).ToList());
        yield return new("keys", [], T.AnyMap, a => Keys(a));
        yield return new("pick", [T.AnyMap], T.String, a => Pick(Map(a, 0), a.Skip(1).Cast<string>().ToHashSet(StringComparer.Ordinal), keep: true));
        yield return new("omit", [T.AnyMap], T.String, a => Pick(Map(a, 0), a.Skip(1).Cast<string>().ToHashSet(StringComparer.Ordinal), keep: false));
        yield return new("values", [T.AnyMap], null, a => GoValues.SortedEntries(Map(a, 0)).Select(p => p.Value).ToList());
        yield return new("merge", [T.AnyMap], T.AnyMap, a => Merge(a, overwrite: false));
        yield return new("mustMerge", [T.AnyMap], T.AnyMap, a => Merge(a, overwrite: false));
        yield return new("mergeOverwrite", [T.AnyMap], T.AnyMap, a => Merge(a, overwrite: true));
        yield return new("mustMergeOverwrite", [T.AnyMap], T.AnyMap, a => Merge(a, overwrite: true));
        yield return new("dig", [], T.Any, a => Dig(a));
        yield return new("deepCopy", [T.Any], null, a => DeepCopy(a[0]));
        yield return new("mustDeepCopy", [T.Any], null, a => a[0] is null ? throw new GoFunctionException("copy: cannot copy nil") : DeepCopy(a[0]));
    }

    private static Dictionary<string, object?> Dict(IReadOnlyList<object?> a)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < a.Count; i += 2)
        {
            map[Strval(a[i])] = i + 1 < a.Count ? a[i + 1] : string.Empty;
        }

        return map;
    }

    private static Dictionary<string, object?> Set(object? target, string key, object? value)
    {
        var map = target as Dictionary<string, object?> ?? throw new GoFunctionException("assignment to entry in nil map");
        map[key] = value;
        return map;
    }

    private static Dictionary<string, object?> Unset(Dictionary<string, object?> map, string key)
    {
        map.Remove(key);
        return map;
    }

    /// <summary>Go ranges over maps in random order; sorted keys are one of its orders and keep output stable.</summary>
    private static List<string> Keys(IReadOnlyList<object?> maps)
    {
        var keys = new List<string>();
        foreach (var map in maps.OfType<Dictionary<string, object?>>())
        {
            keys.AddRange(map.Keys.Order(Comparer<string>.Create(GoStrings.Compare)));
        }

        return keys;
    }

    private static Dictionary<string, object?> Pick(Dictionary<string, object?> map, HashSet<string> names, bool keep)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in map)
        {
            if (names.Contains(k) == keep)
            {
                result[k] = v;
            }
        }

        return result;
    }

    /// <summary>
    /// mergo.Merge into the first map: a key missing or empty in the destination takes the source's value, two maps
    /// merge deeply; with overwrite, every source value replaces the destination's (empty ones too).
    /// </summary>
    private static Dictionary<string, object?> Merge(IReadOnlyList<object?> a, bool overwrite)
    {
        var dst = a[0] as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var src in a.Skip(1).OfType<Dictionary<string, object?>>())
        {
            MergeInto(dst, src, overwrite);
        }

        return dst;
    }

    private static void MergeInto(Dictionary<string, object?> dst, Dictionary<string, object?> src, bool overwrite)
    {
        foreach (var (key, srcValue) in src)
        {
            var present = dst.TryGetValue(key, out var dstValue);
            if (present && dstValue is Dictionary<string, object?> dstMap && srcValue is Dictionary<string, object?> srcMap)
            {
                MergeInto(dstMap, srcMap, overwrite);
                continue;
            }

            if (!present || Empty(dstValue) || (overwrite && !(dstValue is Dictionary<string, object?> && srcValue is Dictionary<string, object?>)))
            {
                dst[key] = srcValue;
            }
        }
    }

    private static object? Dig(IReadOnlyList<object?> a)
    {
        if (a.Count < 3)
        {
            throw new GoFunctionException("dig needs at least three arguments");
        }

        var current = a[^1] as Dictionary<string, object?> ??
            throw new GoFunctionException($"interface conversion: interface {{}} is {GoValues.TypeName(a[^1])}, not map[string]interface {{}}");
        var fallback = a[^2];
        for (var i = 0; i < a.Count - 2; i++)
        {
            if (a[i] is not string key)
            {
                throw new GoFunctionException($"interface conversion: interface {{}} is {GoValues.TypeName(a[i])}, not string");
            }

            if (!current.TryGetValue(key, out var step))
            {
                return fallback;
            }

            if (i == a.Count - 3)
            {
                return step;
            }

            current = step as Dictionary<string, object?> ??
                throw new GoFunctionException($"interface conversion: interface {{}} is {GoValues.TypeName(step)}, not map[string]interface {{}}");
        }

        return fallback;
    }

    /// <summary>copystructure.Copy on template values: maps and slices copied all the way down, scalars shared.</summary>
    public static object? DeepCopy(object? value) => value switch
    {
        Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => DeepCopy(p.Value), StringComparer.Ordinal),
        Dictionary<string, string> smap => new Dictionary<string, string>(smap, StringComparer.Ordinal),
        List<object?> list => list.Select(DeepCopy).ToList(),
        List<string> strings => new List<string>(strings),
        byte[] bytes => bytes.ToArray(),
        _ => value,
    };
}
