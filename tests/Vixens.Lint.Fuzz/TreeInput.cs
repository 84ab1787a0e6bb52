using System.Text;

namespace Vixens.Lint.Fuzz;

/// <summary>
/// One fuzz input as a small directory tree: a line <c># file: NAME</c> starts a new file, and whatever comes before the
/// first such line is <c>kustomization.yaml</c>. Names are reduced to safe relative paths (no <c>..</c>, no absolute path),
/// so the tree always stays inside the directory it is written to; bases may still point outside it, which the renderer
/// must refuse with a diagnostic.
/// </summary>
internal static class TreeInput
{
    private const string Marker = "# file: ";
    private const int MaxFiles = 24;
    private const int MaxSegments = 4;

    public static IReadOnlyList<(string RelativePath, byte[] Content)> Decode(byte[] input)
    {
        var files = new List<(string, byte[])>();
        var name = "kustomization.yaml";
        var start = 0;
        var lineStart = 0;
        while (lineStart <= input.Length)
        {
            var end = Array.IndexOf(input, (byte)'\n', lineStart);
            var lineEnd = end < 0 ? input.Length : end;
            if (StartsWithMarker(input, lineStart, lineEnd))
            {
                Add(files, name, input[start..lineStart]);
                name = Encoding.UTF8.GetString(input, lineStart + Marker.Length, lineEnd - lineStart - Marker.Length).Trim();
                start = Math.Min(lineEnd + 1, input.Length);
            }

            if (end < 0)
            {
                break;
            }

            lineStart = end + 1;
        }

        Add(files, name, input[start..]);
        return files;
    }

    /// <summary>Writes the tree under <paramref name="root"/>, which is emptied first (one directory serves every execution).</summary>
    public static void WriteTo(string root, IReadOnlyList<(string RelativePath, byte[] Content)> files)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        foreach (var (relativePath, content) in files)
        {
            var full = Path.Combine(root, relativePath);
            if (Directory.Exists(full))
            {
                continue; // "a/b" after "a/b/c": the directory wins, as a tree cannot hold both.
            }

            if (IsUnderAFile(root, relativePath))
            {
                continue; // "a/b" after "a": the file came first.
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);

            File.WriteAllBytes(full, content);
        }
    }

    private static bool IsUnderAFile(string root, string relativePath)
    {
        var parts = relativePath.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            if (File.Exists(Path.Combine(root, string.Join('/', parts[..i]))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithMarker(byte[] input, int from, int to)
    {
        if (to - from <= Marker.Length)
        {
            return false;
        }

        for (var i = 0; i < Marker.Length; i++)
        {
            if (input[from + i] != Marker[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(List<(string, byte[])> files, string rawName, byte[] content)
    {
        if (files.Count >= MaxFiles || Sanitize(rawName) is not { } name)
        {
            return;
        }

        files.Add((name, content));
    }

    private static string? Sanitize(string rawName)
    {
        var segments = rawName
            .Split('/', '\\')
            .Select(s => new string(s.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').ToArray()))
            .Where(s => s.Length > 0 && s.Any(c => c != '.'))
            .Take(MaxSegments)
            .ToList();
        return segments.Count == 0 ? null : string.Join('/', segments);
    }
}
