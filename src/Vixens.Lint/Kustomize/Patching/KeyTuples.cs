namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// The bookkeeping kyaml does on the key values of list items before merging them: collecting them, unifying tuples that
/// differ only by missing secondary keys, and deciding which keys are usable to address an item.
/// </summary>
internal static class KeyTuples
{
    /// <summary>Distinct, non-empty key tuples of the patch items first, then of the target items (kustomize prepends).</summary>
    public static List<string[]> Collect(IEnumerable<IEnumerable<Yaml.YamlNode>> sourcesInOrder, IReadOnlyList<string> keys)
    {
        var tuples = new List<string[]>();
        foreach (var source in sourcesInOrder)
        {
            foreach (var item in source)
            {
                var tuple = SequenceElements.KeyValues(item, keys);
                if (tuple.Length > 0 && !tuples.Any(t => t.AsSpan().SequenceEqual(tuple)))
                {
                    tuples.Add(tuple);
                }
            }
        }

        return tuples;
    }

    /// <summary>
    /// For multi-key lists: two tuples sharing a value and differing only where one is empty become the same tuple (so a
    /// port without protocol meets the same port with protocol). Later tuples see the earlier unifications.
    /// </summary>
    public static void Unify(List<string[]> tuples)
    {
        for (var i = 0; i < tuples.Count; i++)
        {
            // Each outer tuple is compared as it was when its turn came, even if a match rewrites it meanwhile.
            var current = tuples[i];
            for (var j = 0; j < tuples.Count; j++)
            {
                if (TryUnify(current, tuples[j], out var unified))
                {
                    tuples[i] = unified;
                    tuples[j] = unified;
                }
            }
        }
    }

    private static bool TryUnify(string[] a, string[] b, out string[] unified)
    {
        unified = a;
        if (a.Length != b.Length)
        {
            return false;
        }

        var shareValue = false;
        var result = new string[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                shareValue = true;
                result[i] = a[i];
                continue;
            }

            if (a[i].Length > 0 && b[i].Length > 0)
            {
                return false;
            }

            result[i] = a[i].Length > 0 ? a[i] : b[i];
        }

        unified = result;
        return shareValue;
    }

    /// <summary>
    /// The keys (and their values) used to address an item: the keys that have a value in any of <paramref name="all"/>;
    /// when none has, all keys with their (empty) values.
    /// </summary>
    public static (string[] Keys, string[] Values) Usable(IReadOnlyList<string[]> all, string[] tuple, IReadOnlyList<string> keys)
    {
        var withValue = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in all)
        {
            for (var i = 0; i < candidate.Length && i < keys.Count; i++)
            {
                if (candidate[i].Length > 0)
                {
                    withValue.Add(keys[i]);
                }
            }
        }

        if (withValue.Count == 0)
        {
            return (keys.ToArray(), tuple);
        }

        var usableKeys = keys.Where(withValue.Contains).ToArray();
        var usableValues = new List<string>();
        for (var i = 0; i < tuple.Length && i < keys.Count; i++)
        {
            if (tuple[i].Length > 0 || withValue.Contains(keys[i]))
            {
                usableValues.Add(tuple[i]);
            }
        }

        return (usableKeys, usableValues.ToArray());
    }
}
