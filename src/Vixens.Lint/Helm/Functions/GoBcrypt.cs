using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// bcrypt as golang.org/x/crypto/bcrypt writes it for Sprig (<c>$2a$</c>, cost 10, random salt). Blowfish's initial
/// state is the hexadecimal expansion of pi; it is computed once (Machin's formula) instead of carrying 4 KB of
/// constants.
/// </summary>
internal static class GoBcrypt
{
    private const int Cost = 10;
    private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly Lazy<uint[]> PiWords = new(ComputePiWords);

    public static string Hash(byte[] password)
    {
        if (password.Length > 72)
        {
            throw new GoFunctionException("bcrypt: password length exceeds 72 bytes");
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        return Hash(password, salt, Cost);
    }

    /// <summary>The hash for a given salt and cost (deterministic; used by tests with known vectors).</summary>
    internal static string Hash(byte[] password, byte[] salt, int cost)
    {
        var key = new byte[password.Length + 1];
        password.CopyTo(key, 0);
        var state = new BlowfishState(PiWords.Value);
        state.ExpandKey(key, salt);
        for (long i = 0; i < 1L << cost; i++)
        {
            state.ExpandKey(key, null);
            state.ExpandKey(salt, null);
        }

        var text = Encoding.ASCII.GetBytes("OrpheanBeholderScryDoubt");
        var words = new uint[6];
        for (var i = 0; i < 6; i++)
        {
            words[i] = (uint)((text[4 * i] << 24) | (text[(4 * i) + 1] << 16) | (text[(4 * i) + 2] << 8) | text[(4 * i) + 3]);
        }

        for (var round = 0; round < 64; round++)
        {
            for (var i = 0; i < 6; i += 2)
            {
                state.Encrypt(ref words[i], ref words[i + 1]);
            }
        }

        var output = new byte[24];
        for (var i = 0; i < 6; i++)
        {
            output[4 * i] = (byte)(words[i] >> 24);
            output[(4 * i) + 1] = (byte)(words[i] >> 16);
            output[(4 * i) + 2] = (byte)(words[i] >> 8);
            output[(4 * i) + 3] = (byte)words[i];
        }

        return $"$2a${cost:00}${Encode(salt)}{Encode(output.AsSpan(0, 23))}";
    }

    /// <summary>bcrypt's base64: its own alphabet, no padding.</summary>
    private static string Encode(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < data.Length; i += 3)
        {
            var n = Math.Min(3, data.Length - i);
            var v = data[i] << 16 | (n > 1 ? data[i + 1] << 8 : 0) | (n > 2 ? data[i + 2] : 0);
            for (var k = 0; k <= n; k++)
            {
                sb.Append(Alphabet[(v >> (18 - (6 * k))) & 63]);
            }
        }

        return sb.ToString();
    }

    /// <summary>The first 1042 32-bit words of pi's fractional part in hexadecimal: Blowfish's P-array and S-boxes.</summary>
    private static uint[] ComputePiWords()
    {
        const int words = 18 + (4 * 256);
        var bits = (words * 32) + 64;
        var one = BigInteger.One << bits;
        var pi = (16 * ArcTanInverse(5, one)) - (4 * ArcTanInverse(239, one));
        var fraction = pi - ((pi >> bits) << bits);
        var result = new uint[words];
        for (var i = 0; i < words; i++)
        {
            result[i] = (uint)((fraction >> (bits - (32 * (i + 1)))) & uint.MaxValue);
        }

        return result;
    }

    private static BigInteger ArcTanInverse(int x, BigInteger one)
    {
        var x2 = x * x;
        var term = one / x;
        var sum = term;
        var sign = -1;
        for (var k = 3; !term.IsZero; k += 2)
        {
            term /= x2;
            sum += sign * (term / k);
            sign = -sign;
        }

        return sum;
    }

    private sealed class BlowfishState
    {
        private readonly uint[] _p = new uint[18];
        private readonly uint[] _s = new uint[1024];

        public BlowfishState(uint[] pi)
        {
            Array.Copy(pi, 0, _p, 0, 18);
            Array.Copy(pi, 18, _s, 0, 1024);
        }

        /// <summary>Blowfish's key schedule, with bcrypt's salt mixed into every encrypted block when given.</summary>
        public void ExpandKey(byte[] key, byte[]? salt)
        {
            var k = 0;
            for (var i = 0; i < 18; i++)
            {
                _p[i] ^= Next(key, ref k);
            }

            var s = 0;
            uint l = 0, r = 0;
            for (var i = 0; i < 18; i += 2)
            {
                Mix(salt, ref s, ref l, ref r);
                _p[i] = l;
                _p[i + 1] = r;
            }

            for (var i = 0; i < 1024; i += 2)
            {
                Mix(salt, ref s, ref l, ref r);
                _s[i] = l;
                _s[i + 1] = r;
            }
        }

        private void Mix(byte[]? salt, ref int s, ref uint l, ref uint r)
        {
            if (salt is not null)
            {
                l ^= Next(salt, ref s);
                r ^= Next(salt, ref s);
            }

            Encrypt(ref l, ref r);
        }

        private static uint Next(byte[] data, ref int position)
        {
            uint word = 0;
            for (var i = 0; i < 4; i++)
            {
                word = (word << 8) | data[position];
                position = (position + 1) % data.Length;
            }

            return word;
        }

        public void Encrypt(ref uint l, ref uint r)
        {
            for (var i = 0; i < 16; i += 2)
            {
                l ^= _p[i];
                r ^= F(l);
                r ^= _p[i + 1];
                l ^= F(r);
            }

            l ^= _p[16];
            r ^= _p[17];
            (l, r) = (r, l);
        }

        private uint F(uint x) => ((_s[x >> 24] + _s[256 + ((x >> 16) & 0xFF)]) ^ _s[512 + ((x >> 8) & 0xFF)]) + _s[768 + (x & 0xFF)];
    }
}
