using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// The matrix generator: exactly two children; the second is evaluated once per parameter set of the first, with its
/// strings rendered from that set (so it can read the first's <c>path</c>, <c>name</c>…). With goTemplate the sets
/// are deep-merged, the first child's values winning; otherwise they are joined as strings and a key both sides set
/// differently is an error.
/// </summary>
internal static class MatrixGenerator
{
    public static List<ParamSet> Generate(YamlMapping generator, ExpansionScope scope, GeneratorEvaluator evaluator)
    {
        var children = Children(generator, "matrix");
        if (children.Count < 2)
        {
            throw new GeneratorException("found less than two generators, Matrix support only two", generator.Span);
        }

        if (children.Count > 2)
        {
            throw new GeneratorException("found more than two generators, Matrix support only two", generator.Span);
        }

        var result = new List<ParamSet>();
        foreach (var first in evaluator.EvaluateChild(children[0], null))
        {
            foreach (var second in evaluator.EvaluateChild(children[1], first.Values))
            {
                Dictionary<string, object?> combined;
                if (scope.GoTemplate)
                {
                    combined = new Dictionary<string, object?>(StringComparer.Ordinal);
                    ParamMaps.MergeOverride(combined, second.Values);
                    ParamMaps.MergeOverride(combined, first.Values);
                }
                else
                {
                    try
                    {
                        combined = ParamMaps.CombineStrict(first.Values, second.Values);
                    }
                    catch (GeneratorException ex)
                    {
                        throw new GeneratorException("failed to combine string maps with merging params for the matrix generator: " + ex.Message, children[1].Span);
                    }
                }

                result.Add(new ParamSet(combined, [.. first.Origins, .. second.Origins]));
                scope.CheckCount(result.Count, generator.Span);
            }
        }

        return result;
    }

    /// <summary>The child entries of a matrix or merge; each must be a mapping.</summary>
    internal static List<YamlMapping> Children(YamlMapping generator, string kind)
    {
        var children = new List<YamlMapping>();
        foreach (var item in generator.GetSequence("generators")?.Items ?? [])
        {
            children.Add(item as YamlMapping ?? throw new GeneratorException($"each of {kind}.generators must be a mapping holding one generator", item.Span));
        }

        return children;
    }
}

/// <summary>
/// The merge generator: the first child's parameter sets, each overridden by the set of every later child that has the
/// same values for all <c>mergeKeys</c>; sets only in later children are dropped. Keys must be unique within each
/// child. With goTemplate the override is a deep merge; otherwise top-level keys are replaced. ArgoCD returns the sets
/// in map order (unspecified); they are returned here in the first child's order.
/// </summary>
internal static class MergeGenerator
{
    public static List<ParamSet> Generate(YamlMapping generator, ExpansionScope scope, GeneratorEvaluator evaluator)
    {
        var children = MatrixGenerator.Children(generator, "merge");
        if (children.Count < 2)
        {
            throw new GeneratorException("found less than two generators, Merge requires two or more", generator.Span);
        }

        var childSets = new List<List<ParamSet>>();
        for (var i = 0; i < children.Count; i++)
        {
            childSets.Add(evaluator.EvaluateChild(children[i], null));
        }

        var mergeKeys = (generator.GetSequence("mergeKeys")?.Items ?? []).OfType<YamlScalar>().Select(s => s.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (mergeKeys.Count == 0)
        {
            throw new GeneratorException("error getting param sets by merge key: no merge keys were specified, Merge requires at least one", generator.Span);
        }

        var baseSets = ByMergeKey(mergeKeys, childSets[0], children[0].Span);
        var merged = baseSets.Select(pair => (pair.Key, Set: new ParamSet(ParamValues.CloneMap(pair.Value.Values), pair.Value.Origins))).ToList();
        foreach (var (sets, child) in childSets.Skip(1).Zip(children.Skip(1)))
        {
            var overrides = ByMergeKey(mergeKeys, sets, child.Span).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            for (var i = 0; i < merged.Count; i++)
            {
                if (!overrides.TryGetValue(merged[i].Key, out var overrideSet))
                {
                    continue;
                }

                var values = merged[i].Set.Values;
                if (scope.GoTemplate)
                {
                    ParamMaps.MergeOverride(values, overrideSet.Values);
                }
                else
                {
                    foreach (var (key, value) in overrideSet.Values)
                    {
                        values[key] = value;
                    }
                }

                merged[i] = (merged[i].Key, new ParamSet(values, [.. merged[i].Set.Origins, .. overrideSet.Origins]));
            }
        }

        return merged.Select(m => m.Set).ToList();
    }

    /// <summary>Each set with its merge key: the JSON of the merge-key values (missing keys are null), unique per child.</summary>
    private static List<KeyValuePair<string, ParamSet>> ByMergeKey(IReadOnlyList<string> mergeKeys, List<ParamSet> sets, SourceSpan location)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<KeyValuePair<string, ParamSet>>();
        foreach (var set in sets)
        {
            var key = "{" + string.Join(",", mergeKeys.Select(k => ParamJson.Quote(k) + ":" + ParamJson.Write(set.Values.GetValueOrDefault(k)))) + "}";
            if (!seen.Add(key))
            {
                throw new GeneratorException("error getting param sets by merge key: the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was " + key, location);
            }

            result.Add(new KeyValuePair<string, ParamSet>(key, set));
        }

        return result;
    }
}
