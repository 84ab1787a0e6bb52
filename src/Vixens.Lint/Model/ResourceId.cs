namespace Vixens.Lint.Model;

/// <summary>The identity kubectl and ArgoCD use: group, kind, namespace, name (version is not part of identity).</summary>
public sealed record ResourceId(string Group, string Version, string Kind, string? Namespace, string Name)
{
    public static (string Group, string Version) SplitApiVersion(string? apiVersion)
    {
        if (string.IsNullOrEmpty(apiVersion))
        {
            return (string.Empty, string.Empty);
        }

        var slash = apiVersion.LastIndexOf('/');
        return slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    /// <summary><c>Kind/namespace/name</c> or <c>Kind/name</c>, as humans read it in messages.</summary>
    public string Display => string.IsNullOrEmpty(Namespace) ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    public override string ToString() => Display;
}
