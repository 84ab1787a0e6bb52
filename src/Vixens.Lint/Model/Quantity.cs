using System.Globalization;
using System.Numerics;
using System.Text;

namespace Vixens.Lint.Model;

/// <summary>How a quantity is written, which decides how the API server prints it back (apimachinery's <c>Format</c>).</summary>
public enum QuantityFormat
{
    /// <summary>Decimal SI suffixes (<c>n u m "" k M G T P E</c>), and plain numbers.</summary>
    DecimalSI,

    /// <summary>Binary suffixes (<c>Ki Mi Gi Ti Pi Ei</c>).</summary>
    BinarySI,

    /// <summary>A decimal exponent (<c>1e3</c>, <c>5E-3</c>).</summary>
    DecimalExponent,
}

/// <summary>
/// A Kubernetes <c>resource.Quantity</c>: parsed, compared and printed in the canonical form the API server stores
/// (what <c>resource.MustParse(x).String()</c> returns). Values are kept exactly, in nano-units, as the API server
/// rounds anything finer than <c>1n</c> up to <c>1n</c> and caps magnitudes at 2^63-1.
/// </summary>
/// <remarks>
/// Canonical form, as documented for apimachinery's Quantity: the suffix family (decimal, binary, exponent) is kept;
/// a binary quantity whose value is below 1024 in magnitude or not a whole number is printed as decimal SI; a decimal
/// quantity is printed with the largest exponent that is a multiple of 3 and keeps the mantissa a whole number
/// (<c>1000m</c> → <c>1</c>, <c>0.5</c> → <c>500m</c>, <c>1500</c> → <c>1500</c>); a binary one with the largest power
/// of 1024 that divides it (<c>1024Mi</c> → <c>1Gi</c>, <c>1536Mi</c> → <c>1536Mi</c>).
/// </remarks>
public sealed class Quantity : IComparable<Quantity>, IEquatable<Quantity>
{
    private static readonly BigInteger NanosPerUnit = BigInteger.Pow(10, 9);
    private static readonly BigInteger MaxNanos = new BigInteger(long.MaxValue) * NanosPerUnit;
    private static readonly string[] DecimalSuffixes = ["n", "u", "m", string.Empty, "k", "M", "G", "T", "P", "E"];
    private static readonly string[] BinarySuffixes = [string.Empty, "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private Quantity(BigInteger nanos, QuantityFormat format, string text)
    {
        Nanos = nanos;
        Format = format;
        Text = text;
    }

    /// <summary>The value times 10^9, exactly (after the API server's round-up to 1n).</summary>
    public BigInteger Nanos { get; }

    public QuantityFormat Format { get; }

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>The value in milli-units, rounded up (what <c>MilliValue()</c> returns for CPU).</summary>
    public BigInteger MilliValue => CeilingDivide(Nanos, 1_000_000);

    /// <summary>The value in whole units, rounded up (what <c>Value()</c> returns for bytes).</summary>
    public BigInteger Value => CeilingDivide(Nanos, NanosPerUnit);

    /// <summary>True when the text is already what the API server would store.</summary>
    public bool IsCanonical => string.Equals(Text, ToCanonicalString(), StringComparison.Ordinal);

    public static Quantity Parse(string text) =>
        TryParse(text, out var quantity) ? quantity : throw new FormatException($"'{text}' is not a Kubernetes quantity.");

    /// <summary>Parses <c>&lt;sign&gt;&lt;digits&gt;[.&lt;digits&gt;]&lt;suffix&gt;</c> as apimachinery does; false when the API server would reject it.</summary>
    public static bool TryParse(string? text, out Quantity quantity)
    {
        quantity = null!;
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            return false;
        }

        var pos = 0;
        var negative = false;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            pos++;
        }

