using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// Finding, replacing and removing list items by key values, with the exact matching rules of kyaml (which decide the
/// order and, in corner cases, the survival of items). Keys <c>[""]</c> address a list of scalars by their text.
/// </summary>
internal static class SequenceElements
{
    /// <summary>The text of each key in <paramref name="item"/>; "" when the key is absent, null or empty.</summary>
    public static string[] KeyValues(YamlNode item, IReadOnlyList<string> keys)
    {
        var values = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var field = (item as YamlMapping)?[keys[i]];
            values[i] = YamlFacts.IsNilOrEmpty(field) ? string.Empty : YamlFacts.Text(field);
        }

        return values;
    }

    /// <summary>
    /// The first item whose keys have exactly these texts (an empty text only matches an empty value); for scalar lists
    /// the first item with that text. Null when none, or when <paramref name="list"/> is not a list.
    /// </summary>
    public static YamlNode? Find(YamlNode? list, IReadOnlyList<string> keys, IReadOnlyList<string> values)
    {
        if (list is not YamlSequence sequence)
        {
            return null;
        }

        if (keys.Count == 0 || keys[0].Length == 0)
        {
            var wanted = values.Count > 0 ? values[0] : string.Empty;
            return sequence.Items.FirstOrDefault(item => YamlFacts.Text(item) == wanted);
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlMapping mapping && AllKeysHaveText(mapping, keys, values))
            {
                return item;
            }
        }

        return null;
    }

    private static bool AllKeysHaveText(YamlMapping mapping, IReadOnlyList<string> keys, IReadOnlyList<string> values)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (i >= values.Count || mapping[keys[i]] is not { } field || YamlFacts.Text(field) != values[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Replaces every item matching the keys with <paramref name="element"/> (or removes them when it is null), appending it
    /// when none matched. As in kyaml, null and empty-mapping items are dropped on the way, an empty value matches any
    /// item that has the key, and with no values at all nothing matches and every mapping item is dropped.
    /// </summary>
    public static void Set(YamlSequence list, YamlNode? element, IReadOnlyList<string> keys, IReadOnlyList<string> values)
    {
        if (keys.Count == 0)
        {
            keys = [string.Empty];
        }

        var addressesMappings = keys[0].Length > 0 && values.Count > 0 && values[0].Length > 0;
        var kept = new List<YamlNode>(list.Items.Count + 1);
        var matched = false;
        foreach (var item in list.Items)
        {
            if (YamlFacts.IsEmptyMapping(item))
            {
                continue;
            }

            if (item is not YamlMapping && addressesMappings)
            {
                kept.Add(item);
                continue;
            }

            if (!Matches(item, keys, values))
            {
                if (values.Count > 0)
                {
                    kept.Add(item);
                }

                continue;
            }

            matched = true;
            if (element is not null)
            {
                kept.Add(element);
            }
        }

        list.Items.Clear();
        list.Items.AddRange(kept);
        if (!YamlFacts.IsMissingOrNull(element) && !matched)
        {
            list.Items.Add(element!);
        }
    }

    /// <summary>Removes the items matching the keys (see <see cref="Set"/> for the matching rules).</summary>
    public static void Remove(YamlSequence list, IReadOnlyList<string> keys, IReadOnlyList<string> values) => Set(list, null, keys, values);

    // kyaml checks key j only while a value exists for it; a missing value reuses the previous key's verdict.
    private static bool Matches(YamlNode item, IReadOnlyList<string> keys, IReadOnlyList<string> values)
    {
        var lastMatched = false;
        for (var j = 0; j < keys.Count; j++)
        {
            if (j < values.Count)
            {
                lastMatched = FieldMatches(item, keys[j], values[j]);
            }

            if (!lastMatched)
            {
                return false;
            }
        }

        return true;
    }

    private static bool FieldMatches(YamlNode item, string key, string value)
    {
        if (YamlFacts.IsMissingOrNull(item))
        {
            return false;
        }

        if (key.Length == 0)
        {
            if (item is not YamlScalar scalar)
            {
                throw new PatchException($"wrong node kind: expected ScalarNode but got {YamlFacts.KindName(item)}: node contents:\n{YamlFacts.Describe(item)}");
            }

            return scalar.Value == value;
        }

        if (item is not YamlMapping mapping)
        {
            throw new PatchException($"wrong node kind: expected MappingNode but got {YamlFacts.KindName(item)}: node contents:\n{YamlFacts.Describe(item)}");
        }

        if (mapping[key] is not { } field)
        {
            return false;
        }

        return value.Length == 0 || YamlFacts.Text(field) == value;
    }
}
