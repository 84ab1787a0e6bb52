using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// What a patch produced. <see cref="Result"/> is null when the patch deleted the resource (<c>$patch: delete</c> at the top
/// level) or failed; <see cref="Error"/> is set (and the target must be considered untouched-or-garbage) when it failed.
/// </summary>
public sealed record PatchOutcome(YamlNode? Result, string? Error)
{
    public bool Succeeded => Error is null;

    public static PatchOutcome Success(YamlNode? result) => new(result, null);

    public static PatchOutcome Failure(string error) => new(null, error);
}
