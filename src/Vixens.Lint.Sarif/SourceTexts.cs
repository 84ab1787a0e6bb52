using System.Text;

namespace Vixens.Lint.Sarif;

/// <summary>Reads each reported file once, for fingerprints only: no source text ever goes into the log.</summary>
internal sealed class SourceTexts
{
    private readonly Dictionary<string, Entry?> _files = new(StringComparer.Ordinal);

    public string? LineHash(string file, int line)
    {
        var entry = Get(file);
        return entry is not null && line >= 1 && line <= entry.Hashes.Count ? entry.Hashes[line - 1] : null;
    }

    /// <summary>The line's text with leading/trailing whitespace removed and inner runs of whitespace collapsed.</summary>
    public string? NormalizedLine(string file, int line)
    {
        var entry = Get(file);
        if (entry is null || line < 1 || line > entry.Lines.Length)
        {
            return null;
        }

        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in entry.Lines[line - 1])
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private Entry? Get(string file)
    {
        if (_files.TryGetValue(file, out var entry))
        {
            return entry;
        }

        try
        {
            var text = new UTF8Encoding(false).GetString(File.ReadAllBytes(file));
            entry = new Entry(Sarif.LineHash.Compute(text), text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'));
        }
        catch (IOException)
        {
            entry = null;
        }
        catch (UnauthorizedAccessException)
        {
            entry = null;
        }

        _files[file] = entry;
        return entry;
    }

    private sealed record Entry(IReadOnlyList<string> Hashes, string[] Lines);
}
