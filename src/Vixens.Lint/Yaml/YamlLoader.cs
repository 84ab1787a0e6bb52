using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Yaml;

/// <summary>
/// Loads YAML into position-aware <see cref="YamlNode"/> trees. Never throws for bad input: every problem becomes a
/// VX00xx diagnostic with the exact position, and the documents read before it are kept.
/// </summary>
public static class YamlLoader
{
    /// <summary>Reads and parses a file, enforcing the size limit before reading it whole.</summary>
    public static YamlFile LoadFile(string path, YamlLoadOptions? options = null)
    {
        options ??= YamlLoadOptions.Default;
        var fullPath = System.IO.Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > options.MaxFileBytes)
            {
                return Failed(fullPath, Diagnostic.Create(InputDescriptors.FileTooLarge, SourceSpan.StartOf(fullPath), info.Length, options.MaxFileBytes));
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Failed(fullPath, Diagnostic.Create(InputDescriptors.FileUnreadable, SourceSpan.StartOf(fullPath), ex.Message));
        }

        return LoadBytes(fullPath, bytes, options);
    }

    public static YamlFile LoadBytes(string path, byte[] bytes, YamlLoadOptions? options = null)
    {
        options ??= YamlLoadOptions.Default;
        if (bytes.LongLength > options.MaxFileBytes)
        {
            return Failed(path, Diagnostic.Create(InputDescriptors.FileTooLarge, SourceSpan.StartOf(path), bytes.LongLength, options.MaxFileBytes));
        }

        if (!SourceDecoder.TryDecode(path, bytes, out var text, out var error))
        {
            return Failed(path, error!);
        }

        return Parse(path, text, options);
    }

    /// <summary>Parses text that is already decoded. <paramref name="path"/> is only used for locations.</summary>
    public static YamlFile Parse(string path, string text, YamlLoadOptions? options = null)
    {
        options ??= YamlLoadOptions.Default;
        if (text.Length > options.MaxFileBytes)
        {
            return Failed(path, Diagnostic.Create(InputDescriptors.FileTooLarge, SourceSpan.StartOf(path), (long)text.Length, options.MaxFileBytes));
        }

        var builder = new YamlTreeBuilder(path, text, options);
        var documents = builder.Build();
        return new YamlFile(path, text, documents, builder.Diagnostics);
    }

    private static YamlFile Failed(string path, Diagnostic diagnostic) => new(path, string.Empty, [], [diagnostic]);
}
