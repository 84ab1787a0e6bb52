using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Drift;

/// <summary>A node with its path from the object's root (mapping keys and list indexes), as ignoreDifferences addresses it.</summary>
public readonly record struct FieldRef(YamlNode Node, IReadOnlyList<string> Path)
{
    /// <summary><c>spec.template.spec.containers[0].resources.limits.cpu</c>: how messages name the field.</summary>
    public string Display => FieldPaths.Display(Path);
}

/// <summary>Finds the fields the drift and sanity rules look at, with their paths.</summary>
public static class FieldPaths
{
    public static IReadOnlyList<string> Append(IReadOnlyList<string> path, params string[] more) => [.. path, .. more];

    public static string Display(IReadOnlyList<string> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var segment in path)
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                text.Append('[').Append(segment).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment);
            }
        }

        return text.ToString();
    }

    /// <summary>The path of a pod spec (<c>spec/template/spec</c>…).</summary>
    public static IReadOnlyList<string> PathOf(PodSpecView pod) => pod.SpecPath.Split('.');

    /// <summary>Every container (regular, init, ephemeral) with its path.</summary>
    public static IEnumerable<(ContainerView Container, IReadOnlyList<string> Path)> Containers(PodSpecView pod)
    {
        var specPath = PathOf(pod);
        foreach (var container in pod.Containers(includeInit: true, includeEphemeral: true))
        {
            var field = container.Kind switch
            {
                ContainerKind.Init => "initContainers",
                ContainerKind.Ephemeral => "ephemeralContainers",
                _ => "containers",
            };
            yield return (container, Append(specPath, field, container.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The scalar entries of a mapping at <paramref name="path"/>, each with its own path.</summary>
    public static IEnumerable<FieldRef> ScalarEntries(YamlMapping? mapping, IReadOnlyList<string> path)
    {
        foreach (var entry in mapping?.Entries ?? [])
        {
            if (entry.Value is YamlScalar { IsNull: false } scalar)
            {
                yield return new FieldRef(scalar, Append(path, entry.Key.Value));
            }
        }
    }

    /// <summary>Items of a sequence of mappings with their paths.</summary>
    public static IEnumerable<(YamlMapping Item, IReadOnlyList<string> Path)> Items(YamlSequence? sequence, IReadOnlyList<string> path)
    {
        for (var i = 0; i < (sequence?.Items.Count ?? 0); i++)
        {
            if (sequence!.Items[i] is YamlMapping item)
            {
                yield return (item, Append(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }
}
