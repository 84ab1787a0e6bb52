namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// Raised deep inside a patch engine to abandon the whole patch; the public entry points turn it into a
/// <see cref="PatchOutcome"/> error, so it never escapes this folder.
/// </summary>
internal sealed class PatchException : Exception
{
    public PatchException(string message)
        : base(message)
    {
    }

    public PatchException()
    {
    }

    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
