using System.Globalization;
using System.Text;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>Go's time.Duration text: <c>String()</c> ("1h1m1s", "1.5s", "300ms") and <c>time.ParseDuration</c>.</summary>
internal static class GoDuration
{
    private static readonly (string Unit, double Nanos)[] Units =
    [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ];

    /// <summary>time.Duration.String for a count of nanoseconds.</summary>
    public static string Format(long nanos)
    {
        if (nanos == 0)
        {
            return "0s";
        }

        var negative = nanos < 0;
        var u = negative ? unchecked((ulong)-nanos) : (ulong)nanos;
        string text;
        if (u < 1_000_000_000UL)
        {
            // Below a second: the largest of ns, µs, ms that keeps an integer part, with a decimal fraction.
            var (unit, scale) = u < 1_000 ? ("ns", 1UL) : u < 1_000_000 ? ("µs", 1_000UL) : ("ms", 1_000_000UL);
            text = Decimal(u, scale) + unit;
        }
        else
        {
            var sb = new StringBuilder();
            var hours = u / 3_600_000_000_000UL;
            var minutes = u / 60_000_000_000UL % 60;
            var seconds = u % 60_000_000_000UL;
            if (hours > 0)
            {
                sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            sb.Append(Decimal(seconds, 1_000_000_000UL)).Append('s');
            text = sb.ToString();
        }

        return negative ? "-" + text : text;
    }

    private static string Decimal(ulong value, ulong scale)
    {
        var whole = (value / scale).ToString(CultureInfo.InvariantCulture);
        if (scale == 1)
        {
            return whole;
        }

        var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        var fraction = (value % scale).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return fraction.Length == 0 ? whole : whole + "." + fraction;
    }

    /// <summary>time.ParseDuration: signed sequence of decimal numbers with units; Go's error text.</summary>
    public static long Parse(string s)
    {
        var original = s;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return 0;
        }

        if (s.Length == 0)
        {
            throw Invalid(original);
        }

        double total = 0;
        while (s.Length > 0)
        {
            var n = 0;
            while (n < s.Length && (char.IsAsciiDigit(s[n]) || s[n] == '.'))
            {
                n++;
            }

            var number = s[..n];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1)
            {
                throw Invalid(original);
            }

            s = s[n..];
            var u = 0;
            while (u < s.Length && !char.IsAsciiDigit(s[u]) && s[u] != '.')
            {
                u++;
            }

            var unitText = s[..u];
            if (unitText.Length == 0)
            {
                throw new GoFunctionException($"time: missing unit in duration {Quote(original)}");
            }

            var unit = Units.FirstOrDefault(x => x.Unit == unitText);
            if (unit.Unit is null)
            {
                throw new GoFunctionException($"time: unknown unit {Quote(unitText)} in duration {Quote(original)}");
            }

            total += double.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * unit.Nanos;
            if (total > long.MaxValue)
            {
                throw Invalid(original);
            }

            s = s[u..];
        }

        var result = (long)Math.Round(total);
        return negative ? -result : result;
    }

    private static GoFunctionException Invalid(string s) => new($"time: invalid duration {Quote(s)}");

    private static string Quote(string s) => GoFmt.Sprintf("%q", s);
}
