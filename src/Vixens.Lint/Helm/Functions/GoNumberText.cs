using System.Globalization;
using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Go's ways of writing a float as text where the data functions need them: <c>strconv.FormatFloat(f, 'g', -1, 64|32)</c>
/// (go-yaml's scalars and keys) and encoding/json's float form. Both start from the shortest digits that read back
/// to the same value, which .NET's round-trip format also gives.
/// </summary>
internal static class GoNumberText
{
    /// <summary><c>strconv.FormatFloat(value, 'g', -1, 64)</c>: exponent form when the decimal exponent is below -4 or at least 6.</summary>
    public static string FormatG(double value) => FormatG(value, single: false);

    /// <summary><c>strconv.FormatFloat(value, 'g', -1, 32)</c>: the shortest digits of the float32 nearest the value.</summary>
    public static string FormatG32(double value) => FormatG(value, single: true);

    /// <summary>encoding/json's float64: plain digits between 1e-6 and 1e21, else exponent form with a one-digit minimum exponent.</summary>
    public static string FormatJson(double value)
    {
        var (negative, digits, point) = ShortestDigits(value, single: false);
        var abs = Math.Abs(value);
        var text = abs != 0 && (abs < 1e-6 || abs >= 1e21)
            ? Exponent(digits, point, minimumExponentDigits: 1)
            : Fixed(digits, point);
        return negative ? "-" + text : text;
    }

    private static string FormatG(double value, bool single)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var (negative, digits, point) = ShortestDigits(value, single);
        var exponent = point - 1;
        // With the shortest precision Go decides on the exponent form with a precision of 6, whatever the digit count.
        var text = exponent < -4 || exponent >= 6
            ? Exponent(digits, point, minimumExponentDigits: 2)
            : Fixed(digits, point);
        return negative ? "-" + text : text;
    }

    /// <summary>The shortest decimal digits (no leading or trailing zeros; "0" for zero) and the decimal point's position.</summary>
    private static (bool Negative, string Digits, int Point) ShortestDigits(double value, bool single)
    {
        var text = single
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : string.Empty;
        var all = intPart + fraction;
        var point = intPart.Length + exponent;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..];
        point -= lead;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            return (negative, "0", 1);
        }

        return (negative, all, point);
    }

    private static string Fixed(string digits, int point)
    {
        if (digits == "0")
        {
            return "0";
        }

        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }

    private static string Exponent(string digits, int point, int minimumExponentDigits)
    {
        var sb = new StringBuilder();
        sb.Append(digits[0]);
        if (digits.Length > 1)
        {
            sb.Append('.').Append(digits, 1, digits.Length - 1);
        }

        var exponent = digits == "0" ? 0 : point - 1;
        sb.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        if (magnitude.Length < minimumExponentDigits)
        {
            sb.Append('0', minimumExponentDigits - magnitude.Length);
        }

        sb.Append(magnitude);
        return sb.ToString();
    }
}
