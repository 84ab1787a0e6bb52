using System.Text;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>ArgoCD's name helpers: <c>SanitizeName</c> (the <c>normalize</c> function and every <c>…Normalized</c> parameter) and <c>slugify</c>.</summary>
public static class ArgoNames
{
    private const int MaxDnsNameLength = 253;

    /// <summary>
    /// Lower-cases, turns every character outside <c>[-a-z0-9.]</c> into <c>-</c>, keeps at most 253 characters and
    /// trims <c>-</c> and <c>.</c> from both ends.
    /// </summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var rune in name.ToLowerInvariant().EnumerateRunes())
        {
            var c = rune.Value;
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' ? (char)c : '-');
        }

        var text = sb.Length > MaxDnsNameLength ? sb.ToString(0, MaxDnsNameLength) : sb.ToString();
        return text.Trim('-', '.');
    }

    /// <summary>
    /// ArgoCD's <c>slugify</c>: <see cref="Normalize"/>, then gosimple/slug (<c>.</c> becomes <c>-</c>, dashes collapse),
    /// cut to <paramref name="maxLength"/>; a smart cut stops at the last <c>-</c> that fits.
    /// </summary>
    public static string Slugify(string name, int maxLength = 50, bool smartTruncate = true)
    {
        var sb = new StringBuilder();
        foreach (var c in Normalize(name))
        {
            var mapped = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' ? c : '-';
            if (mapped == '-' && sb.Length > 0 && sb[^1] == '-')
            {
                continue;
            }

            sb.Append(mapped);
        }

        var slug = sb.ToString().Trim('-', '_');
        if (maxLength <= 0 || slug.Length <= maxLength)
        {
            return slug;
        }

        if (!smartTruncate)
        {
            return slug[..maxLength].Trim('-');
        }

        for (var i = maxLength; i >= 0; i--)
        {
            if (slug[i] == '-')
            {
                return slug[..i];
            }
        }

        return slug[..maxLength];
    }
}
