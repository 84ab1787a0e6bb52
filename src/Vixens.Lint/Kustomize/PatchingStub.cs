// TEMPORARY STUB — the lead deletes this file at merge time.
// The real engines are written in parallel in src/Vixens.Lint/Kustomize/Patching/ (branch "patches"). This file only
// lets the renderer compile against the signatures the patch engines expose; every call reports "not supported".
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

public sealed class PatchOutcome
{
    public YamlNode? Result { get; init; }

    public string? Error { get; init; }
}

/// <summary>Strategic-merge patch metadata (merge keys, strategies); the real one is built from an OpenAPI v2 document.</summary>
public sealed class PatchMetadata
{
    public static PatchMetadata FromSwaggerJson(string json, string? source = null) =>
        throw new NotSupportedException("Patch metadata not merged yet (PatchingStub).");
}

public static class StrategicMergePatch
{
    public static PatchOutcome Apply(YamlMapping target, YamlMapping patch, Provenance provenance) =>
        throw new NotSupportedException("Strategic merge patch engine not merged yet (PatchingStub).");

    public static PatchOutcome Apply(YamlMapping target, YamlMapping patch, Provenance provenance, PatchMetadata metadata) =>
        throw new NotSupportedException("Strategic merge patch engine not merged yet (PatchingStub).");
}

public static class JsonPatch
{
    public static PatchOutcome Apply(YamlNode target, YamlSequence operations, Provenance provenance) =>
        throw new NotSupportedException("JSON 6902 patch engine not merged yet (PatchingStub).");
}
