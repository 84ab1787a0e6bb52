using System.IO.Compression;
using System.Text.Json;

namespace Vixens.Lint.Schemas.Bundle;

/// <summary>One kind in a bundle's index.</summary>
public sealed record BundleKind(string ApiVersion, string Kind, int Line, string? Scope, bool Deprecated, string? Source);

/// <summary>
/// A read-only, thread-safe view of one bundle. Construction decompresses the bytes and reads the header only;
/// schemas and definitions are sliced out as raw JSON on demand, so checking three kinds never parses the other 600.
/// </summary>
public sealed class SchemaBundle
{
    private readonly byte[] _content;
    private readonly int[] _lineStarts;
    private readonly Dictionary<string, int> _defLines;

    private SchemaBundle(byte[] content, int[] lineStarts, JsonElement header)
    {
        _content = content;
        _lineStarts = lineStarts;
        Name = header.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty;
        KubernetesVersion = header.TryGetProperty("kubernetesVersion", out var v) ? v.GetString() : null;
        var kinds = new Dictionary<string, BundleKind>(StringComparer.Ordinal);
        if (header.TryGetProperty("kinds", out var kindIndex))
        {
            foreach (var entry in kindIndex.EnumerateObject())
            {
                var e = entry.Value;
                kinds[entry.Name] = new BundleKind(
                    e.GetProperty("apiVersion").GetString()!,
                    e.GetProperty("kind").GetString()!,
                    e.GetProperty("line").GetInt32(),
                    e.TryGetProperty("scope", out var scope) ? scope.GetString() : null,
                    e.TryGetProperty("deprecated", out var dep) && dep.ValueKind == JsonValueKind.True,
                    e.TryGetProperty("source", out var src) ? src.GetString() : null);
            }
        }

        Kinds = kinds;
        _defLines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (header.TryGetProperty("defs", out var defIndex))
        {
            foreach (var entry in defIndex.EnumerateObject())
            {
                _defLines[entry.Name] = entry.Value.GetInt32();
            }
        }
    }

    public string Name { get; }

    public string? KubernetesVersion { get; }

    public IReadOnlyDictionary<string, BundleKind> Kinds { get; }

    public int DefinitionCount => _defLines.Count;

    /// <summary>Reads a gzip bundle. Returns null (never throws) when the bytes are not a bundle.</summary>
    public static SchemaBundle? TryLoad(Stream gzip)
    {
        try
        {
            using var inflate = new GZipStream(gzip, CompressionMode.Decompress);
            using var memory = new MemoryStream();
            inflate.CopyTo(memory);
            var content = memory.ToArray();
            var starts = FindLineStarts(content);
            using var header = JsonDocument.Parse(Line(content, starts, 0));
            if (!header.RootElement.TryGetProperty("format", out var format) || format.GetString() != BundleFormat.FormatName)
            {
                return null;
            }

            return new SchemaBundle(content, starts, header.RootElement.Clone());
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException)
        {
            return null;
        }
    }

    public bool HasDefinition(string name) => _defLines.ContainsKey(name);

    /// <summary>The raw JSON of a kind's root schema (without <c>$defs</c>).</summary>
    public ReadOnlyMemory<byte> KindSchema(BundleKind kind) => Line(_content, _lineStarts, kind.Line);

    public ReadOnlyMemory<byte> Definition(string name) =>
        _defLines.TryGetValue(name, out var line) ? Line(_content, _lineStarts, line) : ReadOnlyMemory<byte>.Empty;

    private static ReadOnlyMemory<byte> Line(byte[] content, int[] starts, int line)
    {
        if (line < 0 || line >= starts.Length)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var start = starts[line];
        var end = line + 1 < starts.Length ? starts[line + 1] - 1 : content.Length;
        return new ReadOnlyMemory<byte>(content, start, Math.Max(0, end - start));
    }

    private static int[] FindLineStarts(byte[] content)
    {
        var starts = new List<int>(1024) { 0 };
        var span = content.AsSpan();
        var offset = 0;
        while (true)
        {
            var next = span[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            if (offset < content.Length)
            {
                starts.Add(offset);
            }
        }

        return [.. starts];
    }

    public override string ToString() => $"{Name} ({Kinds.Count} kinds, {_defLines.Count} definitions)";
}
