using System.Globalization;
using System.Text;

namespace Vixens.Lint.Helm.Template;

/// <summary>The rarer float forms of Go's fmt: hexadecimal (<c>%x</c>: <c>0x1.cp+01</c>), binary (<c>%b</c>) and the <c>#</c> flag.</summary>
internal static class GoHexFloat
{
    public static string Format(double value, int prec, bool upper)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var sb = new StringBuilder();
        if (value < 0 || (value == 0 && double.IsNegative(value)))
        {
            sb.Append('-');
        }

        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exp = (int)((bits >> 52) & 0x7FF);
        var mant = (ulong)(bits & 0xFFFFFFFFFFFFFL);
        if (exp == 0 && mant == 0)
        {
            exp = 0;
        }
        else if (exp == 0)
        {
            exp = -1022;
            while ((mant & (1UL << 52)) == 0)
            {
                mant <<= 1;
                exp--;
            }
        }
        else
        {
            mant |= 1UL << 52;
            exp -= 1023;
        }

        // Fraction: 52 bits = 13 hex digits after the leading 1.
        var frac = mant & 0xFFFFFFFFFFFFFUL;
        var digits = frac.ToString("x13", CultureInfo.InvariantCulture);
        var lead = mant == 0 ? '0' : '1';
        if (prec < 0)
        {
            digits = digits.TrimEnd('0');
        }
        else if (prec < 13)
        {
            // Round half to even at the requested hex digit.
            var shift = (13 - prec) * 4;
            var full = mant;
            var half = 1UL << (shift - 1);
            var rem = full & ((1UL << shift) - 1);
            full >>= shift;
            if (rem > half || (rem == half && (full & 1) == 1))
            {
                full++;
            }

            if (full >> (prec * 4) > 1)
            {
                full >>= 1;
                exp++;
            }

            lead = (char)('0' + (int)(full >> (prec * 4)));
            digits = prec == 0 ? string.Empty : (full & ((1UL << (prec * 4)) - 1)).ToString("x" + prec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        else
        {
            digits = digits.PadRight(prec, '0');
        }

        sb.Append("0x").Append(lead);
        if (digits.Length > 0)
        {
            sb.Append('.').Append(digits);
        }

        sb.Append('p').Append(exp < 0 ? '-' : '+');
        var e = Math.Abs(exp);
        if (e < 10)
        {
            sb.Append('0');
        }

        sb.Append(e.ToString(CultureInfo.InvariantCulture));
        var text = sb.ToString();
        return upper ? text.ToUpperInvariant() : text;
    }

    public static string Binary(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exp = (int)((bits >> 52) & 0x7FF);
        var mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0)
        {
            exp++;
        }
        else
        {
            mant |= 1L << 52;
        }

        exp -= 1075;
        var sign = bits < 0 ? "-" : string.Empty;
        return sign + mant.ToString(CultureInfo.InvariantCulture) + "p" + (exp >= 0 ? "+" : "-") + Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>#</c> flag: always a decimal point; <c>%#g</c> keeps trailing zeros up to the precision.</summary>
    public static string ApplySharp(string num, char verb, int prec)
    {
        if (verb is 'x' or 'X')
        {
            return num;
        }

        var expAt = num.IndexOfAny(['e', 'E', 'p', 'P']);
        var mantissa = expAt >= 0 ? num[..expAt] : num;
        var tail = expAt >= 0 ? num[expAt..] : string.Empty;
        if (verb is 'g' or 'G')
        {
            var digits = prec < 0 ? 6 : prec == 0 ? 1 : prec;
            var significant = 0;
            var seenNonZero = false;
            foreach (var c in mantissa)
            {
                if (c is >= '0' and <= '9')
                {
                    if (c != '0')
                    {
                        seenNonZero = true;
                    }

                    if (seenNonZero)
                    {
                        significant++;
                    }
                }
            }

            if (!seenNonZero)
            {
                significant = 1;
            }

            if (!mantissa.Contains('.', StringComparison.Ordinal))
            {
                mantissa += ".";
            }

            mantissa += new string('0', Math.Max(0, digits - significant));
            return mantissa + tail;
        }

        return mantissa.Contains('.', StringComparison.Ordinal) ? num : mantissa + "." + tail;
    }
}
