using Vixens.Lint.Kustomize.Patching;

// Usage: dotnet run --project src/Vixens.Lint.PatchMetaGen -- <swagger.json> <out.cs|out.json> [source-label]
// Writes C# (a const string holding the table) when <out> ends in .cs, the bare JSON table otherwise.
if (args.Length is < 2 or > 3)
{
    await Console.Error.WriteLineAsync("usage: Vixens.Lint.PatchMetaGen <swagger.json> <out.cs|out.json> [source-label]");
    return 2;
}

var input = args[0];
var output = args[1];
var label = args.Length == 3 ? args[2] : Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(input))) + "/" + Path.GetFileName(input);

PatchMetadata metadata;
try
{
    metadata = PatchMetadata.FromSwaggerJson(await File.ReadAllTextAsync(input), label);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException)
{
    await Console.Error.WriteLineAsync($"cannot read {input}: {ex.Message}");
    return 1;
}

var text = output.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
    ? PatchMetadataTable.WriteCSharp(metadata)
    : PatchMetadataTable.Write(metadata);
await File.WriteAllTextAsync(output, text);
Console.WriteLine($"{output}: {metadata.Kinds.Count} kinds, {metadata.TypeNames.Count()} definitions with patch-relevant fields");
return 0;
