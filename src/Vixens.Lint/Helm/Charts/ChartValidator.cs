using Vixens.Lint.Foundation;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Vixens.Lint.Helm.Charts;

/// <summary>Helm's <c>Metadata.Validate</c>: sanitises texts and refuses what Helm refuses, with its messages.</summary>
internal static partial class ChartValidator
{
    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex AliasName();

    public static void Validate(ChartMetadata md)
    {
        md.Name = Sanitize(md.Name);
        md.Description = Sanitize(md.Description);
        md.Home = Sanitize(md.Home);
        md.Icon = Sanitize(md.Icon);
        md.Condition = Sanitize(md.Condition);
        md.Tags = Sanitize(md.Tags);
        md.AppVersion = Sanitize(md.AppVersion);
        md.KubeVersion = Sanitize(md.KubeVersion);
        md.Sources = md.Sources?.Select(Sanitize).ToList();
        md.Keywords = md.Keywords?.Select(Sanitize).ToList();

        if (md.APIVersion.Length == 0)
        {
            throw Invalid("chart.metadata.apiVersion is required");
        }

        if (md.Name.Length == 0)
        {
            throw Invalid("chart.metadata.name is required");
        }

        if (md.Name != GoPath.Base(md.Name) || md.Name.Contains('\\'))
        {
            throw Invalid($"chart.metadata.name \"{md.Name}\" is invalid");
        }

        if (md.Version.Length == 0)
        {
            throw Invalid("chart.metadata.version is required");
        }

        if (SemVersion.TryParse(md.Version) is null)
        {
            throw Invalid($"chart.metadata.version \"{md.Version}\" is invalid");
        }

        if (md.Type is not ("" or "application" or "library"))
        {
            throw Invalid("chart.metadata.type must be application or library");
        }

        foreach (var maintainer in md.Maintainers ?? [])
        {
            if (maintainer is null)
            {
                throw Invalid("maintainers must not contain empty or null nodes");
            }

            maintainer.Name = Sanitize(maintainer.Name);
            maintainer.Email = Sanitize(maintainer.Email);
            maintainer.URL = Sanitize(maintainer.URL);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dependency in md.Dependencies ?? [])
        {
            if (dependency is null)
            {
                throw Invalid("dependencies must not contain empty or null nodes");
            }

            dependency.Name = Sanitize(dependency.Name);
            dependency.Version = Sanitize(dependency.Version);
            dependency.Repository = Sanitize(dependency.Repository);
            dependency.Condition = Sanitize(dependency.Condition);
            dependency.Tags = dependency.Tags.Select(Sanitize).ToList();
            if (dependency.Alias.Length > 0 && !AliasName().IsMatch(dependency.Alias))
            {
                throw Invalid($"dependency \"{dependency.Name}\" has disallowed characters in the alias");
            }

            var key = dependency.Alias.Length > 0 ? dependency.Alias : dependency.Name;
            if (!seen.Add(key))
            {
                throw Invalid($"more than one dependency with name or alias \"{key}\"");
            }
        }
    }

    private static HelmException Invalid(string message) => new("validation: " + message);

    /// <summary>White space becomes a plain space, other unprintable characters are dropped (Helm's sanitizeString).</summary>
    private static string Sanitize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                sb.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }
}
