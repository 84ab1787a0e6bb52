using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vixens.Lint.Schemas.Bundle;
using Vixens.Lint.SchemaGen;

// Usage: dotnet run --project src/Vixens.Lint.SchemaGen -- --datree DIR --datree-commit SHA --upstream DIR [--data ../shared/data] [--out schemas]
// --datree: an extract of datreeio/CRDs-catalog (index.yaml and the group folders); --upstream: upstream CRD files laid
// out as owner+name/path (schemas/README.md says how to extract both). --data and --out default from the solution
// directory.
var repoRoot = FindRepoRoot(AppContext.BaseDirectory) ?? FindRepoRoot(Directory.GetCurrentDirectory());
if (repoRoot is null)
{
    Console.Error.WriteLine("Cannot find Vixens.Lint.sln above the current or the tool directory.");
    return 2;
}

var data = Path.GetFullPath(Option("--data") ?? Path.Combine(repoRoot, "..", "shared", "data"));
var output = Path.GetFullPath(Option("--out") ?? Path.Combine(repoRoot, "schemas"));
const string KubernetesVersion = "1.34";

var swaggerPath = Path.Combine(data, "k8s-openapi", "v" + KubernetesVersion, "swagger.json");
var swagger = JsonNode.Parse(File.ReadAllText(swaggerPath))!.AsObject();
var converter = new KubernetesOpenApiConverter(swagger);
var definitions = converter.ConvertDefinitions();
var kinds = converter.FindKinds();
var kubernetesPath = Path.Combine(output, "bundle", $"kubernetes-{KubernetesVersion}.json.gz");
var kubernetesSize = BundleWriter.Write(kubernetesPath, "kubernetes", KubernetesVersion,
    kinds.Select(k => new BundleEntry(k.ApiVersion, k.Kind, k.RootSchema, Source: k.Definition)), definitions);
Console.WriteLine($"{kubernetesPath}: {kinds.Count} kinds, {definitions.Count} definitions, {kubernetesSize:N0} bytes");

var datree = Option("--datree");
var datreeCommit = Option("--datree-commit");
var upstream = Option("--upstream");
if (datree is null || datreeCommit is null || upstream is null)
{
    Console.Error.WriteLine("--datree DIR, --datree-commit SHA and --upstream DIR are required (schemas/README.md, \"Regenerate\").");
    return 2;
}

var catalog = new CrdCatalogBuilder(Path.Combine(data, "crds"), Path.GetFullPath(upstream), Path.GetFullPath(datree));
var crdEntries = catalog.Build();
var deduplicator = new SchemaDeduplicator();
deduplicator.Deduplicate([.. crdEntries.Select(e => e.Schema)]);
var catalogPath = Path.Combine(output, "bundle", "crd-catalog.json.gz");
var catalogSize = BundleWriter.Write(catalogPath, "crd-catalog", null, crdEntries, deduplicator.Definitions);
Console.WriteLine($"{catalogPath}: {crdEntries.Count} kinds, {deduplicator.Definitions.Count} shared definitions, {catalogSize:N0} bytes");

var inputs = new List<string> { swaggerPath, Path.Combine(data, "crds", "index.json") };
inputs.AddRange(catalog.InputFiles);
var datreeDigest = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(
    catalog.DatreeInputFiles.Select(p => Path.GetRelativePath(Path.GetFullPath(datree), p).Replace('\\', '/') + " " + Sha256(p) + "\n")))));
ReadmeWriter.Write(Path.Combine(output, "README.md"), new ReadmeFacts(
    KubernetesVersion, kinds.Count, definitions.Count, kubernetesSize, crdEntries, deduplicator.Definitions.Count, catalogSize,
    inputs.Select(p => (InputName(p), Sha256(p))).ToList(), datreeCommit, catalog.DatreeInputFiles.Count, datreeDigest));
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

string InputName(string path)
{
    var full = Path.GetFullPath(path);
    return full.StartsWith(data + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        ? Path.GetRelativePath(data, full).Replace('\\', '/')
        : "upstream:" + Path.GetRelativePath(Path.GetFullPath(upstream), full).Replace('\\', '/');
}

static string? FindRepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Vixens.Lint.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}

static string Sha256(string path)
{
    using var stream = File.OpenRead(path);
    return Convert.ToHexStringLower(SHA256.HashData(stream));
}
