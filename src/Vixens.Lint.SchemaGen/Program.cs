using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vixens.Lint.Schemas.Bundle;
using Vixens.Lint.SchemaGen;

// Usage: dotnet run --project src/Vixens.Lint.SchemaGen -- [--data ../shared/data] [--out schemas]
// Defaults are found from the solution directory, so a bare `dotnet run` from the repository works.
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

var catalog = new CrdCatalogBuilder(Path.Combine(data, "crds"));
var crdEntries = catalog.Build();
var catalogPath = Path.Combine(output, "bundle", "crd-catalog.json.gz");
var catalogSize = BundleWriter.Write(catalogPath, "crd-catalog", null, crdEntries, new Dictionary<string, JsonObject>());
Console.WriteLine($"{catalogPath}: {crdEntries.Count} kinds, {catalogSize:N0} bytes");

var inputs = new List<string> { swaggerPath, Path.Combine(data, "crds", "index.json") };
inputs.AddRange(catalog.InputFiles);
ReadmeWriter.Write(Path.Combine(output, "README.md"), KubernetesVersion, kinds.Count, definitions.Count, kubernetesSize,
    crdEntries, catalogSize, inputs.Select(p => (Path.GetRelativePath(data, p).Replace('\\', '/'), Sha256(p))).ToList());
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
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
