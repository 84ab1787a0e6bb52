namespace Vixens.Lint.Rules.Maturity;

/// <summary>Splits a container image reference into repository, tag and digest the way container runtimes read it.</summary>
public sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            image = image[..at];
        }

        // A colon after the last slash separates the tag; one before it belongs to a registry port (registry:5000/app).
        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (colon > lastSlash)
        {
            return new ImageReference(image[..colon], image[(colon + 1)..], digest);
        }

        return new ImageReference(image, null, digest);
    }

    public bool IsDigestPinned => Digest is { Length: > 0 };
}
