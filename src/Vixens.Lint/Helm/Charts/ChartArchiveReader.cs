using Vixens.Lint.Foundation;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// Reads a chart archive (<c>.tgz</c>) into its files as Helm's <c>LoadArchiveFiles</c> does: the first path component
/// (the chart's folder) is dropped, absolute paths and paths leaving the base directory are refused with Helm's
/// messages, byte order marks are stripped. Decompression is bounded by <see cref="ChartLoadLimits"/>, and link
/// entries that point outside the archive are refused (Helm reads any link as an empty file).
/// </summary>
internal static partial class ChartArchiveReader
{
    [GeneratedRegex("^[a-zA-Z]:/")]
    private static partial Regex DrivePath();

    /// <summary>Checks the first bytes as Helm's <c>ensureArchive</c> does before it opens a chart file.</summary>
    public static void EnsureGzip(string displayName, ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B, 0x08]))
        {
            return;
        }

        if (displayName.EndsWith(".yml", StringComparison.Ordinal) || displayName.EndsWith(".yaml", StringComparison.Ordinal))
        {
            throw new HelmException($"file '{displayName}' seems to be a YAML file, but expected a gzipped archive");
        }

        throw new HelmException($"file '{displayName}' does not appear to be a gzipped archive; got '{ContentType(head)}'");
    }

    public static List<ChartFile> Read(byte[] archive, ChartLoadBudget budget)
    {
        var files = new List<ChartFile>();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(archive, writable: false), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry(copyData: false) is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
                {
                    continue;
                }

                var name = ChartRelativeName(entry.Name);
                if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
                {
                    CheckLink(name, entry.LinkName);
                    files.Add(new ChartFile(name, []));
                    continue;
                }

                budget.Take(name, entry.Length);
                files.Add(ChartFile.WithoutBom(name, ReadBounded(entry.DataStream, name, budget.Limits.MaxFileBytes)));
            }
        }
        catch (InvalidDataException e)
        {
            throw new HelmException(e.Message.Contains("gzip", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("magic", StringComparison.OrdinalIgnoreCase)
                ? "gzip: invalid header"
                : "unexpected EOF", e);
        }
        catch (EndOfStreamException e)
        {
            throw new HelmException("unexpected EOF", e);
        }
        catch (FormatException e)
        {
            throw new HelmException("archive/tar: invalid tar header", e);
        }

        if (files.Count == 0)
        {
            throw new HelmException("no files in chart archive");
        }

        return files;
    }

    private static string ChartRelativeName(string entryName)
    {
        var delimiter = entryName.Contains('\\') ? '\\' : '/';
        var parts = entryName.Split(delimiter);
        var name = string.Join('/', parts.Skip(1));
        if (name.StartsWith('/'))
        {
            throw new HelmException("chart illegally contains absolute paths");
        }

        name = GoPath.Clean(name);
        if (name == ".")
        {
            throw new HelmException($"chart illegally contains content outside the base directory: \"{entryName}\"");
        }

        if (name.StartsWith("..", StringComparison.Ordinal))
        {
            throw new HelmException("chart illegally references parent directory");
        }

        if (DrivePath().IsMatch(name))
        {
            throw new HelmException("chart contains illegally named files");
        }

        if (parts[0] == "Chart.yaml")
        {
            throw new HelmException("chart yaml not in base directory");
        }

        return name;
    }

    private static void CheckLink(string name, string target)
    {
        var normalized = target.Replace('\\', '/');
        if (normalized.StartsWith('/') || DrivePath().IsMatch(normalized))
        {
            throw new HelmException($"chart archive entry '{name}' is a link to the absolute path '{target}'");
        }

        var directory = name.Contains('/') ? name[..name.LastIndexOf('/')] : string.Empty;
        var resolved = GoPath.Clean(directory.Length == 0 ? normalized : directory + "/" + normalized);
        if (resolved == ".." || resolved.StartsWith("../", StringComparison.Ordinal))
        {
            throw new HelmException($"chart archive entry '{name}' is a link to '{target}', outside the chart");
        }
    }

    private static byte[] ReadBounded(Stream? data, string name, long max)
    {
        if (data is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = data.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new HelmException($"file '{name}' is larger than {max} bytes, the limit for a chart file");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The two answers of Go's <c>http.DetectContentType</c> that matter for a non-gzip chart file.</summary>
    private static string ContentType(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B))
            {
                return "application/octet-stream";
            }
        }

        return "text/plain; charset=utf-8";
    }
}
