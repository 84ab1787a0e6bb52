using Vixens.Lint.Foundation;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>Sprig's encodings, hashes, slash paths and URLs (strings.go, crypto.go, functions.go, url.go).</summary>
internal static class SprigEncoding
{
    public static IEnumerable<GoFunction> All()
    {
        yield return new("b64enc", [T.String], null, a => Convert.ToBase64String(GoBytes.Of(Str(a, 0))));
        yield return new("b64dec", [T.String], null, a => Base64Decode(Str(a, 0)));
        yield return new("b32enc", [T.String], null, a => GoBase32.Encode(GoBytes.Of(Str(a, 0))));
        yield return new("b32dec", [T.String], null, a => GoBase32.Decode(Str(a, 0)));
#pragma warning disable CA5350 // sha1sum is SHA-1 by definition: templates hash names with it, nothing is secured by it.
        yield return new("sha1sum", [T.String], null, a => Hex(SHA1.HashData(GoBytes.Of(Str(a, 0)))));
#pragma warning restore CA5350
        yield return new("sha256sum", [T.String], null, a => Hex(SHA256.HashData(GoBytes.Of(Str(a, 0)))));
        yield return new("sha512sum", [T.String], null, a => Hex(SHA512.HashData(GoBytes.Of(Str(a, 0)))));
        yield return new("adler32sum", [T.String], null, a => Adler32(GoBytes.Of(Str(a, 0))).ToString(CultureInfo.InvariantCulture));
        foreach (var prefix in new[] { string.Empty, "os" })
        {
            yield return new(Named(prefix, "base"), [T.String], null, a => GoPath.Base(Str(a, 0)));
            yield return new(Named(prefix, "dir"), [T.String], null, a => GoPath.Dir(Str(a, 0)));
            yield return new(Named(prefix, "clean"), [T.String], null, a => GoPath.Clean(Str(a, 0)));
            yield return new(Named(prefix, "ext"), [T.String], null, a => GoPath.Ext(Str(a, 0)));
            yield return new(Named(prefix, "isAbs"), [T.String], null, a => Str(a, 0).StartsWith('/'));
        }

        yield return new("urlParse", [T.String], null, a => GoUrl.Parse(Str(a, 0)));
        yield return new("urlJoin", [T.AnyMap], null, a => GoUrl.Join(Map(a, 0)));
        // Helm builds the engine without DNS unless --enable-dns, and this library is offline: no lookup, "" as Helm gives.
        yield return new("getHostByName", [T.String], null, _ => string.Empty);
    }

    private static string Named(string prefix, string name) => prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name[1..];

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }

    /// <summary>base64.StdEncoding.DecodeString, with Go's error text (returned as the result, as Sprig does).</summary>
    private static string Base64Decode(string s)
    {
        var src = GoBytes.Of(s);
        var output = new List<byte>();
        var si = 0;
        var quantum = new int[4];
        while (true)
        {
            var j = 0;
            for (; j < 4; j++)
            {
                // Go skips CR and LF anywhere.
                while (si < src.Length && src[si] is (byte)'\r' or (byte)'\n')
                {
                    si++;
                }

                if (si == src.Length)
                {
                    if (j == 0)
                    {
                        return GoBytes.ToText([.. output]);
                    }

                    return Corrupt(si - j);
                }

                var c = src[si++];
                if (c == '=')
                {
                    return Padding(src, si, j, quantum, output);
                }

                var v = Alphabet.IndexOf((char)c, StringComparison.Ordinal);
                if (v < 0)
                {
                    return Corrupt(si - 1);
                }

                quantum[j] = v;
            }

            Flush(output, quantum, 4);
        }
    }

    /// <summary>A '=' at position j of a quantum: "xx==" or "xxx=", then nothing but line breaks.</summary>
    private static string Padding(byte[] src, int si, int j, int[] quantum, List<byte> output)
    {
        if (j < 2)
        {
            return Corrupt(si - 1);
        }

        if (j == 2)
        {
            while (si < src.Length && src[si] is (byte)'\r' or (byte)'\n')
            {
                si++;
            }

            if (si == src.Length)
            {
                return Corrupt(src.Length);
            }

            if (src[si] != '=')
            {
                return Corrupt(si - 1);
            }

            si++;
        }

        while (si < src.Length && src[si] is (byte)'\r' or (byte)'\n')
        {
            si++;
        }

        if (si < src.Length)
        {
            return Corrupt(si);
        }

        Flush(output, quantum, j);
        return GoBytes.ToText([.. output]);
    }

    private static string Corrupt(int offset) => $"illegal base64 data at input byte {offset}";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static void Flush(List<byte> output, int[] q, int count)
    {
        var n = (q[0] << 18) | (q[1] << 12) | (count > 2 ? q[2] << 6 : 0) | (count > 3 ? q[3] : 0);
        output.Add((byte)(n >> 16));
        if (count > 2)
        {
            output.Add((byte)(n >> 8));
        }

        if (count > 3)
        {
            output.Add((byte)n);
        }
    }
}
