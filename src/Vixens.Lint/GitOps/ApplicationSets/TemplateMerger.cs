using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// A generator's own <c>template</c> over the ApplicationSet's, as <c>mergo.Merge(generatorTemplate, specTemplate)</c>
/// does on the typed template: the generator's fields win; a field it leaves empty (absent, null, <c>""</c>,
/// <c>false</c>, <c>0</c>, an empty list) takes the ApplicationSet's; objects merge field by field; a non-empty list is
/// kept whole; <c>helm.valuesObject</c> is raw JSON, kept whole.
/// </summary>
internal static class TemplateMerger
{
    public static YamlMapping Merge(YamlMapping generatorTemplate, YamlMapping specTemplate)
    {
        MergeInto(generatorTemplate, specTemplate);
        return generatorTemplate;
    }

    private static void MergeInto(YamlMapping target, YamlMapping source)
    {
        foreach (var entry in source.Entries)
        {
            var existing = target.GetEntry(entry.Key.Value);
            if (existing is null)
            {
                target.Entries.Add(new YamlEntry(entry.Key, entry.Value));
                continue;
            }

            if (existing.Value is YamlMapping targetMap && entry.Value is YamlMapping sourceMap && entry.Key.Value != "valuesObject")
            {
                MergeInto(targetMap, sourceMap);
            }
            else if (IsEmpty(existing.Value))
            {
                existing.Value = entry.Value;
            }
        }
    }

    private static bool IsEmpty(YamlNode node) => node switch
    {
        YamlScalar scalar => scalar.Kind switch
        {
            ScalarKind.Null => true,
            ScalarKind.Bool => !scalar.AsBool(),
            ScalarKind.Int => scalar.TryGetInt64(out var number) && number == 0,
            ScalarKind.Float => double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value == 0,
            _ => scalar.Value.Length == 0,
        },
        YamlSequence sequence => sequence.Count == 0,
        YamlMapping map => map.Count == 0,
        _ => false,
    };
}
