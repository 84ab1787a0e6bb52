using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Sprig's crypto and random functions (crypto.go, strings.go) on .NET's cryptography: derived passwords (scrypt),
/// AES-CBC, keys and certificates, random strings and UUIDs. Random output is random; only its shape is stable.
/// </summary>
internal static class SprigCrypto
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";

    public static IEnumerable<GoFunction> All()
    {
        yield return new("derivePassword", [T.Int, T.String, T.String, T.String, T.String], null, a => DerivePassword((uint)Int(a, 0), Str(a, 1), Str(a, 2), Str(a, 3), Str(a, 4)));
        yield return new("encryptAES", [T.String, T.String], null, a => EncryptAes(Str(a, 0), Str(a, 1)));
        yield return new("decryptAES", [T.String, T.String], null, a => DecryptAes(Str(a, 0), Str(a, 1)));
        yield return new("randBytes", [T.Int], null, a => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Math.Max(Int(a, 0), 0))));
        yield return new("uuidv4", [], null, _ => Guid.NewGuid().ToString());
        yield return new("randAlphaNum", [T.Int], null, a => RandomString(Int(a, 0), Letters + Digits));
        yield return new("randAlpha", [T.Int], null, a => RandomString(Int(a, 0), Letters));
        yield return new("randNumeric", [T.Int], null, a => RandomString(Int(a, 0), Digits));
        yield return new("randAscii", [T.Int], null, a => RandomString(Int(a, 0), string.Concat(Enumerable.Range(32, 95).Select(c => (char)c))));
        yield return new("shuffle", [T.String], null, a => Shuffle(Str(a, 0)));
        yield return new("genPrivateKey", [T.String], null, a => GoCertificates.PrivateKeyPem(Str(a, 0)));
        yield return new("genCA", [T.String, T.Int], null, a => GoCertificates.CreateCa(Str(a, 0), Int(a, 1), null));
        yield return new("genCAWithKey", [T.String, T.Int, T.String], null, a => GoCertificates.CreateCa(Str(a, 0), Int(a, 1), Str(a, 2)));
        yield return new("genSelfSignedCert", [T.String, T.AnySlice, T.AnySlice, T.Int], null, a => GoCertificates.CreateSelfSigned(Str(a, 0), a[1], a[2], Int(a, 3), null));
        yield return new("genSelfSignedCertWithKey", [T.String, T.AnySlice, T.AnySlice, T.Int, T.String], null, a => GoCertificates.CreateSelfSigned(Str(a, 0), a[1], a[2], Int(a, 3), Str(a, 4)));
        yield return new("genSignedCert", [T.String, T.AnySlice, T.AnySlice, T.Int, T.Any], null, a => GoCertificates.CreateSigned(Str(a, 0), a[1], a[2], Int(a, 3), a[4], null));
        yield return new("genSignedCertWithKey", [T.String, T.AnySlice, T.AnySlice, T.Int, T.Any, T.String], null, a => GoCertificates.CreateSigned(Str(a, 0), a[1], a[2], Int(a, 3), a[4], Str(a, 5)));
        yield return new("buildCustomCert", [T.String, T.String], null, a => GoCertificates.FromPem(Str(a, 0), Str(a, 1)));
        yield return new("bcrypt", [T.String], null, a => GoBcrypt.Hash(GoBytes.Of(Str(a, 0))));
        yield return new("htpasswd", [T.String, T.String], null, a => Htpasswd(Str(a, 0), Str(a, 1)));
    }

    private static readonly Dictionary<string, string[]> Templates = new(StringComparer.Ordinal)
    {
        ["maximum"] = ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        ["long"] =
        [
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
            "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno",
            "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno",
        ],
        ["medium"] = ["CvcnoCvc", "CvcCvcno"],
        ["short"] = ["Cvcn"],
        ["basic"] = ["aaanaaan", "aannaaan", "aaannaaa"],
        ["pin"] = ["nnnn"],
    };

    private static readonly Dictionary<char, string> TemplateCharacters = new()
    {
        ['V'] = "AEIOU",
        ['C'] = "BCDFGHJKLMNPQRSTVWXYZ",
        ['v'] = "aeiou",
        ['c'] = "bcdfghjklmnpqrstvwxyz",
        ['A'] = "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        ['a'] = "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        ['n'] = "0123456789",
        ['o'] = "@&%?,=[]_:-+*$#!'^~;()/.",
        ['x'] = "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    };

    /// <summary>The Master Password algorithm Sprig implements: scrypt of the user, HMAC of the site and counter, a template.</summary>
    private static string DerivePassword(uint counter, string type, string password, string user, string site)
    {
        if (!Templates.TryGetValue(type, out var templates))
        {
            return $"cannot find password template {type}";
        }

        const string seed = "com.lyndir.masterpassword";
        var userBytes = GoBytes.Of(user);
        var salt = Concat(Encoding.ASCII.GetBytes(seed), BigEndian((uint)userBytes.Length), userBytes);
        var key = Scrypt.DeriveKey(GoBytes.Of(password), salt, 32768, 8, 2, 64);
        var siteBytes = GoBytes.Of(site);
        var message = Concat(Encoding.ASCII.GetBytes(seed), BigEndian((uint)siteBytes.Length), siteBytes, BigEndian(counter));
        var digest = HMACSHA256.HashData(key, message);
        var template = templates[digest[0] % templates.Length];
        var sb = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var chars = TemplateCharacters[template[i]];
            sb.Append(chars[digest[i + 1] % chars.Length]);
        }

        return sb.ToString();
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>The key is the password's first 32 bytes, zero-padded: AES-256-CBC, PKCS#7 padding, a random IV in front.</summary>
    private static string EncryptAes(string password, string plaintext)
    {
        if (plaintext.Length == 0)
        {
            return string.Empty;
        }

        using var aes = Aes.Create();
        aes.Key = AesKey(password);
        var iv = RandomNumberGenerator.GetBytes(16);
        var cipher = aes.EncryptCbc(GoBytes.Of(plaintext), iv, PaddingMode.PKCS7);
        return Convert.ToBase64String([.. iv, .. cipher]);
    }

    private static string DecryptAes(string password, string encoded)
    {
        if (encoded.Length == 0)
        {
            return string.Empty;
        }

        byte[] data;
        try
        {
            data = Convert.FromBase64String(encoded);
        }
        catch (FormatException e)
        {
            throw new GoFunctionException("illegal base64 data at input byte 0", e);
        }

        if (data.Length < 16 || data.Length % 16 != 0)
        {
            // Go slices the IV off and CryptBlocks panics on a partial block.
            // Go decodes into a buffer of len(text)/4*3 bytes; slicing the IV beyond it names that capacity.
            throw new GoFunctionException(data.Length < 16 ? $"runtime error: slice bounds out of range [:16] with capacity {encoded.Length / 4 * 3}" : "crypto/cipher: input not full blocks");
        }

        using var aes = Aes.Create();
        aes.Key = AesKey(password);
        var plain = aes.DecryptCbc(data.AsSpan(16), data.AsSpan(0, 16), PaddingMode.None);
        if (plain.Length == 0)
        {
            throw new GoFunctionException("runtime error: index out of range [-1]");
        }

        var pad = plain[^1];
        if (pad > plain.Length)
        {
            throw new GoFunctionException($"runtime error: slice bounds out of range [:{plain.Length - pad}]");
        }

        return GoBytes.ToText(plain.AsSpan(0, plain.Length - pad));
    }

    private static byte[] AesKey(string password)
    {
        var key = new byte[32];
        var bytes = GoBytes.Of(password);
        Array.Copy(bytes, key, Math.Min(bytes.Length, 32));
        return key;
    }

    private static string RandomString(int count, string alphabet)
    {
        if (count < 0)
        {
            throw new GoFunctionException("Requested random string length is negative");
        }

        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Shuffle(string s)
    {
        var runes = s.EnumerateRunes().ToArray();
        RandomNumberGenerator.Shuffle(runes.AsSpan());
        return string.Concat(runes.Select(r => r.ToString()));
    }

    private static string Htpasswd(string user, string password)
    {
        if (user.Contains(':', StringComparison.Ordinal))
        {
            return "invalid username: " + user;
        }

        return user + ":" + GoBcrypt.Hash(GoBytes.Of(password));
    }

    internal static string Dotted(IPAddress address) => address.ToString();

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
