using System.Globalization;
using System.Text;

namespace Vixens.Lint.SchemaGen;

/// <summary>What <see cref="ReadmeWriter"/> reports: the bundles, their contents and every input.</summary>
internal sealed record ReadmeFacts(
    string KubernetesVersion, int KindCount, int DefinitionCount, long KubernetesSize,
    IReadOnlyList<BundleEntry> CrdEntries, int CatalogDefinitionCount, long CatalogSize,
    IReadOnlyList<(string File, string Sha256)> Inputs, string DatreeCommit, int DatreeFileCount, string DatreeDigest);

/// <summary>Writes <c>schemas/README.md</c>: what the bundles hold, where the inputs come from, and how to regenerate.</summary>
internal static class ReadmeWriter
{
    public static void Write(string path, ReadmeFacts facts)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var groups = facts.CrdEntries.Select(e => ResourceGroup(e.ApiVersion)).Distinct(StringComparer.Ordinal).Count();
        text.AppendLine("# Schemas (generated, do not edit)");
        text.AppendLine();
        text.AppendLine("The bundles under `bundle/` are embedded in `Vixens.Lint.dll` and read lazily, one kind at a time.");
        text.AppendLine("Format: one gzip stream of JSON lines; line 0 is a header with an index (kind → line, definition → line),");
        text.AppendLine("every other line one compact JSON Schema 2020-12 (a kind's root, or a definition shared through `#/$defs/NAME`).");
        text.AppendLine("In the CRD catalog, subschemas that several kinds repeat (pod templates, the same spec in two versions) are such");
        text.AppendLine("shared definitions, named `crd.<content hash>` (`src/Vixens.Lint.SchemaGen/SchemaDeduplicator.cs`).");
        text.AppendLine();
        text.AppendLine("| bundle | content | size |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(inv, $"| `bundle/kubernetes-{facts.KubernetesVersion}.json.gz` | Kubernetes v{facts.KubernetesVersion}: {facts.KindCount} kinds, {facts.DefinitionCount} definitions | {facts.KubernetesSize:N0} bytes |");
        text.AppendLine(inv, $"| `bundle/crd-catalog.json.gz` | **{facts.CrdEntries.Count} custom resource kinds/versions** in {groups} API groups, {facts.CatalogDefinitionCount} shared definitions | {facts.CatalogSize:N0} bytes |");
        text.AppendLine();
        text.AppendLine("## Strictness (as the API server judges a manifest)");
        text.AppendLine();
        text.AppendLine("- Unknown fields are errors (`additionalProperties: false` on every object with declared properties), like `kubectl --validate=strict` and kubeconform `-strict`; for CRDs, undeclared fields are what the server prunes silently.");
        text.AppendLine("- `IntOrString` accepts an integer or a string; `Quantity` a string or a number; `x-kubernetes-int-or-string` likewise.");
        text.AppendLine("- An explicit `null` is accepted everywhere (the server treats it as unset, or prunes it for CRDs).");
        text.AppendLine("- `x-kubernetes-preserve-unknown-fields` keeps an object open; `x-kubernetes-embedded-resource` adds apiVersion/kind/metadata.");
        text.AppendLine("- The OpenAPI has no `enum`s for built-in types; a small table of closed value sets the API server enforces is added (`src/Vixens.Lint.SchemaGen/KnownEnums.cs`).");
        text.AppendLine("- `apiVersion` and `kind` are constrained to the kind's own values; CRD `metadata` is the Kubernetes ObjectMeta.");
        text.AppendLine("- datree's JSON schemas are first turned back into the CRDs' structural schemas (`DatreeSchemaNormalizer`): datree closes every object that has `properties`, even under `x-kubernetes-preserve-unknown-fields` and inside `allOf`/`anyOf`/`oneOf` branches, and rewrites `x-kubernetes-int-or-string` as a `oneOf`; both are undone, then the same converter as for CRD YAML applies the rules above.");
        text.AppendLine("- Not checked: `format`, CEL `x-kubernetes-validations`, defaults.");
        text.AppendLine();
        text.AppendLine("Deprecated and removed built-in API versions (e.g. `extensions/v1beta1 Ingress`, removed in 1.22) are a table in code,");
        text.AppendLine("`src/Vixens.Lint/Schemas/ApiDeprecations.cs`, from the Kubernetes deprecated API migration guide; CRD versions marked");
        text.AppendLine("`deprecated: true` are flagged from the catalog index and from the CRDs themselves (datree's files do not say).");
        text.AppendLine();
        text.AppendLine("## Regenerate");
        text.AppendLine();
        text.AppendLine("The generator reads three inputs: `shared/data` (Kubernetes OpenAPI and the snapshotted CRD YAML), an extract of");
        text.AppendLine("datreeio/CRDs-catalog, and upstream CRD files. With the repositories cloned (or fetched) at the commits below:");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine(inv, $"git -C CRDs-catalog checkout {facts.DatreeCommit}   # then pass the clone itself as --datree");
        foreach (var file in CatalogSources.UpstreamFiles)
        {
            text.AppendLine(inv, $"mkdir -p /tmp/upstream/{Path.GetDirectoryName(file.LocalPath)!.Replace('\\', '/')} && git -C {file.Repository.Split('/')[1]} show {file.Commit}:{file.Path} > /tmp/upstream/{file.LocalPath}");
        }

        text.AppendLine(inv, $"dotnet run --project src/Vixens.Lint.SchemaGen -- --data ../shared/data --out schemas --datree CRDs-catalog --datree-commit {facts.DatreeCommit} --upstream /tmp/upstream");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## Provenance of the inputs");
        text.AppendLine();
        text.AppendLine("- `k8s-openapi/v1.34/swagger.json`: Kubernetes v1.34 OpenAPI v2, from kubernetes-client/python branch `release-34.0` (head df31d90d6c910d6b5c883b98011c93421cac067d), path `kubernetes/swagger.json.unprocessed` (last changed in 4f585b3b8eb46c8afada5fa74200d9c859e2e92e, 2025-09-15, `KUBERNETES_BRANCH = \"release-1.34\"`); the content of upstream `api/openapi-spec/swagger.json` at release-1.34 (about v1.34.1). Apache-2.0.");
        text.AppendLine("- `crds/crd-yaml/**` (in `shared/data`, see its PROVENANCE.md): upstream CustomResourceDefinition YAML from each project's newest release tag, unmodified (the VictoriaMetrics files are verbatim documents of upstream `crd.descriptionless.yaml`). Apache-2.0, Infisical MIT. These win over every other source for the kinds they define.");
        foreach (var group in CatalogSources.UpstreamFiles.GroupBy(f => (f.Repository, f.Tag, f.Commit, f.Licence)))
        {
            text.AppendLine(inv, $"- `upstream:{group.Key.Repository.Replace('/', '+')}/…`: {group.Key.Repository} {group.Key.Tag} (commit {group.Key.Commit}), {string.Join(", ", group.Select(f => "`" + f.Path + "`"))}, unmodified. {group.Key.Licence}.");
        }

        text.AppendLine(inv, $"- datreeio/CRDs-catalog at commit **{facts.DatreeCommit}** (MIT licence, © 2022 datree.io): {facts.DatreeFileCount} JSON schemas, every file of the groups below (SHA-256 of the sorted `path sha256` lines of those files: `{facts.DatreeDigest}`). datree generates them from each project's published CRDs; the CRDs themselves are under their projects' licences, listed here. A kind both here and in a source above comes from the source above. Left out: {string.Join("; ", CatalogSources.ExcludedDatreeFiles.Select(e => "`" + e.Key + "` (" + e.Value + ")"))}.");
        text.AppendLine();
        text.AppendLine("| API group (datree) | project | licence |");
        text.AppendLine("|---|---|---|");
        foreach (var group in CatalogSources.DatreeGroups)
        {
            text.AppendLine(inv, $"| {group.Group} | {group.Project} | {group.Licence} |");
        }

        text.AppendLine();
        text.AppendLine("## Kinds of the CRD catalog");
        text.AppendLine();
        text.AppendLine("| apiVersion | kinds | source |");
        text.AppendLine("|---|---|---|");
        foreach (var version in facts.CrdEntries.GroupBy(e => e.ApiVersion).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var kinds = string.Join(", ", version.Select(e => e.Kind).Order(StringComparer.Ordinal));
            var sources = string.Join("; ", version.Select(e => SourceName(e.Source)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            text.AppendLine(inv, $"| {version.Key} | {kinds} | {sources} |");
        }

        text.AppendLine();
        text.AppendLine("## SHA-256 of the inputs (paths relative to `shared/data`, or to the `--upstream` folder)");
        text.AppendLine();
        text.AppendLine("```");
        foreach (var (file, sha) in facts.Inputs.OrderBy(i => i.File, StringComparer.Ordinal))
        {
            text.AppendLine(inv, $"{sha}  {file}");
        }

        text.AppendLine("```");
        File.WriteAllText(path, text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string ResourceGroup(string apiVersion) => apiVersion.Contains('/') ? apiVersion[..apiVersion.LastIndexOf('/')] : string.Empty;

    /// <summary>datree sources name their file; the table only needs the catalog's name.</summary>
    private static string SourceName(string? source) =>
        source is null ? "?" : source.StartsWith("datreeio/CRDs-catalog ", StringComparison.Ordinal) ? "datreeio/CRDs-catalog" : source;
}
