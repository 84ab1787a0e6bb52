using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>encoding/base32's StdEncoding (RFC 4648 alphabet, '=' padding), errors as Sprig returns them (as text).</summary>
internal static class GoBase32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(byte[] data)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < data.Length; i += 5)
        {
            var n = Math.Min(5, data.Length - i);
            ulong block = 0;
            for (var k = 0; k < 5; k++)
            {
                block = (block << 8) | (k < n ? data[i + k] : (byte)0);
            }

            var chars = (n * 8 + 4) / 5;
            for (var k = 0; k < 8; k++)
            {
                sb.Append(k < chars ? Alphabet[(int)((block >> (35 - (5 * k))) & 31)] : '=');
            }
        }

        return sb.ToString();
    }

    /// <summary>Decodes 8-character quanta; a stray character, bad padding or a short quantum gives Go's error text.</summary>
    public static string Decode(string s)
    {
        var src = GoBytes.Of(s);
        var output = new List<byte>();
        var si = 0;
        var quantum = new int[8];
        while (true)
        {
            var j = 0;
            for (; j < 8; j++)
            {
                while (si < src.Length && src[si] is (byte)'\r' or (byte)'\n')
                {
                    si++;
                }

                if (si == src.Length)
                {
                    return j == 0 ? GoBytes.ToText([.. output]) : Corrupt(si - j);
                }

                var c = src[si++];
                if (c == '=')
                {
                    // Padding fills the quantum to 8 characters and ends the input; only 2, 4, 5 or 7 data characters may precede it.
                    var padding = 8 - j;
                    for (var k = 1; k < padding; k++)
                    {
                        if (si >= src.Length || src[si] != '=')
                        {
                            return Corrupt(si >= src.Length ? src.Length : si);
                        }

                        si++;
                    }

                    if (si < src.Length || j is not (2 or 4 or 5 or 7))
                    {
                        return Corrupt(si < src.Length ? si : si - padding);
                    }

                    Flush(output, quantum, j);
                    return GoBytes.ToText([.. output]);
                }

                var v = Alphabet.IndexOf((char)c, StringComparison.Ordinal);
                if (v < 0)
                {
                    return Corrupt(si - 1);
                }

                quantum[j] = v;
            }

            Flush(output, quantum, 8);
        }
    }

    private static void Flush(List<byte> output, int[] q, int count)
    {
        ulong block = 0;
        for (var k = 0; k < 8; k++)
        {
            block = (block << 5) | (uint)(k < count ? q[k] : 0);
        }

        var bytes = count * 5 / 8;
        for (var k = 0; k < bytes; k++)
        {
            output.Add((byte)(block >> (32 - (8 * k))));
        }
    }

    private static string Corrupt(int offset) => $"illegal base32 data at input byte {offset}";
}
