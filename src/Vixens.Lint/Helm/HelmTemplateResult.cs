namespace Vixens.Lint.Helm;

/// <summary>What <c>helm template</c> printed: its stdout on success, or the error that stopped it.</summary>
/// <param name="Output">stdout (the manifests), empty on error.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Warnings">Lines Helm writes to stderr on success (coalesce warnings, skipped hooks).</param>
public sealed record HelmTemplateResult(string Output, HelmException? Error, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Error is null;

    /// <summary>Helm's stderr text for the error (<c>Error: …</c>, plus the <c>--debug</c> hint when Helm adds it).</summary>
    public string? ErrorText => Error is null
        ? null
        : "Error: " + Error.Message + "\n" + (Error.DuringRender ? "\nUse --debug flag to render out invalid YAML\n" : string.Empty);
}
