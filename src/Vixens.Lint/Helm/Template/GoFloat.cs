using System.Globalization;
using System.Numerics;
using System.Text;

namespace Vixens.Lint.Helm.Template;

/// <summary>
/// Go's <c>strconv.FormatFloat</c> for float64 with the formats fmt uses ('e', 'E', 'f', 'g', 'G'), including the
/// shortest round-trip form (precision -1) that <c>%v</c> prints: <c>1e+06</c>, <c>3.5</c>, <c>1e-05</c>.
/// </summary>
/// <remarks>
/// Digits come from the exact binary value: the shortest form from .NET's round-trip formatting (the same shortest
/// digits as Go's Ryū), fixed precisions by exact decimal expansion with round-half-even, as strconv does.
/// </remarks>
internal static class GoFloat
{
    /// <summary>Formats <paramref name="value"/> as <c>strconv.FormatFloat(value, fmt, prec, 64)</c>.</summary>
    public static string Format(double value, char fmt, int prec)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var abs = Math.Abs(value);
        var sb = new StringBuilder(24);
        if (negative)
        {
            sb.Append('-');
        }

        var shortest = prec < 0;
        Decimal digits;
        if (shortest)
        {
            digits = Shortest(abs);
        }
        else
        {
            switch (fmt)
            {
                case 'e':
                case 'E':
                    digits = Rounded(abs, significant: prec + 1, fractional: null);
                    break;
                case 'f':
                    digits = Rounded(abs, significant: null, fractional: prec);
                    break;
                default:
                    digits = Rounded(abs, significant: prec == 0 ? 1 : prec, fractional: null);
                    break;
            }
        }

        switch (fmt)
        {
            case 'e':
            case 'E':
                AppendE(sb, digits, shortest ? Math.Max(digits.Count - 1, 0) : prec, fmt);
                break;
            case 'f':
                AppendF(sb, digits, shortest ? Math.Max(digits.Count - digits.Point, 0) : prec);
                break;
            default:
                AppendG(sb, digits, shortest, prec, fmt == 'G' ? 'E' : 'e');
                break;
        }

