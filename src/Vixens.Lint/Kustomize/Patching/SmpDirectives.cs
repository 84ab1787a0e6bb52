using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>What a <c>$patch</c> directive asks for.</summary>
internal enum SmpDirective
{
    Merge,
    Replace,
    Delete,
}

/// <summary>
/// Reads and removes <c>$patch</c> directives the way kyaml does: on a mapping, the <c>$patch</c> key; on a list, an item
/// that is a one-key mapping <c>{$patch: x}</c>. kyaml knows no other directive: <c>$setElementOrder</c>,
/// <c>$retainKeys</c> and <c>$deleteFromPrimitiveList</c> are copied into the output as ordinary fields.
/// </summary>
internal static class SmpDirectives
{
    public const string Key = "$patch";

    /// <summary>Finds the directive of <paramref name="patch"/> and removes it from the (cloned) patch.</summary>
    public static SmpDirective Take(YamlNode? patch) => patch switch
    {
        null => SmpDirective.Merge,
        YamlMapping mapping => TakeFromMapping(mapping),
        YamlSequence sequence => TakeFromSequence(sequence),
        _ => throw new PatchException($"no implemented strategic merge patch strategy for '{ShortTag(patch)}' ('{YamlFacts.Describe(patch)}')"),
    };

    /// <summary>Like <see cref="Take"/> but a scalar patch is simply "no directive" (kyaml ignores that error when adding).</summary>
    public static SmpDirective TakeLenient(YamlNode? patch) => patch is YamlScalar ? SmpDirective.Merge : Take(patch);

    private static SmpDirective TakeFromMapping(YamlMapping mapping)
    {
        if (mapping[Key] is not { } value)
        {
            return SmpDirective.Merge;
        }

        var directive = Parse(YamlFacts.Text(value));
        mapping.Remove(Key);
        return directive;
    }

    private static SmpDirective TakeFromSequence(YamlSequence sequence)
    {
        var item = sequence.Items.OfType<YamlMapping>().FirstOrDefault(m => m.ContainsKey(Key));

        // A $patch inside a list item that has other keys belongs to that item, not to the list.
        if (item is null || item.Count > 1)
        {
            return SmpDirective.Merge;
        }

        var text = YamlFacts.Text(item[Key]);
        var directive = Parse(text);
        SequenceElements.Set(sequence, null, [Key], [text]);
        return directive;
    }

    private static SmpDirective Parse(string text) => text switch
    {
        "delete" => SmpDirective.Delete,
        "replace" => SmpDirective.Replace,
        "merge" => SmpDirective.Merge,
        _ => throw new PatchException($"unknown patch strategy '{text}'"),
    };

    private static string ShortTag(YamlNode node) => node is YamlScalar scalar
        ? scalar.Kind switch
        {
            ScalarKind.Int => "!!int",
            ScalarKind.Float => "!!float",
            ScalarKind.Bool => "!!bool",
            ScalarKind.Null => "!!null",
            _ => "!!str",
        }
        : "!!map";
}
