using System.Globalization;
using System.Security.Cryptography;
using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Sprig's numbers (numeric.go): integer math on int64 through cast's lenient conversion, float math through
/// shopspring/decimal (exact decimal steps, then the nearest float64), sequences of Go ints.
/// </summary>
internal static class SprigMath
{
    public static IEnumerable<GoFunction> All()
    {
        yield return new("atoi", [T.String], null, a => int.TryParse(Str(a, 0), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0);
        yield return new("int64", [T.Any], null, a => ToInt64(a[0]));
        yield return new("int", [T.Any], null, a => ToInt(a[0]));
        yield return new("float64", [T.Any], null, a => ToFloat64(a[0]));
        yield return new("toDecimal", [T.Any], null, a => ParseOctal(GoFmt.Sprint(a[0])));
        yield return new("seq", [], T.Int, a => Seq(a.Select(x => (int)x!).ToList()));
        yield return new("until", [T.Int], null, a => UntilStep(0, Int(a, 0), Int(a, 0) < 0 ? -1 : 1));
        yield return new("untilStep", [T.Int, T.Int, T.Int], null, a => UntilStep(Int(a, 0), Int(a, 1), Int(a, 2)));
        yield return new("add1", [T.Any], null, a => ToInt64(a[0]) + 1);
        yield return new("add", [], T.Any, a => a.Aggregate(0L, (sum, x) => unchecked(sum + ToInt64(x))));
        yield return new("sub", [T.Any, T.Any], null, a => unchecked(ToInt64(a[0]) - ToInt64(a[1])));
        yield return new("div", [T.Any, T.Any], null, a => Divide(ToInt64(a[0]), ToInt64(a[1]), remainder: false));
        yield return new("mod", [T.Any, T.Any], null, a => Divide(ToInt64(a[0]), ToInt64(a[1]), remainder: true));
        yield return new("mul", [T.Any], T.Any, a => a.Skip(1).Aggregate(ToInt64(a[0]), (p, x) => unchecked(p * ToInt64(x))));
        yield return new("randInt", [T.Int, T.Int], null, a => RandInt(Int(a, 0), Int(a, 1)));
        yield return new("add1f", [T.Any], null, a => Decimal(ToFloat64(a[0]), [1d], (x, y) => x + y));
        yield return new("addf", [], T.Any, a => Decimal(0d, a.Select(ToFloat64), (x, y) => x + y));
        yield return new("subf", [T.Any], T.Any, a => Decimal(ToFloat64(a[0]), a.Skip(1).Select(ToFloat64), (x, y) => x - y));
        yield return new("mulf", [T.Any], T.Any, a => Decimal(ToFloat64(a[0]), a.Skip(1).Select(ToFloat64), (x, y) => x * y));
        yield return new("divf", [T.Any], T.Any, a => Decimal(ToFloat64(a[0]), a.Skip(1).Select(ToFloat64), DivideDecimal));
        yield return new("biggest", [T.Any], T.Any, a => a.Skip(1).Select(ToInt64).Aggregate(ToInt64(a[0]), Math.Max));
        yield return new("max", [T.Any], T.Any, a => a.Skip(1).Select(ToInt64).Aggregate(ToInt64(a[0]), Math.Max));
        yield return new("min", [T.Any], T.Any, a => a.Skip(1).Select(ToInt64).Aggregate(ToInt64(a[0]), Math.Min));
        yield return new("maxf", [T.Any], T.Any, a => a.Skip(1).Select(ToFloat64).Aggregate(ToFloat64(a[0]), GoMax));
        yield return new("minf", [T.Any], T.Any, a => a.Skip(1).Select(ToFloat64).Aggregate(ToFloat64(a[0]), GoMin));
        yield return new("ceil", [T.Any], null, a => Math.Ceiling(ToFloat64(a[0])));
        yield return new("floor", [T.Any], null, a => Math.Floor(ToFloat64(a[0])));
        yield return new("round", [T.Any, T.Int], T.Float64, a => Round(ToFloat64(a[0]), Int(a, 1), a.Count > 2 ? (double)a[2]! : 0.5));
    }

    private static long Divide(long a, long b, bool remainder)
    {
        if (b == 0)
        {
            throw new GoFunctionException("runtime error: integer divide by zero");
        }

        if (b == -1)
        {
            // Go wraps MinInt64 / -1 instead of trapping.
            return remainder ? 0 : unchecked(-a);
        }

        return remainder ? a % b : a / b;
    }

    private static long ParseOctal(string s)
    {
        var body = s.StartsWith('+') || s.StartsWith('-') ? s[1..] : s;
        if (body.Length == 0 || body.Any(c => c is < '0' or > '7'))
        {
            return 0;
        }

        try
        {
            var value = Convert.ToInt64(body, 8);
            return s.StartsWith('-') ? -value : value;
        }
        catch (OverflowException)
        {
            return 0;
        }
    }

    /// <summary>Sprig's untilStep: counts from start towards stop (excluded); a step pointing away gives nothing.</summary>
    public static List<object?> UntilStep(int start, int stop, int step)
    {
        var list = new List<object?>();
        if (stop < start)
        {
            if (step >= 0)
            {
                return list;
            }

            for (long i = start; i > stop; i += step)
            {
                list.Add((int)i);
            }

            return list;
        }

        if (step <= 0)
        {
            return list;
        }

        for (long i = start; i < stop; i += step)
        {
            list.Add((int)i);
        }

        return list;
    }

    private static string Seq(List<int> p)
    {
        List<object?> values;
        switch (p.Count)
        {
            case 1:
                var inc1 = p[0] < 1 ? -1 : 1;
                values = UntilStep(1, p[0] + inc1, inc1);
                break;
            case 2:
                var step2 = p[1] < p[0] ? -1 : 1;
                values = UntilStep(p[0], p[1] + step2, step2);
                break;
            case 3:
                var inc3 = 1;
                if (p[2] < p[0])
                {
                    inc3 = -1;
                    if (p[1] > 0)
                    {
                        return string.Empty;
                    }
                }

                values = UntilStep(p[0], p[2] + inc3, p[1]);
                break;
            default:
                return string.Empty;
        }

        return string.Join(" ", values.Select(v => ((int)v!).ToString(CultureInfo.InvariantCulture)));
    }

    private static int RandInt(int min, int max)
    {
        if (max - min <= 0)
        {
            throw new GoFunctionException("invalid argument to Intn");
        }

        return RandomNumberGenerator.GetInt32(max - min) + min;
    }

    /// <summary>
    /// shopspring/decimal: each float becomes the decimal of its shortest text, the operation is exact (division to 16
    /// places), the result the nearest float64. Values beyond .NET decimal's range fall back to float arithmetic.
    /// </summary>
    private static double Decimal(double first, IEnumerable<double> rest, Func<decimal, decimal, decimal> op)
    {
        var acc = first;
        try
        {
            var d = ToDecimal(first);
            foreach (var x in rest)
            {
                d = op(d, ToDecimal(x));
            }

            // decimal's own conversion to double can be one unit off; parsing its text is correctly rounded, as Go's is.
            return double.Parse(d.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            if (e is DivideByZeroException)
            {
                throw new GoFunctionException("decimal division by 0");
            }

            return acc;
        }
    }

    private static decimal ToDecimal(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal DivideDecimal(decimal x, decimal y) =>
        y == 0 ? throw new DivideByZeroException() : Math.Round(x / y, 16, MidpointRounding.AwayFromZero);

    private static double GoMax(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);

    private static double GoMin(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Min(a, b);

    private static double Round(double value, int places, double roundOn)
    {
        var pow = Math.Pow(10, places);
        var digit = pow * value;
        var fraction = digit - Math.Truncate(digit);
        var rounded = fraction >= roundOn ? Math.Ceiling(digit) : Math.Floor(digit);
        return rounded / pow;
    }
}
