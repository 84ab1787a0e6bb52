using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// Applies an RFC 6902 JSON patch the way kustomize v5.7.1 does (through evanphx/json-patch v4), with the same error
/// texts. Operations run in order on <paramref name="target"/>; on error the target may be partly patched and must be
/// discarded, as kustomize aborts the build.
/// </summary>
public static class JsonPatch
{
    public static PatchOutcome Apply(YamlNode target, YamlSequence operations, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(provenance);

        try
        {
            return Run(target, operations, provenance);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidCastException or ArgumentException or NullReferenceException)
        {
            // A bug here must not take the whole lint run down: report it against the patch instead.
            return PatchOutcome.Failure($"internal error while applying the JSON patch: {ex.Message}");
        }
    }

    private static PatchOutcome Run(YamlNode target, YamlSequence operations, Provenance provenance)
    {
        var ops = PatchProvenance.CloneAndStamp(operations, provenance);
        var document = new JsonPatchDocument(target);
        foreach (var node in ops.Items)
        {
            if (node is not YamlMapping operation)
            {
                return PatchOutcome.Failure($"json: cannot unmarshal {JsonTypeName(node)} into Go value of type jsonpatch.Operation");
            }

            if (document.Apply(operation, provenance) is { } error)
            {
                return PatchOutcome.Failure(error);
            }
        }

        return PatchOutcome.Success(document.Root);
    }

    /// <summary>Parses a JSON 6902 patch written as JSON (<c>[...]</c>) or YAML; spans point into <paramref name="path"/>.</summary>
    public static JsonPatchParseResult Parse(string path, string text) => JsonPatchParser.Parse(path, text);

    internal static string JsonTypeName(YamlNode node) => node switch
    {
        YamlMapping => "object",
        YamlSequence => "array",
        YamlScalar { IsNull: true } => "null",
        YamlScalar { Kind: ScalarKind.Bool } => "bool",
        YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "number",
        _ => "string",
    };
}
