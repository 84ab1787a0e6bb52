// TEMPORARY STUB — the lead deletes this file at merge time.
// The real engines are written in parallel in src/Vixens.Lint/Kustomize/Patching/ (branch "patches"). This file only
// lets the renderer compile against the agreed signatures; every call reports "not supported".
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

public sealed class PatchOutcome
{
    public YamlNode? Result { get; init; }

    public string? Error { get; init; }
}

public static class StrategicMergePatch
{
    public static PatchOutcome Apply(YamlMapping target, YamlMapping patch, Provenance provenance) =>
        throw new NotSupportedException("Strategic merge patch engine not merged yet (PatchingStub).");
}

public static class JsonPatch
{
    public static PatchOutcome Apply(YamlNode target, YamlSequence operations, Provenance provenance) =>
        throw new NotSupportedException("JSON 6902 patch engine not merged yet (PatchingStub).");
}
