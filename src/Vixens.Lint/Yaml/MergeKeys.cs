namespace Vixens.Lint.Yaml;

/// <summary>YAML 1.1 merge keys (<c>&lt;&lt;: *base</c>), which go-yaml and therefore kubectl and kustomize honour.</summary>
internal static class MergeKeys
{
    public const string Key = "<<";

    public static void Apply(YamlMapping mapping)
    {
        var index = mapping.Entries.FindIndex(e => e.Key.Value == Key && e.Key.Style == ScalarStyle.Plain);
        if (index < 0)
        {
            return;
        }

        var sources = new List<YamlMapping>();
        foreach (var entry in mapping.Entries.Where(e => e.Key.Value == Key && e.Key.Style == ScalarStyle.Plain))
        {
            switch (entry.Value)
            {
                case YamlMapping single:
                    sources.Add(single);
                    break;
                case YamlSequence list:
                    sources.AddRange(list.Items.OfType<YamlMapping>());
                    break;
            }
        }

        mapping.Entries.RemoveAll(e => e.Key.Value == Key && e.Key.Style == ScalarStyle.Plain);
        var insertAt = Math.Min(index, mapping.Entries.Count);
        foreach (var source in sources)
        {
            foreach (var entry in source.Entries)
            {
                if (!mapping.ContainsKey(entry.Key.Value))
                {
                    mapping.Entries.Insert(insertAt++, new YamlEntry((YamlScalar)entry.Key.DeepClone(), entry.Value.DeepClone()));
                }
            }
        }
    }
}
