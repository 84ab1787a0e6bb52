using Vixens.Lint.Configuration;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Helm;
using Vixens.Lint.Kustomize;
using Vixens.Lint.Schemas;

namespace Vixens.Lint.Rules;

/// <summary>
/// The one place that lists the descriptors reported by pipeline stages rather than by rules (input, kustomize build,
/// schema, ArgoCD walk, configuration), so the catalog, <c>vixens-lint rules</c>, <c>explain</c> and SARIF's rule metadata
/// cover every ID that can appear. A stage that reports a new ID adds its list here.
/// </summary>
public static class PipelineDescriptors
{
    /// <summary>Every pipeline descriptor, in stage order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [.. InputDescriptors.All, .. KustomizeDescriptors.All, .. HelmDescriptors.All, .. SchemaDescriptors.All, .. GitOpsDescriptors.All, .. ConfigurationDescriptors.All];
}
