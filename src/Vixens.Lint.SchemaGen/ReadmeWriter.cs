using System.Globalization;
using System.Text;

namespace Vixens.Lint.SchemaGen;

/// <summary>Writes <c>schemas/README.md</c>: what the bundles hold, where the inputs come from, and how to regenerate.</summary>
internal static class ReadmeWriter
{
    public static void Write(
        string path, string kubernetesVersion, int kindCount, int definitionCount, long kubernetesSize,
        IReadOnlyList<BundleEntry> crdEntries, long catalogSize, IReadOnlyList<(string File, string Sha256)> inputs)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine("# Schemas (generated, do not edit)");
        text.AppendLine();
        text.AppendLine("The bundles under `bundle/` are embedded in `Vixens.Lint.dll` and read lazily, one kind at a time.");
        text.AppendLine("Format: one gzip stream of JSON lines; line 0 is a header with an index (kind → line, definition → line),");
        text.AppendLine("every other line one compact JSON Schema 2020-12 (a kind's root, or a definition shared through `#/$defs/NAME`).");
        text.AppendLine();
        text.AppendLine("| bundle | content | size |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(inv, $"| `bundle/kubernetes-{kubernetesVersion}.json.gz` | Kubernetes v{kubernetesVersion}: {kindCount} kinds, {definitionCount} definitions | {kubernetesSize:N0} bytes |");
        text.AppendLine(inv, $"| `bundle/crd-catalog.json.gz` | {crdEntries.Count} custom resource kinds/versions | {catalogSize:N0} bytes |");
        text.AppendLine();
        text.AppendLine("## Strictness (as the API server judges a manifest)");
        text.AppendLine();
        text.AppendLine("- Unknown fields are errors (`additionalProperties: false` on every object with declared properties), like `kubectl --validate=strict` and kubeconform `-strict`; for CRDs, undeclared fields are what the server prunes silently.");
        text.AppendLine("- `IntOrString` accepts an integer or a string; `Quantity` a string or a number; `x-kubernetes-int-or-string` likewise.");
        text.AppendLine("- An explicit `null` is accepted everywhere (the server treats it as unset, or prunes it for CRDs).");
        text.AppendLine("- `x-kubernetes-preserve-unknown-fields` keeps an object open; `x-kubernetes-embedded-resource` adds apiVersion/kind/metadata.");
        text.AppendLine("- The OpenAPI has no `enum`s for built-in types; a small table of closed value sets the API server enforces is added (`src/Vixens.Lint.SchemaGen/KnownEnums.cs`).");
        text.AppendLine("- `apiVersion` and `kind` are constrained to the kind's own values; CRD `metadata` is the Kubernetes ObjectMeta.");
        text.AppendLine("- Not checked: `format`, CEL `x-kubernetes-validations`, defaults.");
        text.AppendLine();
        text.AppendLine("Deprecated and removed built-in API versions (e.g. `extensions/v1beta1 Ingress`, removed in 1.22) are a table in code,");
        text.AppendLine("`src/Vixens.Lint/Schemas/ApiDeprecations.cs`, from the Kubernetes deprecated API migration guide; CRD versions marked");
        text.AppendLine("`deprecated: true` are flagged from the catalog index and from the CRDs themselves.");
        text.AppendLine();
        text.AppendLine("## Regenerate");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine("dotnet run --project src/Vixens.Lint.SchemaGen -- --data ../shared/data --out schemas");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## Provenance of the inputs (from `shared/data/PROVENANCE.md`)");
        text.AppendLine();
        text.AppendLine("- `k8s-openapi/v1.34/swagger.json`: Kubernetes v1.34 OpenAPI v2, from kubernetes-client/python branch `release-34.0` (head df31d90d6c910d6b5c883b98011c93421cac067d), path `kubernetes/swagger.json.unprocessed` (last changed in 4f585b3b8eb46c8afada5fa74200d9c859e2e92e, 2025-09-15, `KUBERNETES_BRANCH = \"release-1.34\"`); the content of upstream `api/openapi-spec/swagger.json` at release-1.34 (about v1.34.1). Apache-2.0.");
        text.AppendLine("- `crds/crd-yaml/**`: upstream CustomResourceDefinition YAML from each project's newest release tag, unmodified (the VictoriaMetrics files are verbatim documents of upstream `crd.descriptionless.yaml`). Apache-2.0, Infisical MIT.");
        text.AppendLine("- `crds/jsonschema/cilium.io/**`: datreeio/CRDs-catalog conversions (snapshot 7b1e26ef9deea49293714d204c1a2270aab1178f), used only for Cilium, whose CRD YAML could not be snapshotted. MIT.");
        text.AppendLine();
        text.AppendLine("| group/version | kind | source |");
        text.AppendLine("|---|---|---|");
        foreach (var entry in crdEntries.OrderBy(e => e.ApiVersion, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal))
        {
            text.AppendLine(inv, $"| {entry.ApiVersion} | {entry.Kind} | {entry.Source} |");
        }

        text.AppendLine();
        text.AppendLine("## SHA-256 of the inputs (paths relative to `shared/data`)");
        text.AppendLine();
        text.AppendLine("```");
        foreach (var (file, sha) in inputs.OrderBy(i => i.File, StringComparer.Ordinal))
        {
            text.AppendLine(inv, $"{sha}  {file}");
        }

        text.AppendLine("```");
        File.WriteAllText(path, text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
