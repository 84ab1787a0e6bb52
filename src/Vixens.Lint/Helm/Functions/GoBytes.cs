using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Go strings are bytes; .NET strings are UTF-16. Functions that cut strings by bytes (<c>trunc</c>, <c>substr</c>) can
/// leave half a character, which Go keeps as raw bytes. Such a byte travels here as a lone low surrogate
/// U+DC80..U+DCFF (Python's "surrogateescape"), so that <c>b64enc</c> and the hashes see the same bytes Go does.
/// </summary>
internal static class GoBytes
{
    /// <summary>The bytes Go holds for this string.</summary>
    public static byte[] Of(string s)
    {
        var bytes = new List<byte>(s.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c >= 0xDC80 && c <= 0xDCFF && !(i > 0 && char.IsHighSurrogate(s[i - 1])))
            {
                bytes.Add((byte)(c - 0xDC00));
                continue;
            }

            Rune rune;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                rune = new Rune(c, s[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                rune = Rune.ReplacementChar;
            }
            else
            {
                rune = new Rune(c);
            }

            var n = rune.EncodeToUtf8(buffer);
            for (var k = 0; k < n; k++)
            {
                bytes.Add(buffer[k]);
            }
        }

        return [.. bytes];
    }

    /// <summary>A Go string made of these bytes: valid UTF-8 decoded, each stray byte kept as its escape.</summary>
    public static string ToText(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
            }
            else
            {
                consumed = 1;
                sb.Append((char)(0xDC00 + bytes[0]));
            }

            bytes = bytes[consumed..];
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>len(s)</c>.</summary>
    public static int Length(string s) => IsAscii(s) ? s.Length : Of(s).Length;

    /// <summary>Go's <c>s[start:end]</c> on bytes.</summary>
    public static string Slice(string s, int start, int end) =>
        IsAscii(s) ? s[start..end] : ToText(Of(s).AsSpan(start, end - start));

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }
}
