using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.GitOps;

/// <summary>The result of building one kustomization directory.</summary>
public sealed record RenderedOverlay(IReadOnlyList<KubeResource> Resources, IReadOnlyList<Diagnostic> Diagnostics, bool Succeeded);

/// <summary>Builds kustomization directories; the workspace only needs this much of the renderer.</summary>
public interface IOverlayRenderer
{
    /// <summary>Renders <paramref name="directory"/> (full path). Each call returns fresh trees the caller may change.</summary>
    RenderedOverlay Render(string directory);
}
