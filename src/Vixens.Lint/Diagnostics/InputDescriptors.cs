namespace Vixens.Lint.Diagnostics;

/// <summary>
/// VX00xx: problems reading input files (YAML syntax, encoding, limits). The Kustomize renderer owns VX01xx,
/// workspace and ArgoCD loading VX02xx, configuration (settings, rule packs) VX09xx.
/// </summary>
public static class InputDescriptors
{
    private const string Category = "input";

    public static readonly DiagnosticDescriptor YamlSyntaxError = new(
        "VX0001", "YamlSyntaxError", "YAML syntax error",
        "YAML syntax error: {0}", Category, Severity.Error,
        "The file is not valid YAML, so kustomize, kubectl and ArgoCD would all reject it. Nothing after the error in this file is analysed.",
        ["input", "yaml"], precision: "very-high");

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "VX0002", "DuplicateMappingKey", "Duplicate mapping key",
        "Duplicate key \"{0}\": it was already defined at line {1}; kustomize and kubectl --validate=strict reject the file", Category, Severity.Error,
        "A mapping defines the same key twice. Parsers disagree on which value wins (last wins in some, an error in kustomize and strict kubectl), so the manifest does not mean what it seems to.",
        ["input", "yaml"], precision: "very-high");

    public static readonly DiagnosticDescriptor TabIndentation = new(
        "VX0003", "TabIndentation", "Tab used for indentation",
        "A tab character is used for indentation; YAML allows only spaces there", Category, Severity.Error,
        "YAML forbids tabs in indentation. Editors often show them like spaces, which makes the error hard to see.",
        ["input", "yaml"], precision: "very-high");

    public static readonly DiagnosticDescriptor AliasExpansionLimit = new(
        "VX0004", "AliasExpansionLimit", "YAML alias expansion limit exceeded",
        "Expanding YAML aliases would create more than {0} nodes (a \"billion laughs\" alias bomb?); the file is not analysed", Category, Severity.Error,
        "Anchors and aliases let a tiny file expand to billions of nodes. Vixens.Lint caps the expansion so that such a file fails fast instead of exhausting memory.",
        ["input", "yaml", "security"], precision: "very-high");

    public static readonly DiagnosticDescriptor InvalidEncoding = new(
        "VX0005", "InvalidEncoding", "File is not valid UTF-8 text",
        "{0}; the file is not analysed", Category, Severity.Error,
        "Kubernetes manifests must be UTF-8 (or UTF-16 with a byte-order mark). Invalid byte sequences and NUL bytes usually mean a binary file or a bad copy.",
        ["input", "encoding"], precision: "very-high");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "VX0006", "NestingTooDeep", "YAML nesting too deep",
        "YAML nesting is deeper than {0} levels; the file is not analysed", Category, Severity.Error,
        "No real manifest nests this deep; the limit protects every later stage (rendering, schema validation) from pathological input.",
        ["input", "yaml"], precision: "very-high");

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "VX0007", "FileTooLarge", "File too large",
        "The file is {0:N0} bytes, over the {1:N0}-byte limit; it is not analysed", Category, Severity.Error,
        "Very large files are almost never hand-written manifests (generated bundles, data dumps). The limit keeps analysis time and memory bounded; raise it in settings if you really need to.",
        ["input"], precision: "very-high");

    public static readonly DiagnosticDescriptor UnsupportedYaml = new(
        "VX0008", "UnsupportedYamlConstruct", "YAML construct not usable in a manifest",
        "{0}", Category, Severity.Error,
        "Some valid YAML cannot be a Kubernetes manifest, for example a mapping key that is itself a mapping or a sequence.",
        ["input", "yaml"], precision: "very-high");

    public static readonly DiagnosticDescriptor NotKubernetesYaml = new(
        "VX0009", "NotKubernetesYaml", "YAML file skipped: not a Kubernetes manifest",
        "Skipped: {0}", Category, Severity.Note,
        "Files under the checked path that are YAML but not Kubernetes manifests (Helm values, CI configuration, documents without apiVersion/kind) are skipped, and this note says so, so that nothing is left out silently.",
        ["input"], precision: "very-high");

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "VX0010", "FileUnreadable", "File cannot be read",
        "The file cannot be read: {0}", Category, Severity.Error,
        "The file exists but could not be opened or read (permissions, a broken symlink, a device file).",
        ["input"], precision: "very-high");

    public static readonly DiagnosticDescriptor MissingKindOrApiVersion = new(
        "VX0011", "MissingApiVersionOrKind", "Document is missing apiVersion or kind",
        "This document has {0} but no {1}: kubectl and ArgoCD cannot tell what it is", Category, Severity.Error,
        "Every Kubernetes object needs both apiVersion and kind. A document in a manifest directory with one but not the other is almost always a typo or a truncated edit.",
        ["input"], precision: "very-high");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        YamlSyntaxError, DuplicateKey, TabIndentation, AliasExpansionLimit, InvalidEncoding, NestingTooDeep, FileTooLarge,
        UnsupportedYaml, NotKubernetesYaml, FileUnreadable, MissingKindOrApiVersion,
    ];
}
