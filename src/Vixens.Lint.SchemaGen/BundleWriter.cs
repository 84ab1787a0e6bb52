using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vixens.Lint.Schemas.Bundle;

namespace Vixens.Lint.SchemaGen;

/// <summary>One kind to write: its index metadata and root schema.</summary>
internal sealed record BundleEntry(string ApiVersion, string Kind, JsonObject Schema, string? Scope = null, bool Deprecated = false, string? Source = null);

/// <summary>Writes a bundle in <see cref="BundleFormat"/>: deterministic (sorted, fixed gzip header), compact.</summary>
internal static class BundleWriter
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static long Write(string path, string name, string? kubernetesVersion, IEnumerable<BundleEntry> kinds, IReadOnlyDictionary<string, JsonObject> definitions)
    {
        var lines = new List<string>();
        var kindIndex = new JsonObject();
        var defIndex = new JsonObject();
        foreach (var entry in kinds.OrderBy(k => BundleFormat.KindKey(k.ApiVersion, k.Kind), StringComparer.Ordinal))
        {
            var meta = new JsonObject { ["apiVersion"] = entry.ApiVersion, ["kind"] = entry.Kind, ["line"] = lines.Count + 1 };
            if (entry.Scope is not null)
            {
                meta["scope"] = entry.Scope;
            }

            if (entry.Deprecated)
            {
                meta["deprecated"] = true;
            }

            if (entry.Source is not null)
            {
                meta["source"] = entry.Source;
            }

            kindIndex[BundleFormat.KindKey(entry.ApiVersion, entry.Kind)] = meta;
            lines.Add(entry.Schema.ToJsonString(Compact));
        }

        foreach (var (defName, schema) in definitions.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            defIndex[defName] = lines.Count + 1;
            lines.Add(schema.ToJsonString(Compact));
        }

        var header = new JsonObject
        {
            ["format"] = BundleFormat.FormatName,
            ["name"] = name,
            ["kubernetesVersion"] = kubernetesVersion,
            ["kinds"] = kindIndex,
            ["defs"] = defIndex,
        };

        var text = new StringBuilder();
        text.Append(header.ToJsonString(Compact)).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        return new FileInfo(path).Length;
    }
}
