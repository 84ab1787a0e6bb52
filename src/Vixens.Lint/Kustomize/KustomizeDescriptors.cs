using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize;

/// <summary>
/// VX01xx: why a kustomization cannot be built offline. Each one is an error <c>kustomize build</c> itself reports (or
/// would need the network or an external program for), placed on the line of the kustomization entry to fix.
/// </summary>
public static class KustomizeDescriptors
{
    private const string Category = "build";

    private static DiagnosticDescriptor Make(string id, string name, string title, string format, string description) =>
        new(id, name, title, format, Category, Severity.Error, description, ["build", "kustomize"], precision: "very-high");

    public static readonly DiagnosticDescriptor NotAKustomization = Make(
        "VX0100", "NotAKustomizationDirectory", "Directory has no kustomization file",
        "'{0}' is not a kustomization directory: it has no kustomization.yaml, kustomization.yml or Kustomization",
        "kustomize can only build a directory that holds exactly one kustomization file. A base or component listed in a kustomization must be such a directory.");

    public static readonly DiagnosticDescriptor ResourceNotFound = Make(
        "VX0101", "KustomizeResourceNotFound", "Kustomization entry points to nothing",
        "'{0}' listed in {1} does not exist (neither a file nor a directory)",
        "Every path in resources, components, patches, generators and the like must exist relative to the kustomization file; kustomize stops at the first missing one.");

    public static readonly DiagnosticDescriptor FileOutsideRoot = Make(
        "VX0102", "KustomizeFileOutsideRoot", "File is outside the kustomization root",
        "'{0}' is not in or below '{1}': kustomize's default load restrictor refuses files outside the kustomization directory",
        "With the default LoadRestrictionsRootOnly, a kustomization may only read files inside its own directory tree (directories of other kustomizations are fine). Move the file, or make it a base or component.");

    public static readonly DiagnosticDescriptor Cycle = Make(
        "VX0103", "KustomizationCycle", "Kustomizations include each other",
        "Cycle: '{0}' is already being built ({1})",
        "A kustomization (or a component) includes, directly or through others, a directory that is being built. kustomize rejects such cycles.");

    public static readonly DiagnosticDescriptor IdConflict = Make(
        "VX0104", "KustomizeResourceIdConflict", "Two resources have the same identity",
        "{0} is added twice: may not add resource with an already registered id",
        "Two resources with the same group, kind, namespace and name end up in the same build, for example a base included twice, or two files defining the same object.");

    public static readonly DiagnosticDescriptor PatchTargetNotFound = Make(
        "VX0105", "KustomizePatchTargetNotFound", "Patch matches no resource",
        "{0}",
        "A strategic-merge patch must match exactly one resource by kind and name, and a JSON 6902 patch needs its target; kustomize fails when none matches.");

    public static readonly DiagnosticDescriptor Unsupported = Make(
        "VX0106", "KustomizeUnsupportedOffline", "Kustomization needs the network or an external program",
        "'{0}' cannot be rendered offline: {1}",
        "helmCharts, remote resources (git, http) and exec or container (KRM) plugins need a network or an external program. Vixens.Lint does not guess their output; objects they would produce are not analysed.");

    public static readonly DiagnosticDescriptor InvalidKustomization = Make(
        "VX0107", "InvalidKustomization", "Kustomization file is invalid",
        "{0}",
        "The kustomization file cannot be interpreted: unknown field, wrong type, empty file or invalid YAML. kustomize rejects it the same way.");

    public static readonly DiagnosticDescriptor ComponentKind = Make(
        "VX0108", "KustomizeComponentKindMismatch", "Component and Kustomization mixed up",
        "{0}",
        "A directory listed under components must hold a kind: Component, and a directory listed under resources must not.");

    public static readonly DiagnosticDescriptor GeneratorError = Make(
        "VX0109", "KustomizeGeneratorError", "ConfigMap or Secret generator fails",
        "{0}",
        "A configMapGenerator or secretGenerator entry cannot produce its object: unreadable source, invalid key, repeated key, or a merge/replace with nothing to merge into.");

    public static readonly DiagnosticDescriptor PatchFailed = Make(
        "VX0110", "KustomizePatchFailed", "Patch cannot be applied",
        "{0}",
        "The patch is malformed or does not apply to its target (for example a JSON 6902 operation on a path that does not exist).");

    public static readonly DiagnosticDescriptor ReplacementError = Make(
        "VX0111", "KustomizeReplacementError", "Replacement or var cannot be resolved",
        "{0}",
        "A replacements or vars entry points at a source or target field that does not exist, or matches more than one object where one is required.");

    public static readonly DiagnosticDescriptor InvalidResource = Make(
        "VX0112", "KustomizeInvalidResource", "Resource file cannot be used",
        "{0}",
        "A file listed in resources is not a valid Kubernetes object list: invalid YAML, or a document without apiVersion, kind or metadata.name.");

    public static readonly DiagnosticDescriptor TransformerError = Make(
        "VX0113", "KustomizeTransformerError", "Transformer cannot be applied",
        "{0}",
        "A kustomization transformer (namespace, labels, images, replicas, name prefix, built-in plugin configuration) fails on the resources, as kustomize itself would.");

    public static readonly DiagnosticDescriptor ExpansionLimit = Make(
        "VX0115", "KustomizeExpansionLimit", "Components applied too many times",
        "The build applies more than {0:N0} components (limit reached including '{1}'): components that include the same component several times grow the work exponentially",
        "Each inclusion of a component applies it again, nested inclusions included: a component listed twice at each of 30 levels would be applied 2^30 times. Vixens.Lint stops the render at a fixed number of component applications per top-level build (5,000) so that a check ends in bounded time and memory.");

    public static readonly DiagnosticDescriptor CustomOpenApiIgnored = new(
        "VX0114", "KustomizeCustomOpenApiIgnored", "Custom OpenAPI schema not used for patch merge keys",
        "openapi.path '{0}' is not used: the patch metadata builder is unavailable, so strategic-merge patches use the built-in Kubernetes merge keys and lists in custom resources may merge differently from kustomize",
        Category, Severity.Warning,
        "A kustomization can give kustomize an OpenAPI schema so that strategic-merge patches merge lists of custom resources by key. When the schema cannot be used, the offline renderer applies patches with the built-in Kubernetes patch metadata; the render can then differ for such lists.",
        ["build", "kustomize"], precision: "high");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        NotAKustomization, ResourceNotFound, FileOutsideRoot, Cycle, IdConflict, PatchTargetNotFound, Unsupported,
        InvalidKustomization, ComponentKind, GeneratorError, PatchFailed, ReplacementError, InvalidResource, TransformerError,
        ExpansionLimit, CustomOpenApiIgnored,
    ];
}
