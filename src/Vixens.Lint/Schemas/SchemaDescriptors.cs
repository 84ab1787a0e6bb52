using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Schemas;

/// <summary>
/// VX10xx: a resource does not match the schema the API server would judge it with (Kubernetes 1.34, the CRD catalog,
/// CRDs defined in the repository, or user schema folders), or its apiVersion/kind/metadata cannot be accepted.
/// </summary>
public static class SchemaDescriptors
{
    private const string Category = "schema";

    public static readonly DiagnosticDescriptor UnknownField = new(
        "VX1001", "UnknownField", "Unknown field",
        "{0}", Category, Severity.Error,
        "The field is not part of the resource's schema. kubectl --validate=strict rejects it; a plain apply or ArgoCD drops it silently (custom resources prune it), so the setting never takes effect. Usually a typo or a field at the wrong indentation.",
        ["schema", "strict"], precision: "very-high");

    public static readonly DiagnosticDescriptor MissingRequiredField = new(
        "VX1002", "MissingRequiredField", "Required field missing",
        "{0}", Category, Severity.Error,
        "The schema requires this field; the API server rejects the object without it, so ArgoCD fails to sync it.",
        ["schema"], precision: "very-high");

    public static readonly DiagnosticDescriptor WrongType = new(
        "VX1003", "WrongFieldType", "Field has the wrong type",
        "{0}", Category, Severity.Error,
        "The value has the wrong JSON type, for example a number where the API expects a string (quote it: \"8080\") or a string where it expects a number. The API server refuses to decode the object.",
        ["schema"], precision: "very-high");

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "VX1004", "InvalidFieldValue", "Field value not allowed",
        "{0}", Category, Severity.Error,
        "The value is outside what the schema allows: not one of the allowed values, not matching the required pattern, or out of bounds.",
        ["schema"], precision: "very-high");

    public static readonly DiagnosticDescriptor SchemaViolation = new(
        "VX1005", "SchemaViolation", "Resource does not match its schema",
        "{0}", Category, Severity.Error,
        "The resource breaks a constraint of its schema other than an unknown field, a missing field, a type or a value (for example a combination of fields that must or must not appear together).",
        ["schema"], precision: "high");

    public static readonly DiagnosticDescriptor UnknownKind = new(
        "VX1010", "NoSchemaForKind", "No schema for this apiVersion/kind",
        "No schema for {0} {1}{3}: no bundled Kubernetes {2} kind, CRD in this repository, catalog CRD or user schema defines it. Is its CRD missing? ArgoCD shows such a resource as Unknown and cannot sync it until the CRD is installed",
        Category, Severity.Warning,
        "Schema validation needs a schema for every kind. A kind that nobody defines is usually a typo in apiVersion or kind, a CRD version that does not exist (any more), or a CRD that the cluster gets from elsewhere; add the CRD to the repository or a schema folder (kubeconform layout) to have it checked.",
        ["schema", "crd"], precision: "high");

    public static readonly DiagnosticDescriptor RemovedApiVersion = new(
        "VX1011", "RemovedApiVersion", "API version removed",
        "{0} {1} was removed in Kubernetes {2}; use {3}", Category, Severity.Error,
        "The API server of the configured Kubernetes version no longer serves this apiVersion, so the resource cannot be applied. Migrate it to the replacement API (see the Kubernetes deprecated API migration guide).",
        ["schema", "deprecation"], precision: "very-high");

    public static readonly DiagnosticDescriptor DeprecatedApiVersion = new(
        "VX1012", "DeprecatedApiVersion", "API version deprecated",
        "{0} {1} is deprecated since Kubernetes {2}{3}; use {4}", Category, Severity.Warning,
        "The apiVersion still works in the configured Kubernetes version but is deprecated and will be removed; migrating now avoids a broken sync after a cluster upgrade.",
        ["schema", "deprecation"], precision: "very-high");

    public static readonly DiagnosticDescriptor KindSkipped = new(
        "VX1013", "SchemaValidationSkipped", "Schema validation skipped for this kind",
        "Schema validation skipped for {0}: {1}", Category, Severity.Note,
        "The settings exclude this kind from schema validation (SkipKinds). The note keeps the exclusion visible.",
        ["schema"], precision: "very-high");

    public static readonly DiagnosticDescriptor DeprecatedCustomResourceVersion = new(
        "VX1014", "DeprecatedCustomResourceVersion", "Custom resource version deprecated by its CRD",
        "{0} {1} is deprecated by its CustomResourceDefinition{2}", Category, Severity.Warning,
        "The CRD still serves this version but marks it deprecated (the API server sends a warning on every apply); the operator will drop it in a future release. Move to a version that is not deprecated.",
        ["schema", "deprecation", "crd"], precision: "very-high");

    public static readonly DiagnosticDescriptor MissingIdentity = new(
        "VX1020", "MissingResourceIdentity", "Resource lacks apiVersion, kind or name",
        "The resource has no {0}: the API server cannot accept it", Category, Severity.Error,
        "Every object needs apiVersion, kind and metadata.name (or metadata.generateName, which GitOps tools cannot track).",
        ["schema"], precision: "very-high");

    public static readonly DiagnosticDescriptor InvalidName = new(
        "VX1021", "InvalidResourceName", "Invalid resource name",
        "{0}", Category, Severity.Error,
        "Object names are validated by the API server: most kinds need a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253 characters), some a DNS-1123 label (at most 63, no '.'), Services a DNS-1035 label (starting with a letter).",
        ["schema", "naming"], precision: "very-high");

    public static readonly DiagnosticDescriptor InvalidLabel = new(
        "VX1022", "InvalidLabel", "Invalid label key or value",
        "{0}", Category, Severity.Error,
        "Label keys are an optional DNS subdomain prefix and '/' plus a name of at most 63 characters ([A-Za-z0-9] at both ends, '-', '_' and '.' inside); values follow the name rule and may be empty. The API server rejects anything else.",
        ["schema", "naming"], precision: "very-high");

    public static readonly DiagnosticDescriptor InvalidAnnotationKey = new(
        "VX1023", "InvalidAnnotationKey", "Invalid annotation key",
        "{0}", Category, Severity.Error,
        "Annotation keys follow the same rule as label keys (optional DNS subdomain prefix, '/', a name of at most 63 characters); the API server rejects the object otherwise.",
        ["schema", "naming"], precision: "very-high");

    public static readonly DiagnosticDescriptor UnsupportedKubernetesVersion = new(
        "VX1090", "UnsupportedKubernetesVersion", "Kubernetes version not bundled",
        "Kubernetes version \"{0}\" has no bundled schemas (bundled: {1}); set the Kubernetes version to one of them", Category, Severity.Error,
        "Schema validation needs the OpenAPI of the configured Kubernetes version; only the bundled versions can be checked offline. This is a configuration error: nothing is schema-validated until it is fixed.",
        ["schema", "configuration"], precision: "very-high");

    public static readonly DiagnosticDescriptor UnusableSchema = new(
        "VX1091", "UnusableSchema", "Schema cannot be used",
        "The schema for {0} from {1} cannot be used: {2}", Category, Severity.Warning,
        "A CRD in the repository or a file in a schema folder could not be turned into a schema (invalid JSON, an unresolvable $ref, an invalid pattern). Resources of that kind are not validated.",
        ["schema", "configuration"], precision: "very-high");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnknownField, MissingRequiredField, WrongType, InvalidValue, SchemaViolation, UnknownKind, RemovedApiVersion,
        DeprecatedApiVersion, KindSkipped, DeprecatedCustomResourceVersion, MissingIdentity, InvalidName, InvalidLabel, InvalidAnnotationKey,
        UnsupportedKubernetesVersion, UnusableSchema,
    ];
}
