namespace Vixens.Lint.Kustomize.Tests;

/// <summary>A scratch directory tree written from (relative path, content) pairs; deleted on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree(params (string Path, string Content)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "vixens-kustomize-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, content) in files)
        {
            Write(path, content);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public void Write(string relative, string content)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a scratch directory left behind is harmless.
        }
    }
}