        return sb.ToString();
    }

    private static void AppendG(StringBuilder sb, Decimal digits, bool shortest, int prec, char expChar)
    {
        var eprec = prec;
        if (eprec > digits.Count && digits.Count >= digits.Point)
        {
            eprec = digits.Count;
        }

        if (shortest)
        {
            eprec = 6;
        }

        var exp = digits.Point - 1;
        if (exp < -4 || exp >= eprec)
        {
            var p = shortest ? digits.Count : prec;
            if (p > digits.Count)
            {
                p = digits.Count;
            }

            AppendE(sb, digits, Math.Max(p - 1, 0), expChar);
            return;
        }

        var fp = shortest ? digits.Count : prec;
        if (fp > digits.Point)
        {
            fp = digits.Count;
        }

        AppendF(sb, digits, Math.Max(fp - digits.Point, 0));
    }

    private static void AppendE(StringBuilder sb, Decimal digits, int prec, char expChar)
    {
        sb.Append(digits.Count == 0 ? '0' : digits.Text[0]);
        if (prec > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= prec; i++)
            {
                sb.Append(i < digits.Count ? digits.Text[i] : '0');
            }
        }

        sb.Append(expChar);
        var exp = digits.Count == 0 ? 0 : digits.Point - 1;
        sb.Append(exp < 0 ? '-' : '+');
        exp = Math.Abs(exp);
        if (exp < 10)
        {
            sb.Append('0');
        }

        sb.Append(exp.ToString(CultureInfo.InvariantCulture));
    }

    private static void AppendF(StringBuilder sb, Decimal digits, int prec)
    {
        if (digits.Point > 0)
        {
            for (var i = 0; i < digits.Point; i++)
            {
                sb.Append(i < digits.Count ? digits.Text[i] : '0');
            }
        }
        else
        {
            sb.Append('0');
        }

        if (prec > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= prec; i++)
            {
                var j = digits.Point + i - 1;
                sb.Append(j >= 0 && j < digits.Count ? digits.Text[j] : '0');
            }
        }
    }

    /// <summary>The shortest digits that read back as <paramref name="abs"/>; no trailing zeros.</summary>
    private static Decimal Shortest(double abs)
    {
        if (abs == 0)
        {
            return new Decimal(string.Empty, 0);
        }

        // "R" gives the shortest round-trip digits in either plain or exponent form; normalise to digits + point.
        return ParseDecimal(abs.ToString("R", CultureInfo.InvariantCulture));
    }

    private static Decimal ParseDecimal(string text)
    {
        var exp = 0;
        var e = text.IndexOfAny(['E', 'e']);
        var mantissa = text;
        if (e >= 0)
        {
            exp = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = text[..e];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var all = intPart + fracPart;
        var point = intPart.Length + exp;
        var start = 0;
        while (start < all.Length && all[start] == '0')
        {
            start++;
            point--;
        }

        var end = all.Length;
        while (end > start && all[end - 1] == '0')
        {
            end--;
        }

        if (start == end)
        {
            return new Decimal(string.Empty, 0);
        }

        return new Decimal(all[start..end], point);
    }

    /// <summary>
    /// The exact decimal value of <paramref name="abs"/> rounded half-to-even to a number of significant digits or of
    /// fractional digits; trailing zeros removed.
    /// </summary>
    private static Decimal Rounded(double abs, int? significant, int? fractional)
    {
        if (abs == 0)
        {
            return new Decimal(string.Empty, 0);
        }

        var exact = Exact(abs);
        int keep;
        if (significant is int s)
        {
            keep = s;
        }
        else
        {
            keep = exact.Point + fractional!.Value;
        }

        if (keep < 0)
        {
            return new Decimal(string.Empty, 0);
        }

        if (keep >= exact.Count)
        {
            return exact;
        }

        var text = exact.Text;
        bool roundUp;
        var next = keep < text.Length ? text[keep] : '0';
        if (next > '5')
        {
            roundUp = true;
        }
        else if (next < '5')
        {
            roundUp = false;
        }
        else
        {
            // Exactly half only when nothing non-zero follows the 5 (exact holds no trailing zeros).
            var moreAfter = keep + 1 < text.Length;
            roundUp = moreAfter || (keep > 0 && (text[keep - 1] - '0') % 2 == 1);
        }

        var kept = new StringBuilder(text, 0, keep, keep + 1);
        var point = exact.Point;
        if (roundUp)
        {
            var i = keep - 1;
            while (i >= 0 && kept[i] == '9')
            {
                kept[i] = '0';
                i--;
            }

            if (i >= 0)
            {
                kept[i]++;
            }
            else
            {
                kept.Insert(0, '1');
                point++;
            }
        }

        var result = kept.ToString().TrimEnd('0');
        return result.Length == 0 ? new Decimal(string.Empty, 0) : new Decimal(result, point);
    }

    /// <summary>All the decimal digits of a finite positive double (at most ~770 digits).</summary>
    private static Decimal Exact(double abs)
    {
        var bits = BitConverter.DoubleToInt64Bits(abs);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        string text;
        int point;
        if (exponent >= 0)
        {
            text = (new BigInteger(mantissa) << exponent).ToString(CultureInfo.InvariantCulture);
            point = text.Length;
        }
        else
        {
            // mantissa / 2^-e = mantissa * 5^-e / 10^-e
            var scaled = new BigInteger(mantissa) * BigInteger.Pow(5, -exponent);
            text = scaled.ToString(CultureInfo.InvariantCulture);
            point = text.Length + exponent;
        }

        return ParseDecimal(text.Length == 0 ? "0" : text + "E" + (point - text.Length).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Decimal digits (no leading or trailing zeros) with the decimal point after <see cref="Point"/> digits.</summary>
    private readonly record struct Decimal(string Text, int Point)
    {
        public int Count => Text.Length;
    }
}
