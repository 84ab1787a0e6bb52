using System.Text;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Yaml;

/// <summary>Turns file bytes into text the way YAML 1.2 says (UTF-8, or UTF-16 with a BOM), reporting where decoding fails.</summary>
internal static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(string path, byte[] bytes, out string text, out Diagnostic? error)
    {
        error = null;
        text = string.Empty;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var bigEndian = bytes[0] == 0xFE;
            var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true, throwOnInvalidBytes: true);
            try
            {
                text = encoding.GetString(bytes, 2, bytes.Length - 2);
            }
            catch (DecoderFallbackException)
            {
                error = Diagnostic.Create(InputDescriptors.InvalidEncoding, SourceSpan.StartOf(path), "The file starts with a UTF-16 byte-order mark but is not valid UTF-16");
                return false;
            }

            return CheckNul(path, text, out error);
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            var offset = FirstInvalidUtf8Offset(bytes, start);
            var valid = Encoding.UTF8.GetString(bytes, start, offset - start);
            var (line, column) = LineColumnAtEnd(valid);
            error = Diagnostic.Create(
                InputDescriptors.InvalidEncoding,
                SourceSpan.At(path, line, column),
                $"Invalid UTF-8 byte 0x{bytes[offset]:X2} at line {line}, column {column}");
            return false;
        }

        return CheckNul(path, text, out error);
    }

    private static bool CheckNul(string path, string text, out Diagnostic? error)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul < 0)
        {
            error = null;
            return true;
        }

        var (line, column) = LineColumnAtEnd(text.AsSpan(0, nul));
        error = Diagnostic.Create(
            InputDescriptors.InvalidEncoding,
            SourceSpan.At(path, line, column),
            $"NUL byte at line {line}, column {column} (a binary file?)");
        return false;
    }

    private static int FirstInvalidUtf8Offset(byte[] bytes, int start)
    {
        var span = bytes.AsSpan(start);
        var offset = 0;
        while (offset < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return start + offset;
            }

            offset += consumed;
        }

        return start + span.Length - 1;
    }

    /// <summary>1-based line and column of the position just after <paramref name="text"/>, lines counted as YAML counts them.</summary>
    internal static (int Line, int Column) LineColumnAtEnd(ReadOnlySpan<char> text) => new LineMap(text.ToString()).PositionOf(text.Length);
}
