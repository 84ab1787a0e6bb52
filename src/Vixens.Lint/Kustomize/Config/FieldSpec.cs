using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Config;

/// <summary>A field a transformer touches: a slash-separated path (<c>[]</c> marks a list) in objects of a GVK.</summary>
internal sealed record FieldSpec(Gvk Gvk, string Path, bool Create)
{
    private string[]? _segments;

    /// <summary>Path split on <c>/</c>, keeping <c>\/</c> (an escaped slash inside a key) and bracketed parts intact.</summary>
    public string[] Segments => _segments ??= Split(Path);

    public bool Selects(Gvk gvk) => gvk.IsSelectedBy(Gvk);

    public static FieldSpec Parse(YamlMapping map) =>
        new(
            new Gvk(map.GetString("group") ?? string.Empty, map.GetString("version") ?? string.Empty, map.GetString("kind") ?? string.Empty),
            map.GetString("path") ?? string.Empty,
            map.GetScalar("create") is { } c && c.AsBool());

    public static List<FieldSpec> ParseList(YamlNode? node)
    {
        var result = new List<FieldSpec>();
        if (node is YamlSequence seq)
        {
            foreach (var item in seq.Items.OfType<YamlMapping>())
            {
                result.Add(Parse(item));
            }
        }

        return result;
    }

    private static string[] Split(string path)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var depth = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\\' && i + 1 < path.Length && path[i + 1] == '/')
            {
                current.Append('/');
                i++;
                continue;
            }

            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }

            if (c == '/' && depth == 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return [.. parts];
    }
}

/// <summary>Which fields of which objects hold the name of an object of <see cref="Target"/> (kustomize's nameReference).</summary>
internal sealed record NameBackReference(Gvk Target, List<FieldSpec> Referrers);

/// <summary>
/// Merges field specs as kustomize v5.7.1 does (observed with the reference binary): an incoming spec replaces an
/// existing spec for the same path whose GVK selects it (so a <c>configurations:</c> entry for <c>kind: Foo</c> at
/// <c>metadata/name</c> replaces the all-kinds default), otherwise it is appended.
/// </summary>
internal static class FieldSpecList
{
    public static List<FieldSpec> Merge(IEnumerable<FieldSpec> first, IEnumerable<FieldSpec> second)
    {
        var result = new List<FieldSpec>(first);
        foreach (var fs in second)
        {
            var index = result.FindIndex(existing => existing.Path == fs.Path && fs.Gvk.IsSelectedBy(existing.Gvk));
            if (index >= 0)
            {
                result[index] = fs;
            }
            else
            {
                result.Add(fs);
            }
        }

        return result;
    }
}