        var digits = new StringBuilder();
        var fractionDigits = 0;
        var seenDot = false;
        for (; pos < text.Length; pos++)
        {
            var c = text[pos];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                if (seenDot)
                {
                    fractionDigits++;
                }
            }
            else if (c == '.' && !seenDot)
            {
                seenDot = true;
            }
            else
            {
                break;
            }
        }

        if (digits.Length == 0)
        {
            return false;
        }

        if (!TryReadSuffix(text[pos..], out var format, out var base10Exponent, out var base2Exponent))
        {
            return false;
        }

        // value = mantissa × 10^(exponent - fractionDigits) × 2^base2Exponent, held as nano-units (× 10^9), rounded up.
        var mantissa = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture) << base2Exponent;
        var scale = base10Exponent - fractionDigits + 9;
        BigInteger nanos;
        if (mantissa.IsZero)
        {
            nanos = BigInteger.Zero;
        }
        else if (scale >= 0)
        {
            nanos = scale > 40 ? MaxNanos : mantissa * BigInteger.Pow(10, scale);
        }
        else
        {
            nanos = -scale > 60 ? BigInteger.One : CeilingDivide(mantissa, BigInteger.Pow(10, -scale));
        }

        if (nanos > MaxNanos)
        {
            nanos = MaxNanos;
        }

        quantity = new Quantity(negative ? -nanos : nanos, format, text);
        return true;
    }

    /// <summary>The form the API server stores and returns; what ArgoCD compares Git against.</summary>
    public string ToCanonicalString()
    {
        if (Nanos.IsZero)
        {
            return "0";
        }

        var sign = Nanos.Sign < 0 ? "-" : string.Empty;
        var magnitude = BigInteger.Abs(Nanos);
        var format = Format;
        if (format == QuantityFormat.BinarySI && (magnitude < 1024 * NanosPerUnit || !(magnitude % NanosPerUnit).IsZero))
        {
            // Below 1Ki, or not a whole number of bytes: printed in decimal so nothing is rounded.
            format = QuantityFormat.DecimalSI;
        }

        if (format == QuantityFormat.BinarySI)
        {
            var amount = magnitude / NanosPerUnit;
            var power = 0;
            while (power < BinarySuffixes.Length - 1 && (amount % 1024).IsZero)
            {
                amount /= 1024;
                power++;
            }

            return sign + amount.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[power];
        }

        // Strip factors of ten, then lower the exponent to a multiple of three (the mantissa grows accordingly).
        var mantissa = magnitude;
        var exponent = -9;
        while ((mantissa % 10).IsZero)
        {
            mantissa /= 10;
            exponent++;
        }

        var remainder = ((exponent % 3) + 3) % 3;
        mantissa *= BigInteger.Pow(10, remainder);
        exponent -= remainder;

        var number = sign + mantissa.ToString(CultureInfo.InvariantCulture);
        if (format == QuantityFormat.DecimalExponent)
        {
            return exponent == 0 ? number : number + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        return number + DecimalSuffixes[(exponent + 9) / 3];
    }

    public override string ToString() => Text;

    public int CompareTo(Quantity? other) => other is null ? 1 : Nanos.CompareTo(other.Nanos);

    public bool Equals(Quantity? other) => other is not null && Nanos == other.Nanos;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    public override int GetHashCode() => Nanos.GetHashCode();

    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;

    public static bool operator ==(Quantity? left, Quantity? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Quantity? left, Quantity? right) => !(left == right);

    private static bool TryReadSuffix(string suffix, out QuantityFormat format, out int base10Exponent, out int base2Exponent)
    {
        format = QuantityFormat.DecimalSI;
        base10Exponent = 0;
        base2Exponent = 0;
        var decimalIndex = Array.IndexOf(DecimalSuffixes, suffix);
        if (decimalIndex >= 0)
        {
            base10Exponent = (decimalIndex * 3) - 9;
            return true;
        }

        var binaryIndex = Array.IndexOf(BinarySuffixes, suffix);
        if (binaryIndex > 0)
        {
            format = QuantityFormat.BinarySI;
            base2Exponent = binaryIndex * 10;
            return true;
        }

        // e<int> / E<int>: a decimal exponent (a bare "E" is exa, handled above).
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            var rest = suffix[1..];
            var digitsStart = rest[0] is '+' or '-' ? 1 : 0;
            if (rest.Length > digitsStart && rest.Length - digitsStart <= 4 && rest[digitsStart..].All(char.IsAsciiDigit)
                && int.TryParse(rest, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            {
                format = QuantityFormat.DecimalExponent;
                base10Exponent = exponent;
                return true;
            }
        }

        return false;
    }

    private static BigInteger CeilingDivide(BigInteger value, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(value, divisor, out var remainder);
        return remainder.Sign > 0 ? quotient + 1 : quotient;
    }
}
