using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Helm;

/// <summary>
/// VX02xx: why <c>helm template</c> fails on a chart, offline. Each carries Helm's own message and sits on the file
/// (and, for templates, the line) to fix.
/// </summary>
public static class HelmDescriptors
{
    private const string Category = "build";

    private static DiagnosticDescriptor Make(string id, string name, string title, string description) =>
        new(id, name, title, "{0}", Category, Severity.Error, description, ["build", "helm"], precision: "very-high");

    public static readonly DiagnosticDescriptor ChartInvalid = Make(
        "VX0200", "HelmChartInvalid", "Helm chart cannot be loaded",
        "The chart is not one Helm can load: Chart.yaml missing or invalid (name, version, type), an archive that is not a gzipped tar or that escapes its folder, a dependency listed in Chart.yaml but absent from charts/, or a chart past the size limits.");

    public static readonly DiagnosticDescriptor ValuesInvalid = Make(
        "VX0201", "HelmValuesInvalid", "Helm values cannot be read",
        "A values file is not valid YAML (or not a map), or a --set, --set-string, --set-json or --set-file argument does not parse.");

    public static readonly DiagnosticDescriptor SchemaViolation = Make(
        "VX0202", "HelmValuesSchemaViolation", "Values do not satisfy values.schema.json",
        "The coalesced values of a chart (or of one of its subcharts) fail the chart's values.schema.json; Helm refuses to render.");

    public static readonly DiagnosticDescriptor KubeVersionIncompatible = Make(
        "VX0203", "HelmKubeVersionIncompatible", "Chart does not support the Kubernetes version",
        "Chart.yaml's kubeVersion constraint does not match the Kubernetes version the chart is rendered for (--kube-version, or the configured version).");

    public static readonly DiagnosticDescriptor TemplateError = Make(
        "VX0204", "HelmTemplateError", "Helm template fails",
        "A template does not parse, or fails while it runs: a missing value dereferenced, a wrong type given to a function, a `required` value left empty, `fail` called, an include that never ends.");

    public static readonly DiagnosticDescriptor ManifestInvalid = Make(
        "VX0205", "HelmManifestInvalid", "Helm template renders invalid YAML",
        "A rendered document is not valid YAML, or its head (apiVersion, kind, metadata) has the wrong shape; Helm refuses the release.");

    public static readonly DiagnosticDescriptor ReleaseInvalid = Make(
        "VX0206", "HelmReleaseInvalid", "Helm release settings are invalid",
        "The release cannot be rendered as configured: an invalid release name (lowercase DNS-1123, at most 53 characters), an invalid --kube-version, or a library chart rendered on its own.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [ChartInvalid, ValuesInvalid, SchemaViolation, KubeVersionIncompatible, TemplateError, ManifestInvalid, ReleaseInvalid];

    /// <summary>The descriptor for an error of the given stage.</summary>
    public static DiagnosticDescriptor For(HelmErrorKind kind) => kind switch
    {
        HelmErrorKind.Values => ValuesInvalid,
        HelmErrorKind.Schema => SchemaViolation,
        HelmErrorKind.KubeVersion => KubeVersionIncompatible,
        HelmErrorKind.Template => TemplateError,
        HelmErrorKind.Manifest => ManifestInvalid,
        HelmErrorKind.Usage => ReleaseInvalid,
        _ => ChartInvalid,
    };
}
