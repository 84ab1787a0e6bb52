using System.Globalization;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// The conversions Sprig makes on <c>interface{}</c> arguments: spf13/cast's <c>ToInt64</c>/<c>ToFloat64</c> (lenient,
/// zero on failure), <c>strval</c>, <c>empty</c>, <c>reflect.DeepEqual</c> and reflection's view of slices.
/// </summary>
internal static class SprigValues
{
    /// <summary>cast.ToInt64: numbers truncate, strings parse in Go's base-0 form ("1.0" counts as 1), bools are 0/1, anything else 0.</summary>
    public static long ToInt64(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => DoubleToInt64(d),
        bool b => b ? 1 : 0,
        string s => ParseInt(s),
        _ => 0,
    };

    /// <summary>cast.ToInt (Go's int is 64-bit; this library's int is 32-bit, see <see cref="GoFunction"/>).</summary>
    public static int ToInt(object? value) => unchecked((int)ToInt64(value));

    /// <summary>cast.ToFloat64: numbers as they are, strings parsed (0 on failure), bools 0/1, anything else 0.</summary>
    public static double ToFloat64(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        string s => ParseFloat(s, out var f) ? f : 0,
        _ => 0,
    };

    /// <summary>Go's conversion of a float64 to int64 truncates; out-of-range values give the minimum int64 on amd64.</summary>
    public static long DoubleToInt64(double d) =>
        double.IsNaN(d) || d >= 9.2233720368547758E18 || d < -9.2233720368547758E18 ? long.MinValue : (long)d;

    private static long ParseInt(string s)
    {
        // cast trims a zero decimal part ("3.0", "3.") before strconv.ParseInt(s, 0, 0).
        var trimmed = s;
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && s[(dot + 1)..].All(c => c == '0'))
        {
            trimmed = s[..dot];
        }

        var body = trimmed.TrimStart('+', '-');
        if (body.Length == 0 || body.Contains('_', StringComparison.Ordinal) && !(body.Length > 1 && body[0] == '0'))
        {
            return 0;
        }

        return GoYamlScalars.TryParseGoInt(trimmed.Replace("_", string.Empty, StringComparison.Ordinal), out var v) ? v : 0;
    }

    /// <summary>strconv.ParseFloat's accepted forms (decimal, exponent, inf/nan words, hex floats left out).</summary>
    public static bool ParseFloat(string s, out double value)
    {
        value = 0;
        if (s.Length == 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            return false;
        }

        var lower = s.ToLowerInvariant().TrimStart('+');
        switch (lower)
        {
            case "inf" or "infinity":
                value = s.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }

        if (s.Any(c => !(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')))
        {
            return false;
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value);
    }

    /// <summary>Sprig's strval: strings as they are, bytes as text, anything else as <c>%v</c> prints it.</summary>
    public static string Strval(object? value) => value switch
    {
        string s => s,
        byte[] b => System.Text.Encoding.UTF8.GetString(b),
        _ => GoFmt.Sprint(value),
    };

    /// <summary>Sprig's empty: nil, false, zero, and empty strings, slices and maps; structs never.</summary>
    public static bool Empty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        double d => d == 0,
        byte[] bytes => bytes.Length == 0,
        System.Collections.ICollection c => c.Count == 0,
        _ => false,
    };

    /// <summary>reflect.DeepEqual on template values: same Go type, then equal contents.</summary>
    public static bool DeepEqual(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.GetType() != b.GetType())
        {
            return false;
        }

        switch (a)
        {
            case List<object?> la:
                var lb = (List<object?>)b;
                return la.Count == lb.Count && la.Zip(lb).All(p => DeepEqual(p.First, p.Second));
            case List<string> sa:
                return sa.SequenceEqual((List<string>)b);
            case byte[] ba:
                return ba.AsSpan().SequenceEqual((byte[])b);
            case Dictionary<string, object?> da:
                var db = (Dictionary<string, object?>)b;
                return da.Count == db.Count && da.All(p => db.TryGetValue(p.Key, out var v) && DeepEqual(p.Value, v));
            case Dictionary<string, string> ma:
                var mb = (Dictionary<string, string>)b;
                return ma.Count == mb.Count && ma.All(p => mb.TryGetValue(p.Key, out var v) && v == p.Value);
            case double d:
                return d == (double)b;
            default:
                return a.Equals(b) || ReferenceEquals(a, b);
        }
    }

    /// <summary>A slice or array seen through reflection (null when the value is no slice).</summary>
    public static List<object?>? AsList(object? value) => value switch
    {
        List<object?> l => l,
        List<string> s => s.Cast<object?>().ToList(),
        byte[] b => b.Select(x => (object?)(int)x).ToList(),
        System.Collections.IList other => other.Cast<object?>().ToList(),
        _ => null,
    };

    /// <summary>reflect.Kind's name, which Sprig's list errors print ("Cannot find first on type string").</summary>
    public static string KindName(object? value) => GoValues.KindName(value);

    /// <summary>
    /// Sprig's list functions call <c>reflect.TypeOf(list).Kind()</c>, which panics on nil: the template sees Go's
    /// nil-dereference runtime error.
    /// </summary>
    public static GoFunctionException NilPanic() => new("runtime error: invalid memory address or nil pointer dereference");

    /// <summary>A list argument as reflection sees it, or Sprig's error naming the kind.</summary>
    public static List<object?> RequireList(object? value, string errorPrefix)
    {
        if (value is null)
        {
            throw NilPanic();
        }

        return AsList(value) ?? throw new GoFunctionException($"{errorPrefix} {KindName(value)}");
    }

    /// <summary>Argument <paramref name="i"/> as a string (the engine has converted it already).</summary>
    public static string Str(IReadOnlyList<object?> args, int i) => (string?)args[i] ?? string.Empty;

    /// <summary>Argument <paramref name="i"/> as an int.</summary>
    public static int Int(IReadOnlyList<object?> args, int i) => args[i] is int n ? n : 0;

    /// <summary>The map an <c>map[string]interface{}</c> parameter received (a nil map reads as empty).</summary>
    public static Dictionary<string, object?> Map(IReadOnlyList<object?> args, int i) =>
        args[i] as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Go's int formatting.</summary>
    public static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);
}
