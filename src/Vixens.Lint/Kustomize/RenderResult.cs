using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Kustomize;

/// <summary>The objects a kustomization renders to, in kustomize's output order, and what went wrong.</summary>
public sealed class RenderResult
{
    public RenderResult(IReadOnlyList<KubeResource> resources, IReadOnlyList<Diagnostic> diagnostics)
    {
        Resources = resources;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<KubeResource> Resources { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when kustomize would have succeeded: no error diagnostic.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
}
