using System.Text;

namespace Vixens.Lint.Cli.Commands;

/// <summary>Writes a report to <c>--output FILE</c> (UTF-8, no BOM, <c>\n</c>) or to standard output.</summary>
internal static class OutputTarget
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string? outputPath, Action<TextWriter> write)
    {
        if (string.IsNullOrEmpty(outputPath))
        {
            var stdout = Console.Out;
            write(stdout);
            stdout.Flush();
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Write to a temporary file first so a reader never sees a partial report.
        var temporary = outputPath + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, Utf8NoBom) { NewLine = "\n" })
        {
            write(writer);
        }

        File.Move(temporary, outputPath, overwrite: true);
    }
}
