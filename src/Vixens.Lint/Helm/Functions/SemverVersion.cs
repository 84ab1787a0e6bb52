using System.Globalization;
using System.Text.RegularExpressions;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Masterminds/semver v3's <c>*Version</c> as templates see it: methods Major, Minor, Patch, Prerelease, Metadata,
/// Original, String and Compare; <c>%v</c> prints the canonical version. Parsing is the loose form (a leading v,
/// missing minor or patch).
/// </summary>
internal sealed partial class SemverVersion : IGoObject
{
    private SemverVersion(ulong major, ulong minor, ulong patch, string pre, string metadata, string original)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = pre;
        Metadata = metadata;
        Original = original;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public string Prerelease { get; }

    public string Metadata { get; }

    public string Original { get; }

    public string GoTypeName => "*semver.Version";

    public bool IsPointer => true;

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => [];

    [GeneratedRegex(@"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VersionPattern();

    /// <summary>semver.NewVersion; <c>Invalid Semantic Version</c> (and its other errors) as Go words them.</summary>
    public static SemverVersion Parse(string text)
    {
        var m = VersionPattern().Match(text);
        if (!m.Success)
        {
            throw new GoFunctionException("Invalid Semantic Version");
        }

        ulong Segment(Group g) => !g.Success ? 0 :
            ulong.TryParse(g.Value.TrimStart('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v :
            throw new GoFunctionException($"Error parsing version segment: strconv.ParseUint: parsing \"{g.Value.TrimStart('.')}\": value out of range");

        var pre = m.Groups[5].Value;
        foreach (var part in pre.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.All(char.IsAsciiDigit) && part.Length > 1 && part[0] == '0')
            {
                throw new GoFunctionException("Version segment starts with 0");
            }
        }

        return new SemverVersion(Segment(m.Groups[1]), Segment(m.Groups[2]), Segment(m.Groups[3]), pre, m.Groups[8].Value, text);
    }

    public override string ToString()
    {
        var s = $"{Major}.{Minor}.{Patch}";
        if (Prerelease.Length > 0)
        {
            s += "-" + Prerelease;
        }

        if (Metadata.Length > 0)
        {
            s += "+" + Metadata;
        }

        return s;
    }

    /// <summary>Version.Compare: -1, 0 or 1; metadata does not count, a prerelease sorts before its release.</summary>
    public int CompareTo(SemverVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        if (c == 0)
        {
            c = Patch.CompareTo(other.Patch);
        }

        return c != 0 ? Math.Sign(c) : ComparePrerelease(Prerelease, other.Prerelease);
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

            var na = ulong.TryParse(pa[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xa);
            var nb = ulong.TryParse(pb[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xb);
            var c = (na, nb) switch
            {
                (true, true) => xa.CompareTo(xb),
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

    public bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryGetMethod(string name, out GoFunction? method)
    {
        method = name switch
        {
            "Major" => new GoFunction(name, [], null, _ => (long)Major),
            "Minor" => new GoFunction(name, [], null, _ => (long)Minor),
            "Patch" => new GoFunction(name, [], null, _ => (long)Patch),
            "Prerelease" => new GoFunction(name, [], null, _ => Prerelease),
            "Metadata" => new GoFunction(name, [], null, _ => Metadata),
            "Original" => new GoFunction(name, [], null, _ => Original),
            "String" => new GoFunction(name, [], null, _ => ToString()),
            "Compare" => new GoFunction(name, [GoType.Any], null, a => CompareTo(Other(a[0]))),
            "LessThan" => new GoFunction(name, [GoType.Any], null, a => CompareTo(Other(a[0])) < 0),
            "GreaterThan" => new GoFunction(name, [GoType.Any], null, a => CompareTo(Other(a[0])) > 0),
            "Equal" => new GoFunction(name, [GoType.Any], null, a => CompareTo(Other(a[0])) == 0),
            _ => null,
        };
        return method is not null;
    }

    private static SemverVersion Other(object? value) =>
        value as SemverVersion ?? throw new GoFunctionException($"wrong type for value; expected *semver.Version; got {GoValues.TypeName(value)}");
}
