using System.Globalization;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// The operations ArgoCD applies to parameter sets: flattening to dotted keys (jeremywohl/flatten, used for the default
/// template mode and for selectors), mergo's deep merge (goTemplate matrix and merge) and the strict union of string maps
/// (default-mode matrix).
/// </summary>
internal static class ParamMaps
{
    /// <summary>
    /// Flattens nested maps and lists to dotted keys (<c>a.b</c>, <c>a.0</c>), formatting leaves with Go's <c>%v</c>.
    /// Empty maps and lists vanish; a <c>[]string</c> is a leaf (<c>[a b]</c>), as flatten only descends into
    /// <c>map[string]interface{}</c> and <c>[]interface{}</c> (ArgoCD first turns <c>map[string]string</c> into the former).
    /// </summary>
    public static Dictionary<string, string> Flatten(IReadOnlyDictionary<string, object?> parameters)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            FlattenInto(flat, key, value);
        }

        return flat;
    }

    private static void FlattenInto(Dictionary<string, string> flat, string key, object? value)
    {
        switch (value)
        {
            case Dictionary<string, object?> map:
                foreach (var (inner, item) in map)
                {
                    FlattenInto(flat, key + "." + inner, item);
                }

                break;
            case Dictionary<string, string> map:
                foreach (var (inner, item) in map)
                {
                    flat[key + "." + inner] = item;
                }

                break;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    FlattenInto(flat, key + "." + i.ToString(CultureInfo.InvariantCulture), list[i]);
                }

                break;
            default:
                flat[key] = ParamValues.FormatV(value);
                break;
        }
    }

    /// <summary>
    /// <c>mergo.Merge(dst, src, mergo.WithOverride)</c> on <c>map[string]interface{}</c>: nested maps merge key by key,
    /// a non-empty list replaces, anything else from <paramref name="source"/> overwrites.
    /// </summary>
    public static void MergeOverride(Dictionary<string, object?> target, IReadOnlyDictionary<string, object?> source)
    {
        foreach (var (key, sourceValue) in source)
        {
            target.TryGetValue(key, out var targetValue);
            var present = target.ContainsKey(key);
            switch (sourceValue)
            {
                case Dictionary<string, object?> sourceMap when targetValue is Dictionary<string, object?> targetMap && targetMap.Count > 0:
                    MergeOverride(targetMap, sourceMap);
                    continue;
                case Dictionary<string, string> sourceStrings when targetValue is Dictionary<string, string> targetStrings && targetStrings.Count > 0:
                    foreach (var (inner, item) in sourceStrings)
                    {
                        targetStrings[inner] = item;
                    }

                    continue;
                case System.Collections.IList sourceList when sourceList.Count == 0 && present && !ParamValues.IsEmpty(targetValue):
                    continue;
            }

            target[key] = ParamValues.DeepClone(sourceValue);
        }
    }

    /// <summary>
    /// ArgoCD's <c>CombineStringMaps</c> for the default-mode matrix: both sides as <c>%v</c> strings, a key present
    /// on both sides with different values is an error.
    /// </summary>
    public static Dictionary<string, object?> CombineStrict(IReadOnlyDictionary<string, object?> first, IReadOnlyDictionary<string, object?> second)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in first)
        {
            result[key] = ParamValues.FormatV(value);
        }

        foreach (var (key, value) in second)
        {
            var text = ParamValues.FormatV(value);
            if (result.TryGetValue(key, out var current) && !string.Equals((string?)current, text, StringComparison.Ordinal))
            {
                throw new GeneratorException($"found duplicate key {key} with different value, a: {current} ,b: {text}");
            }

            result[key] = text;
        }

        return result;
    }
}
