using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps;

/// <summary>
/// One entry of an Application's <c>spec.ignoreDifferences</c>: which objects (group, kind, optional name and namespace)
/// and which parts of them (JSON pointers, jq path expressions) ArgoCD leaves out of its comparison.
/// </summary>
/// <remarks>
/// A pointer ignores its whole subtree. jq expressions are understood as far as they are paths
/// (<c>.spec.template.spec.containers[].resources</c>, <c>[0]</c>, <c>.["key"]</c>, <c>select(...)</c> on a list item);
/// whatever follows a construct this reader does not understand is treated as ignored, so that a finding is never
/// reported for a field the Application may well be ignoring. <c>managedFieldsManagers</c> entries depend on the live
/// object and are treated as ignoring nothing.
/// </remarks>
public sealed class IgnoreDifference
{
    private const string Wildcard = "\u0000*";

    private readonly IReadOnlyList<IReadOnlyList<string>> _paths;

    private IgnoreDifference(string? group, string? kind, string? name, string? @namespace, IReadOnlyList<IReadOnlyList<string>> paths)
    {
        Group = group;
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        _paths = paths;
    }

    public string? Group { get; }

    public string? Kind { get; }

    public string? Name { get; }

    public string? Namespace { get; }

    public static IReadOnlyList<IgnoreDifference> ReadAll(YamlMapping? spec)
    {
        var result = new List<IgnoreDifference>();
        foreach (var entry in spec?.GetSequence("ignoreDifferences")?.Items.OfType<YamlMapping>() ?? [])
        {
            var paths = new List<IReadOnlyList<string>>();
            foreach (var pointer in entry.GetSequence("jsonPointers")?.Items.OfType<YamlScalar>() ?? [])
            {
                paths.Add(ParsePointer(pointer.Value));
            }

            foreach (var expression in entry.GetSequence("jqPathExpressions")?.Items.OfType<YamlScalar>() ?? [])
            {
                paths.Add(ParseJqPath(expression.Value));
            }

            result.Add(new IgnoreDifference(entry.GetString("group"), entry.GetString("kind"), entry.GetString("name"), entry.GetString("namespace"), paths));
        }

        return result;
    }

    /// <summary>Whether this entry selects <paramref name="resource"/> (ArgoCD: group and kind may be <c>*</c>; name and namespace are optional).</summary>
    public bool AppliesTo(KubeResource resource) =>
        Matches(Group ?? string.Empty, resource.Group)
        && Matches(Kind, resource.Kind ?? string.Empty)
        && (Name is null || Name == resource.Name)
        && (Namespace is null || Namespace == resource.Namespace);

    /// <summary>Whether the field at <paramref name="path"/> (keys and list indexes from the object's root) is ignored.</summary>
    public bool Ignores(IReadOnlyList<string> path) => _paths.Any(p => IsPrefix(p, path));

    /// <summary><c>/a/b~1c/0</c> → <c>a</c>, <c>b/c</c>, <c>0</c>.</summary>
    public static IReadOnlyList<string> ParsePointer(string pointer)
    {
        if (pointer.Length == 0 || pointer == "/")
        {
            return pointer.Length == 0 ? [] : [string.Empty];
        }

        return pointer.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    /// <summary>A jq path expression as segments; <c>[]</c> and <c>select(...)</c> match any list item.</summary>
    public static IReadOnlyList<string> ParseJqPath(string expression)
    {
        var segments = new List<string>();
        var text = expression.Trim();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '|')
            {
                i++;
                continue;
            }

            if (c == '.' && i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] is '_' or '-'))
            {
                var start = ++i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                segments.Add(text[start..i]);
                continue;
            }

            if (c == '.' && i + 1 < text.Length && text[i + 1] == '[')
            {
                i++;
                continue;
            }

            if (c == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    break;
                }

                var inner = text[(i + 1)..close].Trim();
                if (inner.Length == 0)
                {
                    segments.Add(Wildcard);
                }
                else if (inner.All(char.IsAsciiDigit))
                {
                    segments.Add(inner);
                }
                else if (inner.Length >= 2 && inner[0] == '"' && inner[^1] == '"')
                {
                    segments.Add(inner[1..^1]);
                }
                else
                {
                    break;
                }

                i = close + 1;
                continue;
            }

            if (text.AsSpan(i).StartsWith("select(", StringComparison.Ordinal))
            {
                // select(...) filters the current list items: the path stays on "any item".
                var depth = 0;
                for (; i < text.Length; i++)
                {
                    depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
                    if (depth == 0 && text[i] == ')')
                    {
                        i++;
                        break;
                    }
                }

                continue;
            }

            // Anything else: stop here, the rest of the path counts as ignored.
            break;
        }

        return segments;
    }

    private static bool Matches(string? pattern, string value) => pattern is null || pattern == "*" || pattern == value;

    private static bool IsPrefix(IReadOnlyList<string> prefix, IReadOnlyList<string> path)
    {
        if (prefix.Count > path.Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (prefix[i] != Wildcard && prefix[i] != path[i])
            {
                return false;
            }
        }

        return true;
    }
}
