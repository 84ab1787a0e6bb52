using System.Text;
using Vixens.Lint.Kustomize;
using Vixens.Lint.Kustomize.Patching;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Fuzz;

/// <summary>
/// A resource, a line <c># patch</c>, then a patch: a mapping is applied as a strategic-merge patch, a sequence as a
/// JSON 6902 patch. Invariants: nothing throws; a failure is one of kustomize's errors, never the engines' own
/// "internal error" fallback (which exists so that a bug cannot stop a lint run, and so hides bugs from the fuzzer);
/// a patched resource prints.
/// </summary>
internal sealed class PatchTarget : IFuzzTarget
{
    private const string Separator = "\n# patch\n";
    private const string ResourcePath = "/fuzz/resource.yaml";
    private const string PatchPath = "/fuzz/patch.yaml";

    public string Name => "patch";

    public void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var split = text.IndexOf(Separator, StringComparison.Ordinal);
        if (split < 0)
        {
            return;
        }

        var resource = YamlLoader.Parse(ResourcePath, text[..split]);
        var patchText = text[(split + Separator.Length)..];
        if (resource.HasErrors || FirstRoot(resource) is not YamlMapping target)
        {
            return;
        }

        var provenance = new Provenance(ProvenanceKind.Patch, SourceSpan.StartOf(PatchPath), "patches[0]");
        var patch = YamlLoader.Parse(PatchPath, patchText);
        var outcome = patch.HasErrors ? null : FirstRoot(patch) switch
        {
            YamlMapping smp => StrategicMergePatch.Apply(target, smp, provenance),
            YamlSequence => ApplyJson6902(target, patchText, provenance),
            _ => null,
        };
        if (outcome is null)
        {
            return;
        }

        if (outcome.Error is { } error && error.StartsWith("internal error", StringComparison.Ordinal))
        {
            throw new InvariantViolationException(error);
        }

        if (outcome.Result is YamlMapping patched)
        {
            _ = KustomizeYamlWriter.Write([new KubeResource(patched)]);
        }
    }

    private static YamlNode? FirstRoot(YamlFile file) => file.Documents.Count > 0 ? file.Documents[0].Root : null;

    private static PatchOutcome? ApplyJson6902(YamlMapping target, string patchText, Provenance provenance)
    {
        var parsed = JsonPatch.Parse(PatchPath, patchText);
        return parsed.Operations is { } operations ? JsonPatch.Apply(target, operations, provenance) : null;
    }
}
