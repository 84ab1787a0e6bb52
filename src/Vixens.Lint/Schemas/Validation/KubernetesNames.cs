using System.Text.RegularExpressions;

namespace Vixens.Lint.Schemas.Validation;

/// <summary>The name rules of Kubernetes' apimachinery validation (DNS-1123, DNS-1035, qualified names, label values).</summary>
public static partial class KubernetesNames
{
    public const int SubdomainMaxLength = 253;
    public const int LabelMaxLength = 63;

    public static bool IsDns1123Subdomain(string value) => value.Length is > 0 and <= SubdomainMaxLength && Dns1123Subdomain().IsMatch(value);

    public static bool IsDns1123Label(string value) => value.Length is > 0 and <= LabelMaxLength && Dns1123Label().IsMatch(value);

    public static bool IsDns1035Label(string value) => value.Length is > 0 and <= LabelMaxLength && Dns1035Label().IsMatch(value);

    /// <summary>RBAC names only need to be usable as a URL path segment: not "." or "..", no '/' or '%'.</summary>
    public static bool IsPathSegmentName(string value) => value.Length > 0 && value is not "." and not ".." && value.IndexOfAny(['/', '%']) < 0;

    /// <summary>Why a label or annotation key is invalid, or null when it is valid.</summary>
    public static string? CheckQualifiedName(string key)
    {
        var parts = key.Split('/');
        string name;
        if (parts.Length == 1)
        {
            name = parts[0];
        }
        else if (parts.Length == 2)
        {
            if (parts[0].Length == 0)
            {
                return "the prefix before '/' must not be empty";
            }

            if (!IsDns1123Subdomain(parts[0]))
            {
                return "the prefix \"" + parts[0] + "\" must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253 characters)";
            }

            name = parts[1];
        }
        else
        {
            return "a key has at most one '/'";
        }

        if (name.Length == 0)
        {
            return "the name part must not be empty";
        }

        if (name.Length > LabelMaxLength)
        {
            return $"the name part must be at most 63 characters (it has {name.Length})";
        }

        return QualifiedNamePart().IsMatch(name) ? null : "the name part may contain only letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    }

    /// <summary>Why a label value is invalid, or null when it is valid (empty is valid).</summary>
    public static string? CheckLabelValue(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > LabelMaxLength)
        {
            return $"a label value must be at most 63 characters (it has {value.Length})";
        }

        return QualifiedNamePart().IsMatch(value) ? null : "a label value may contain only letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePart();
}
