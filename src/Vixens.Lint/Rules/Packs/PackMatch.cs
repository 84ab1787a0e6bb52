using Json.Schema;

namespace Vixens.Lint.Rules.Packs;

/// <summary>What a pack rule's schema is evaluated against.</summary>
public enum PackTarget
{
    Resource,
    PodTemplate,
    PodSpec,
    Container,
    InitContainer,
    EphemeralContainer,
    AnyContainer,
    Volume,
    ServicePort,
}

/// <summary>Names listed to include (empty = all) and to exclude; <c>*</c> is a wildcard.</summary>
public sealed record IncludeExclude(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    public static readonly IncludeExclude All = new([], []);

    public bool Matches(string value) =>
        (Include.Count == 0 || Include.Any(p => Glob.Matches(p, value))) && !Exclude.Any(p => Glob.Matches(p, value));
}

/// <summary>Annotations and labels, each with a required value (<c>*</c> = any value).</summary>
public sealed record MetadataSelector(IReadOnlyDictionary<string, string> Annotations, IReadOnlyDictionary<string, string> Labels)
{
    public static readonly MetadataSelector Empty = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public bool IsEmpty => Annotations.Count == 0 && Labels.Count == 0;

    /// <summary>True when any listed annotation or label is present, with the listed value, in one of the metadata sets.</summary>
    public bool MatchesAny(IEnumerable<(IReadOnlyDictionary<string, string> Annotations, IReadOnlyDictionary<string, string> Labels)> metadata)
    {
        foreach (var (annotations, labels) in metadata)
        {
            if (Annotations.Any(p => annotations.TryGetValue(p.Key, out var v) && ValueMatches(p.Value, v))
                || Labels.Any(p => labels.TryGetValue(p.Key, out var v) && ValueMatches(p.Value, v)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ValueMatches(string expected, string actual) =>
        expected == "*" || string.Equals(expected, actual.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A pack rule's selection: target, kinds, metadata selectors and schema preconditions.</summary>
public sealed record PackMatch(
    PackTarget Target,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string>? ApiGroups,
    IncludeExclude Namespaces,
    IncludeExclude Names,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    JsonSchema? When,
    JsonSchema? ResourceWhen);

internal static class Glob
{
    public static bool Matches(string pattern, string value)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(pattern, value, StringComparison.Ordinal);
        }

        var parts = pattern.Split('*');
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0)
            {
                if (!value.StartsWith(part, StringComparison.Ordinal))
                {
                    return false;
                }

                position = part.Length;
                continue;
            }

            if (i == parts.Length - 1)
            {
                return value.Length - position >= part.Length && value.EndsWith(part, StringComparison.Ordinal);
            }

            var found = value.IndexOf(part, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return true;
    }
}
