using System.Globalization;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// How go-yaml v2 types a plain scalar (YAML 1.1 booleans and nulls, Go's base-prefixed integers, floats of its
/// <c>yamlStyleFloat</c> form) and what is left of it once sigs.k8s.io/yaml has sent it through JSON.
/// </summary>
internal static class GoYamlScalars
{
    /// <summary>A resolved scalar: its go-yaml kind and value (ints as <see cref="long"/>, uints as <see cref="ulong"/>).</summary>
    public readonly record struct Resolved(ScalarKind Kind, object? Value);

    public enum ScalarKind
    {
        String,
        Null,
        Bool,
        Int,
        Float,
    }

    private static readonly Dictionary<string, Resolved> Words = BuildWords();

    /// <summary>Resolves a plain (unquoted, untagged) scalar as go-yaml v2 does for an <c>interface{}</c> target.</summary>
    public static Resolved ResolvePlain(string text)
    {
        if (text.Length == 0)
        {
            return new Resolved(ScalarKind.Null, null);
        }

        var first = text[0];
        if (Words.TryGetValue(text, out var word))
        {
            return word;
        }

        if (first == '.')
        {
            return IsYamlStyleFloat(text) && TryParseFloat(text, out var f) ? new Resolved(ScalarKind.Float, f) : Str(text);
        }

        if (first is not ('+' or '-') && !char.IsAsciiDigit(first))
        {
            return Str(text);
        }

        // go-yaml drops every underscore before trying the number forms.
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (TryParseGoInt(plain, out var integer))
        {
            return new Resolved(ScalarKind.Int, integer);
        }

        if (TryParseGoUint(plain, out var unsigned))
        {
            return new Resolved(ScalarKind.Int, unsigned);
        }

        if (IsYamlStyleFloat(plain) && TryParseFloat(plain, out var number))
        {
            return new Resolved(ScalarKind.Float, number);
        }

        if (plain.StartsWith("0b", StringComparison.Ordinal) && TryParseDigits(plain[2..], 2, out var b) && b <= long.MaxValue)
        {
            return new Resolved(ScalarKind.Int, (long)b);
        }

        if (plain.StartsWith("-0b", StringComparison.Ordinal) && TryParseDigits(plain[3..], 2, out var nb) && nb <= (ulong)long.MaxValue + 1)
        {
            return new Resolved(ScalarKind.Int, nb == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)nb);
        }

