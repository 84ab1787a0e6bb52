using Vixens.Lint.Yaml;

namespace Vixens.Lint.Schemas.Validation;

/// <summary>Where a JSON Pointer lands in the YAML tree: the value node, the key of its entry, and the deepest node reached.</summary>
public sealed record YamlPointerTarget(YamlNode? Value, YamlScalar? Key, YamlNode Deepest);

/// <summary>
/// Maps a JSON Pointer into the YAML tree the JSON was written from (the source map of schema validation). Walking the
/// tree on demand costs nothing for valid resources, unlike building a pointer table for every node up front.
/// </summary>
public static class YamlPointer
{
    public static YamlPointerTarget Resolve(YamlNode root, IReadOnlyList<string> segments)
    {
        YamlNode current = root;
        YamlScalar? key = null;
        foreach (var segment in segments)
        {
            switch (current)
            {
                case YamlMapping mapping:
                    // The last of duplicate keys is the one that was written to JSON.
                    var entry = mapping.Entries.LastOrDefault(e => string.Equals(e.Key.Value, segment, StringComparison.Ordinal));
                    if (entry is null)
                    {
                        return new YamlPointerTarget(null, null, current);
                    }

                    key = entry.Key;
                    current = entry.Value;
                    break;
                case YamlSequence sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Items.Count:
                    key = null;
                    current = sequence.Items[index];
                    break;
                default:
                    return new YamlPointerTarget(null, null, current);
            }
        }

        return new YamlPointerTarget(current, key, current);
    }
}
