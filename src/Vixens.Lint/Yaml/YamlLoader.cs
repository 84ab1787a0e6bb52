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

        if (EndsWithBlankLineWithoutBreak(text))
        {
            // YamlDotNet's scanner drops the last line break of a block scalar that ends on a line of spaces at the very
            // end of the input (yaml-test-suite L24T: "x\n " instead of "x\n \n"). The end of the input stands for a line
            // break in YAML, so reading one more changes nothing else; keep it only when YamlDotNet reads that text.
            var withBreak = new YamlTreeBuilder(path, text, options, scannerSuffix: "\n");
            var read = withBreak.Build();
            if (!withBreak.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return new YamlFile(path, text, read, withBreak.Diagnostics);
            }
        }

        var builder = new YamlTreeBuilder(path, text, options);
        var documents = builder.Build();
        return new YamlFile(path, text, documents, builder.Diagnostics);
    }

    /// <summary>The input ends with spaces or tabs after its last line break (a blank last line without its own break).</summary>
    private static bool EndsWithBlankLineWithoutBreak(string text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end < text.Length && end > 0 && text[end - 1] == '\n';
    }

    private static YamlFile Failed(string path, Diagnostic diagnostic) => new(path, string.Empty, [], [diagnostic]);
}
