using System.Globalization;
using System.Numerics;
using System.Text;

namespace Vixens.Lint.Helm.Template;

/// <summary>Prints one operand for one verb as Go's fmt does (the <c>pp.printArg</c>/<c>printValue</c> behaviour).</summary>
internal readonly struct GoValuePrinter
{
    private const string NilAngle = "<nil>";
    private readonly StringBuilder _sb;
    private readonly FmtFlags _f;
    private readonly bool _dereference;

    public GoValuePrinter(StringBuilder sb, FmtFlags flags, bool dereference = false)
    {
        _sb = sb;
        _f = flags;
        _dereference = dereference;
    }

    public void Print(object? arg, int verb) => Print(arg, verb, depth: 0);

    private void Print(object? arg, int verb, int depth)
    {
        if (arg is null)
        {
            if (depth > 0)
            {
                // A nil interface element prints the same whatever the verb.
                Pad(_f.SharpV ? "interface {}(nil)" : NilAngle);
                return;
            }

            if (verb is 'T' or 'v')
            {
                Pad(NilAngle);
            }
            else
            {
                BadVerb(null, verb);
            }

            return;
        }

        if (verb == 'T' && depth == 0)
        {
            FormatString(GoValues.TypeName(arg), 's');
            return;
        }

        switch (arg)
        {
            case bool b:
                if (verb is 't' or 'v')
                {
                    Pad(b ? "true" : "false");
                }
                else
                {
                    BadVerb(arg, verb);
                }

                break;
            case int n:
                FormatInteger(arg, n, verb);
                break;
            case long l:
                FormatInteger(arg, l, verb);
                break;
            case double d:
                FormatFloat(arg, d, verb);
                break;
            case Complex c:
                FormatComplex(arg, c, verb);
                break;
            case string s:
                FormatStringVerb(arg, s, verb);
                break;
            case byte[] bytes:
                FormatBytes(bytes, verb, depth);
                break;
            case IGoObject obj:
                PrintObject(obj, verb, depth);
                break;
            case List<string> strings:
                PrintList(strings.Select(static s => (object?)s), "[]string", verb, depth);
                break;
            case IList<object?> list:
                PrintList(list, GoValues.TypeName(list), verb, depth);
                break;
            case IDictionary<string, string> sm:
                PrintMap(GoValues.SortedEntries(sm).Select(static kv => new KeyValuePair<string, object?>(kv.Key, kv.Value)), "map[string]string", verb, depth);
                break;
            case IDictionary<string, object?> m:
                PrintMap(GoValues.SortedEntries(m), GoValues.TypeName(m), verb, depth);
                break;
            case GoFunction:
                Pad("0x1");
                break;
            default:
                Pad(Convert.ToString(arg, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private void PrintObject(IGoObject obj, int verb, int depth)
    {
        if (!_f.SharpV && verb is 'v' or 's' or 'x' or 'X' or 'q' && obj.TryGetMethod("String", out var stringer)
            && stringer is not null && stringer.Parameters.Count == 0 && stringer.Variadic is null)
        {
            FormatStringVerb(obj, stringer.Invoke([]) as string ?? string.Empty, verb);
            return;
        }

        if (obj.IsPointer)
        {
            if (depth == 0)
            {
                if (!_dereference)
                {
                    _sb.Append('&');
                }
            }
            else
            {
                // Go prints the address of a nested pointer; an address means nothing here, so print a stable one.
                Pad("0xc000000000");
                return;
            }
        }

        if (_f.SharpV)
        {
            _sb.Append(obj.GoTypeName.TrimStart('*'));
        }

        _sb.Append('{');
        var first = true;
        foreach (var (name, value) in obj.Fields)
        {
            if (!first)
            {
                _sb.Append(_f.SharpV ? ", " : " ");
            }

            first = false;
            if (_f.PlusV || _f.SharpV)
            {
                _sb.Append(name).Append(':');
            }

            Print(value, verb, depth + 1);
        }

        _sb.Append('}');
    }

    private void PrintList(IEnumerable<object?> items, string typeName, int verb, int depth)
    {
        if (_f.SharpV)
        {
            _sb.Append(typeName).Append('{');
            var firstSharp = true;
            foreach (var item in items)
            {
                if (!firstSharp)
                {
                    _sb.Append(", ");
                }

                firstSharp = false;
                Print(item, verb, depth + 1);
            }

            _sb.Append('}');
            return;
        }

        _sb.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                _sb.Append(' ');
            }

            first = false;
            Print(item, verb, depth + 1);
        }

        _sb.Append(']');
    }

    private void PrintMap(IEnumerable<KeyValuePair<string, object?>> entries, string typeName, int verb, int depth)
    {
        _sb.Append(_f.SharpV ? typeName + "{" : "map[");
        var first = true;
        foreach (var (key, value) in entries)
        {
            if (!first)
            {
                _sb.Append(_f.SharpV ? ", " : " ");
            }

            first = false;
            Print(key, verb, depth + 1);
            _sb.Append(':');
            Print(value, verb, depth + 1);
        }

        _sb.Append(_f.SharpV ? '}' : ']');
    }

    private void FormatBytes(byte[] bytes, int verb, int depth)
    {
        switch (verb)
        {
            case 'v' or 'd':
                if (_f.SharpV)
                {
                    _sb.Append("[]byte{");
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        if (i > 0)
                        {
                            _sb.Append(", ");
                        }

                        _sb.Append("0x").Append(bytes[i].ToString("x", CultureInfo.InvariantCulture));
                    }

                    _sb.Append('}');
                    return;
                }

                _sb.Append('[');
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append(' ');
                    }

                    FormatInteger((int)bytes[i], bytes[i], verb);
                }

                _sb.Append(']');
                return;
            case 's' or 'q' or 'x' or 'X':
                FormatString(Encoding.UTF8.GetString(bytes), verb, bytes);
                return;
            default:
                _ = depth;
                PrintList(bytes.Select(static b => (object?)(int)b), "[]uint8", verb, depth);
                return;
        }
    }

    private void FormatStringVerb(object arg, string s, int verb)
    {
        switch (verb)
        {
            case 'v':
                if (_f.SharpV)
                {
                    FormatString(s, 'q');
                }
                else
                {
                    FormatString(s, 's');
                }

                break;
            case 's' or 'x' or 'X' or 'q':
                FormatString(s, verb);
                break;
            default:
                BadVerb(arg, verb);
                break;
        }
    }

    private void FormatString(string s, int verb, byte[]? raw = null)
    {
        switch (verb)
        {
            case 's':
                if (_f.Precision is int p)
                {
                    s = TruncateRunes(s, p);
                }

                Pad(s);
                break;
            case 'q':
                if (_f.Precision is int pq)
                {
                    s = TruncateRunes(s, pq);
                }

                Pad(_f.Sharp && GoQuote.CanBackquote(s) ? "`" + s + "`" : GoQuote.Quote(s, asciiOnly: _f.Plus));
                break;
            default:
                var bytes = raw ?? Encoding.UTF8.GetBytes(s);
                var length = _f.Precision is int px && px < bytes.Length ? px : bytes.Length;
                var hex = new StringBuilder(length * 3);
                var digits = verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
                for (var i = 0; i < length; i++)
                {
                    if (_f.Space && i > 0)
                    {
                        hex.Append(' ');
                    }

                    if (_f.Sharp && (_f.Space || i == 0))
                    {
                        hex.Append('0').Append(verb == 'X' ? 'X' : 'x');
                    }

                    hex.Append(digits[bytes[i] >> 4]).Append(digits[bytes[i] & 0xF]);
                }

                Pad(hex.ToString());
                break;
        }
    }

    private static string TruncateRunes(string s, int runes)
    {
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (count == runes)
            {
                return s[..i];
            }

            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            count++;
        }

        return s;
    }

    private void FormatInteger(object arg, long value, int verb)
    {
        switch (verb)
        {
            case 'v' or 'd':
                Integer(value, 10, verb, "0123456789abcdef");
                break;
            case 'b':
                Integer(value, 2, verb, "01");
                break;
            case 'o' or 'O':
                Integer(value, 8, verb, "01234567");
                break;
            case 'x':
                Integer(value, 16, verb, "0123456789abcdef");
                break;
            case 'X':
                Integer(value, 16, verb, "0123456789ABCDEF");
                break;
            case 'c':
                Pad(RuneString(value));
                break;
            case 'q':
                Pad(GoQuote.QuoteRune(value is < 0 or > 0x10FFFF ? 0xFFFD : (int)value, _f.Plus));
                break;
            case 'U':
                Unicode(value);
                break;
            default:
                BadVerb(arg, verb);
                break;
        }
    }

    private static string RuneString(long value)
    {
        var r = value is < 0 or > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF ? 0xFFFD : (int)value;
        return char.ConvertFromUtf32(r);
    }

    private void Unicode(long value)
    {
        var sb = new StringBuilder("U+");
        var hex = ((ulong)value).ToString("X", CultureInfo.InvariantCulture);
        var prec = _f.Precision is int p && p > 4 ? p : 4;
        sb.Append('0', Math.Max(0, prec - hex.Length)).Append(hex);
        if (_f.Sharp && value is >= 0 and <= 0x10FFFF && GoQuote.IsPrint((int)value))
        {
            sb.Append(" '").Append(char.ConvertFromUtf32((int)value)).Append('\'');
        }

        PadNoZero(sb.ToString());
    }

    private void Integer(long value, int radix, int verb, string digits)
    {
        var negative = value < 0;
        var u = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var prec = 0;
        var precPresent = _f.Precision.HasValue;
        if (precPresent)
        {
            prec = _f.Precision!.Value;
            if (prec == 0 && value == 0)
            {
                PadNoZero(string.Empty);
                return;
            }
        }
        else if (_f.Zero && _f.Width is int w)
        {
            prec = w;
            if (negative || _f.Plus || _f.Space)
            {
                prec--;
            }
        }

        var buf = new StringBuilder();
        do
        {
            buf.Insert(0, digits[(int)(u % (ulong)radix)]);
            u /= (ulong)radix;
        }
        while (u > 0);

        while (buf.Length < prec)
        {
            buf.Insert(0, '0');
        }

        if (_f.Sharp)
        {
            switch (radix)
            {
                case 2:
                    buf.Insert(0, "0b");
                    break;
                case 8:
                    if (buf[0] != '0')
                    {
                        buf.Insert(0, '0');
                    }

                    break;
                case 16:
                    buf.Insert(0, verb == 'X' ? "0X" : "0x");
                    break;
            }
        }

        if (verb == 'O')
        {
            buf.Insert(0, "0o");
        }

        if (negative)
        {
            buf.Insert(0, '-');
        }
        else if (_f.Plus)
        {
            buf.Insert(0, '+');
        }
        else if (_f.Space)
        {
            buf.Insert(0, ' ');
        }

        PadNoZero(buf.ToString());
    }

    private void FormatFloat(object arg, double value, int verb)
    {
        switch (verb)
        {
            case 'v':
                Float(value, 'g', -1);
                break;
            case 'b' or 'g' or 'G' or 'x' or 'X':
                Float(value, (char)verb, -1);
                break;
            case 'f' or 'e' or 'E':
                Float(value, (char)verb, 6);
                break;
            case 'F':
                Float(value, 'f', 6);
                break;
            default:
                BadVerb(arg, verb);
                break;
        }
    }

    private void FormatComplex(object arg, Complex value, int verb)
    {
        if (verb is not ('v' or 'b' or 'g' or 'G' or 'x' or 'X' or 'f' or 'F' or 'e' or 'E'))
        {
            BadVerb(arg, verb);
            return;
        }

        _sb.Append('(');
        FormatFloat(arg, value.Real, verb);
        var plus = _f;
        plus.Plus = true;
        new GoValuePrinter(_sb, plus).FormatFloat(arg, value.Imaginary, verb);
        _sb.Append("i)");
    }

    private void Float(double value, char verb, int defaultPrec)
    {
        var prec = _f.Precision ?? defaultPrec;
        string num = verb is 'x' or 'X' ? GoHexFloat.Format(value, prec, verb == 'X') : verb == 'b' ? GoHexFloat.Binary(value) : GoFloat.Format(value, verb, prec);
        if (num[0] is '-' or '+')
        {
            // keep
        }
        else
        {
            num = "+" + num;
        }

        if (_f.Space && num[0] == '+' && !_f.Plus)
        {
            num = " " + num[1..];
        }

        if (num[1] is 'I' or 'N')
        {
            if (num[1] == 'N' && !_f.Space && !_f.Plus)
            {
                num = num[1..];
            }

            PadNoZero(num);
            return;
        }

        if (_f.Sharp && verb != 'b')
        {
            num = GoHexFloat.ApplySharp(num, verb, prec);
        }

        if (_f.Plus || num[0] != '+')
        {
            if (_f.Zero && _f.Width is int w && w > num.Length)
            {
                _sb.Append(num[0]).Append('0', w - num.Length).Append(num, 1, num.Length - 1);
                return;
            }

            Pad(num);
            return;
        }

        Pad(num[1..]);
    }

    private void BadVerb(object? arg, int verb)
    {
        _sb.Append("%!");
        GoFormatParser.AppendRune(_sb, verb);
        _sb.Append('(');
        if (arg is not null)
        {
            _sb.Append(GoValues.TypeName(arg)).Append('=');
            new GoValuePrinter(_sb, _f).Print(arg, 'v');
        }
        else
        {
            _sb.Append(NilAngle);
        }

        _sb.Append(')');
    }

    private void PadNoZero(string s)
    {
        var f = _f;
        f.Zero = false;
        new GoValuePrinter(_sb, f).Pad(s);
    }

    private void Pad(string s)
    {
        if (_f.Width is not int width || width == 0)
        {
            _sb.Append(s);
            return;
        }

        var runes = CountRunes(s);
        var padding = width - runes;
        if (padding <= 0)
        {
            _sb.Append(s);
            return;
        }

        if (_f.Minus)
        {
            _sb.Append(s).Append(' ', padding);
        }
        else
        {
            _sb.Append(_f.Zero ? '0' : ' ', padding).Append(s);
        }
    }

    private static int CountRunes(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsLowSurrogate(s[i]))
            {
                n++;
            }
        }

        return n;
    }
}