        return Str(text);
    }

    /// <summary>Whether a string would come back as something other than a string when written plain (go-yaml then quotes it).</summary>
    public static bool ResolvesToNonString(string text) => ResolvePlain(text).Kind != ScalarKind.String || IsTimestamp(text);

    /// <summary>
    /// go-yaml v2's timestamps (<c>2006-1-2</c>, with <c>T</c>/<c>t</c> and a zone, or a space and no zone): read back as
    /// strings into <c>interface{}</c>, but quoted on output so that other readers do not take them for times.
    /// </summary>
    public static bool IsTimestamp(string s)
    {
        var i = 0;
        if (!Number(s, ref i, 4, 4, out var year) || !Expect(s, ref i, '-') || !Number(s, ref i, 1, 2, out var month) ||
            !Expect(s, ref i, '-') || !Number(s, ref i, 1, 2, out var day))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
        {
            return false;
        }

        if (i == s.Length)
        {
            return true;
        }

        var separator = s[i++];
        if (separator is not ('T' or 't' or ' ') || !Number(s, ref i, 1, 2, out var hour) || !Expect(s, ref i, ':') ||
            !Number(s, ref i, 1, 2, out var minute) || !Expect(s, ref i, ':') || !Number(s, ref i, 1, 2, out var second) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (!Number(s, ref i, 1, 9, out _))
            {
                return false;
            }
        }

        if (separator == ' ')
        {
            return i == s.Length;
        }

        if (i < s.Length && s[i] == 'Z')
        {
            return i + 1 == s.Length;
        }

        return i < s.Length && s[i] is '+' or '-' && ++i > 0 && Number(s, ref i, 2, 2, out var zh) && Expect(s, ref i, ':') &&
               Number(s, ref i, 2, 2, out var zm) && zh < 24 && zm < 60 && i == s.Length;
    }

    private static bool Number(string s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i]))
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i - start >= min;
    }

    private static bool Expect(string s, ref int i, char c)
    {
        if (i < s.Length && s[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    /// <summary>YAML 1.1's sexagesimal floats (<c>1:20</c>), which go-yaml still quotes on output.</summary>
    public static bool IsBase60Float(string s)
    {
        if (s.Length == 0 || !(s[0] is '+' or '-' || char.IsAsciiDigit(s[0])) || !s.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
        var i = 0;
        if (s[i] is '+' or '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '_'))
        {
            i++;
        }

        var groups = 0;
        while (i < s.Length && s[i] == ':')
        {
            i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 2)
            {
                i++;
            }

            var len = i - start;
            if (len == 0 || (len == 2 && s[start] > '5'))
            {
                return false;
            }

            groups++;
        }

        if (groups == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '_'))
            {
                i++;
            }
        }

        return i == s.Length;
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>: optional sign, then 0x/0o/0b prefixes or a leading 0 for octal.</summary>
    public static bool TryParseGoInt(string s, out long value)
    {
        value = 0;
        if (!TrySplitSign(s, out var negative, out var body) || !TryParseBase0(body, out var magnitude))
        {
            return false;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            value = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    private static bool TryParseGoUint(string s, out ulong value)
    {
        value = 0;
        if (s.StartsWith('+') || s.StartsWith('-'))
        {
            return false;
        }

        return TryParseBase0(s, out value);
    }

    private static bool TrySplitSign(string s, out bool negative, out string body)
    {
        negative = s.StartsWith('-');
        body = s.StartsWith('-') || s.StartsWith('+') ? s[1..] : s;
        return body.Length > 0;
    }

    private static bool TryParseBase0(string s, out ulong value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        if (s.Length >= 2 && s[0] == '0')
        {
            switch (char.ToLowerInvariant(s[1]))
            {
                case 'x':
                    return TryParseDigits(s[2..], 16, out value);
                case 'o':
                    return TryParseDigits(s[2..], 8, out value);
                case 'b':
                    return TryParseDigits(s[2..], 2, out value);
                default:
                    return TryParseDigits(s[1..], 8, out value);
            }
        }

        return TryParseDigits(s, 10, out value);
    }

    private static bool TryParseDigits(string s, int radix, out ulong value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
            {
                return false;
            }

            if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                return false;
            }

            value = (value * (ulong)radix) + (ulong)d;
        }

        return true;
    }

    /// <summary>go-yaml's <c>^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$</c>.</summary>
    private static bool IsYamlStyleFloat(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        var intDigits = CountDigits(s, ref i);
        if (intDigits == 0)
        {
            if (i >= s.Length || s[i] != '.')
            {
                return false;
            }

            i++;
            if (CountDigits(s, ref i) == 0)
            {
                return false;
            }
        }
        else if (i < s.Length && s[i] == '.')
        {
            i++;
            CountDigits(s, ref i);
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(s, ref i) == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static int CountDigits(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>Go's ParseFloat fails with a range error (and go-yaml then keeps the text) where .NET would give infinity.</summary>
    private static bool TryParseFloat(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value);

    private static Resolved Str(string text) => new(ScalarKind.String, text);

    private static Dictionary<string, Resolved> BuildWords()
    {
        var words = new Dictionary<string, Resolved>(StringComparer.Ordinal);
        void Add(Resolved r, params string[] texts)
        {
            foreach (var t in texts)
            {
                words[t] = r;
            }
        }

        Add(new Resolved(ScalarKind.Bool, true), "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
        Add(new Resolved(ScalarKind.Bool, false), "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
        Add(new Resolved(ScalarKind.Null, null), "~", "null", "Null", "NULL");
        Add(new Resolved(ScalarKind.Float, double.NaN), ".nan", ".NaN", ".NAN");
        Add(new Resolved(ScalarKind.Float, double.PositiveInfinity), ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        Add(new Resolved(ScalarKind.Float, double.NegativeInfinity), "-.inf", "-.Inf", "-.INF");
        return words;
    }
}
