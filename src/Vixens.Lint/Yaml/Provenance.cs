using Vixens.Lint.Diagnostics;
namespace Vixens.Lint.Yaml;

/// <summary>Why a rendered node has the value it has: where a human should edit to change it.</summary>
public enum ProvenanceKind
{
    /// <summary>Written as-is in a resource file.</summary>
    Source,
    /// <summary>Set or merged by a patch (strategic merge or JSON 6902); the span points into the patch.</summary>
    Patch,
    /// <summary>Set by a kustomization field such as <c>namePrefix</c>, <c>labels</c> or <c>images</c>; the span points at that entry.</summary>
    Transformer,
    /// <summary>Produced by a generator such as <c>configMapGenerator</c>; the span points at the generator entry.</summary>
    Generator,
}

/// <summary>
/// The origin of a node that was not simply read from its resource file. <see cref="Field"/> names the kustomization
/// field responsible (e.g. <c>namePrefix</c>, <c>patches[2]</c>); <see cref="Span"/> is where to edit.
/// </summary>
public sealed record Provenance(ProvenanceKind Kind, SourceSpan Span, string? Field = null);
