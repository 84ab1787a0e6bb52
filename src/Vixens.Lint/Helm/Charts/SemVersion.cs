using System.Globalization;
using System.Text.RegularExpressions;

namespace Vixens.Lint.Helm.Charts;

/// <summary>A semantic version as Masterminds/semver v3 reads it (loose: <c>v1</c>, <c>1.2</c>, prerelease, build).</summary>
internal sealed partial record SemVersion(ulong Major, ulong Minor, ulong Patch, string Prerelease, string Metadata) : IComparable<SemVersion>
{
    [GeneratedRegex(@"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$")]
    private static partial Regex Pattern();

    public static SemVersion? TryParse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        if (!ulong.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return null;
        }

        ulong minor = 0, patch = 0;
        if (m.Groups[2].Success && !ulong.TryParse(m.Groups[2].Value[1..], NumberStyles.None, CultureInfo.InvariantCulture, out minor))
        {
            return null;
        }

        if (m.Groups[3].Success && !ulong.TryParse(m.Groups[3].Value[1..], NumberStyles.None, CultureInfo.InvariantCulture, out patch))
        {
            return null;
        }

        var pre = m.Groups[5].Value;
        // semver v3 refuses numeric prerelease identifiers with leading zeros.
        if (pre.Split('.').Any(p => p.Length > 1 && p[0] == '0' && p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        return new SemVersion(major, minor, patch, pre, m.Groups[8].Value);
    }

    /// <summary>The canonical text (<c>1.2.3-pre+meta</c>), as <c>Version.String()</c>.</summary>
    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}" + (Prerelease.Length > 0 ? "-" + Prerelease : string.Empty) + (Metadata.Length > 0 ? "+" + Metadata : string.Empty);

    public int CompareTo(SemVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        if (c == 0)
        {
            c = Patch.CompareTo(other.Patch);
        }

        return c != 0 ? c : ComparePrerelease(Prerelease, other.Prerelease);
    }

    private static int ComparePrerelease(string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        if (a.Length == 0)
        {
            return 1;
        }

        if (b.Length == 0)
        {
            return -1;
        }

        var pa = a.Split('.');
        var pb = b.Split('.');
        for (var i = 0; i < Math.Max(pa.Length, pb.Length); i++)
        {
            if (i >= pa.Length)
            {
                return -1;
            }

            if (i >= pb.Length)
            {
                return 1;
            }

            var na = ulong.TryParse(pa[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ia);
            var nb = ulong.TryParse(pb[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ib);
            var c = (na, nb) switch
            {
                (true, true) => ia.CompareTo(ib),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(pa[i], pb[i]),
            };
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return 0;
    }
}
