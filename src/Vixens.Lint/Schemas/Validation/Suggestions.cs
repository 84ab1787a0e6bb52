namespace Vixens.Lint.Schemas.Validation;

/// <summary>"Did you mean" for unknown fields: the closest declared name by edit distance, if close enough to be a typo.</summary>
public static class Suggestions
{
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            // Case counts here (a field is "replicas", not "Replicas"), except that a case-only difference ranks first.
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : Vixens.Lint.Foundation.Levenshtein.Distance(name, candidate, ignoreCase: false);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // One edit for short names, up to a third of the name for long ones: close enough to be a typo, not a guess.
        var allowed = Math.Max(1, Math.Min(3, name.Length / 3));
        return best is not null && bestDistance <= allowed ? best : null;
    }
}
