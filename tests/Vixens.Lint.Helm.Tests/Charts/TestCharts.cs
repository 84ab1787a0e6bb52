using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Vixens.Lint.Helm.Tests.Charts;

/// <summary>Builds throw-away charts (folders and archives) under a temporary directory.</summary>
internal sealed class TestCharts : IDisposable
{
    public TestCharts()
    {
        Root = Path.Combine(Path.GetTempPath(), "vx-helm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Dir(string name, params (string Path, string Text)[] files)
    {
        var dir = Path.Combine(Root, name);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A gzipped tar of raw entries (names as given, so hostile names are possible).</summary>
    public static byte[] Tgz(params TarEntry[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                tar.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    public static TarEntry FileEntry(string name, string text) =>
        new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };

    public static TarEntry LinkEntry(string name, string target) =>
        new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target };

    public string WriteFile(string name, byte[] data)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
