using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>A parsed JSON 6902 patch: the operations, or why the text is not one.</summary>
public sealed record JsonPatchParseResult(YamlSequence? Operations, string? Error);

/// <summary>
/// Reads a JSON 6902 patch from text. kustomize accepts JSON (text starting with <c>[</c>) or YAML; JSON is valid YAML, so
/// one YAML parse serves both and keeps line/column spans for provenance.
/// </summary>
internal static class JsonPatchParser
{
    public static JsonPatchParseResult Parse(string path, string text)
    {
        var file = YamlLoader.Parse(path, text);
        if (file.HasErrors)
        {
            var first = file.Diagnostics.First(d => d.Severity == Vixens.Lint.Diagnostics.Severity.Error);
            return new JsonPatchParseResult(null, first.Message);
        }

        var root = file.Documents.FirstOrDefault(d => d.Root is not null)?.Root;
        return root switch
        {
            YamlSequence operations => new JsonPatchParseResult(operations, null),
            null => new JsonPatchParseResult(new YamlSequence(SourceSpan.StartOf(path)), null),
            _ => new JsonPatchParseResult(null, $"json: cannot unmarshal {JsonPatch.JsonTypeName(root)} into Go value of type jsonpatch.Patch"),
        };
    }
}
