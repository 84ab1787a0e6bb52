using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// kyaml field paths as replacements and vars use them: dot-separated keys, <c>[name=value]</c> to pick a list element,
/// <c>[key]</c> for a key containing dots, a number for a list index, <c>*</c> for every element.
/// </summary>
internal static class FieldPath
{
    public static List<string> Split(string path)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in path)
        {
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }

            if (c == '.' && depth == 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts.Where(p => p.Length > 0).ToList();
    }

    /// <summary>Every node at the path (several with <c>*</c>); none when a step is missing.</summary>
    public static List<YamlNode> Find(YamlNode root, IReadOnlyList<string> parts)
    {
        var current = new List<YamlNode> { root };
        foreach (var part in parts)
        {
            var next = new List<YamlNode>();
            foreach (var node in current)
            {
                next.AddRange(Step(node, part, create: false, createSpan: null));
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>Sets the value at the path, creating missing mappings when <paramref name="create"/> is set.</summary>
    public static int Set(YamlNode root, IReadOnlyList<string> parts, Func<YamlNode?, YamlNode> makeValue, bool create, SourceSpan createSpan)
    {
        var parents = new List<YamlNode> { root };
        for (var i = 0; i < parts.Count - 1; i++)
        {
            var next = new List<YamlNode>();
            foreach (var node in parents)
            {
                next.AddRange(Step(node, parts[i], create, createSpan));
            }

            parents = next;
        }

        var last = parts[^1];
        var count = 0;
        foreach (var parent in parents)
        {
            switch (parent)
            {
                case YamlMapping map:
                    var key = Unbracket(last);
                    var existing = map[key];
                    if (existing is null && !create)
                    {
                        continue;
                    }

                    map.Set(key, makeValue(existing));
                    count++;
                    break;
                case YamlSequence seq when int.TryParse(last, out var index) && index >= 0 && index < seq.Count:
                    seq.Items[index] = makeValue(seq.Items[index]);
                    count++;
                    break;
                case YamlSequence seq when last == "*":
                    for (var j = 0; j < seq.Count; j++)
                    {
                        seq.Items[j] = makeValue(seq.Items[j]);
                        count++;
                    }

                    break;
            }
        }

        return count;
    }

    private static string Unbracket(string part) =>
        part.StartsWith('[') && part.EndsWith(']') && !part.Contains('=', StringComparison.Ordinal) ? part[1..^1] : part;

    private static IEnumerable<YamlNode> Step(YamlNode node, string part, bool create, SourceSpan? createSpan)
    {
        if (part.StartsWith('[') && part.EndsWith(']') && part.Contains('=', StringComparison.Ordinal) && node is YamlSequence seq)
        {
            var inner = part[1..^1];
            var eq = inner.IndexOf('=', StringComparison.Ordinal);
            var key = inner[..eq];
            var value = inner[(eq + 1)..];
            foreach (var item in seq.Items.OfType<YamlMapping>())
            {
                if (item.GetScalar(key)?.Value == value)
                {
                    yield return item;
                }
            }

            yield break;
        }

        if (node is YamlSequence list)
        {
            if (part == "*" || part == "-")
            {
                foreach (var item in list.Items)
                {
                    yield return item;
                }
            }
            else if (int.TryParse(part, out var index) && index >= 0 && index < list.Count)
            {
                yield return list[index];
            }

            yield break;
        }

        if (node is YamlMapping map)
        {
            var key = Unbracket(part);
            var value = map[key];
            if (value is null or YamlScalar { IsNull: true } && create && createSpan is not null)
            {
                value = new YamlMapping(createSpan);
                map.Set(key, value);
            }

            if (value is not null)
            {
                yield return value;
            }
        }
    }
}
