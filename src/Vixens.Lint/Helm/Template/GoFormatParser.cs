using System.Text;

namespace Vixens.Lint.Helm.Template;

/// <summary>Walks a <c>Printf</c> format: flags, width and precision (numbers or <c>*</c>), verbs, and Go's error forms.</summary>
internal static class GoFormatParser
{
    public static void Format(StringBuilder sb, string format, IReadOnlyList<object?> args)
    {
        var argNum = 0;
        var reordered = false;
        var end = format.Length;
        var i = 0;
        while (i < end)
        {
            var lasti = i;
            while (i < end && format[i] != '%')
            {
                i++;
            }

            if (i > lasti)
            {
                sb.Append(format, lasti, i - lasti);
            }

            if (i >= end)
            {
                break;
            }

            i++; // the '%'
            var flags = FmtFlags.None;
            for (; i < end; i++)
            {
                var c = format[i];
                if (c == '#')
                {
                    flags.Sharp = true;
                }
                else if (c == '0')
                {
                    flags.Zero = !flags.Minus;
                }
                else if (c == '+')
                {
                    flags.Plus = true;
                }
                else if (c == '-')
                {
                    flags.Minus = true;
                    flags.Zero = false;
                }
                else if (c == ' ')
                {
                    flags.Space = true;
                }
                else
                {
                    break;
                }
            }

            var goodArgNum = true;
            var afterIndex = ArgNumber(format, ref i, ref argNum, args.Count, ref reordered, ref goodArgNum);

            // Width.
            if (i < end && format[i] == '*')
            {
                i++;
                if (!IntFromArg(args, ref argNum, out var w))
                {
                    sb.Append("%!(BADWIDTH)");
                }
                else
                {
                    flags.Width = w;
                    if (w < 0)
                    {
                        flags.Width = -w;
                        flags.Minus = true;
                        flags.Zero = false;
                    }
                }

                afterIndex = false;
            }
            else
            {
                var start = i;
                var w = ParseNum(format, ref i);
                if (i > start)
                {
                    flags.Width = w;
                    if (afterIndex)
                    {
                        // "%[3]2d": a width after an index is not allowed.
                        goodArgNum = false;
                    }
                }
            }

            // Precision.
            if (i < end && format[i] == '.')
            {
                i++;
                if (afterIndex)
                {
                    goodArgNum = false;
                }

                afterIndex = ArgNumber(format, ref i, ref argNum, args.Count, ref reordered, ref goodArgNum);
                if (i < end && format[i] == '*')
                {
                    i++;
                    if (!IntFromArg(args, ref argNum, out var p) || p < 0)
                    {
                        // A negative precision makes no sense either.
                        sb.Append("%!(BADPREC)");
                    }
                    else
                    {
                        flags.Precision = p;
                    }

                    afterIndex = false;
                }
                else
                {
                    flags.Precision = ParseNum(format, ref i);
                }
            }

            if (!afterIndex)
            {
                afterIndex = ArgNumber(format, ref i, ref argNum, args.Count, ref reordered, ref goodArgNum);
            }

            if (i >= end)
            {
                sb.Append("%!(NOVERB)");
                break;
            }

            var verb = format.ConvertToUtf32IfPair(i, out var size);
            i += size;
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }

            if (!goodArgNum)
            {
                sb.Append("%!");
                AppendRune(sb, verb);
                sb.Append("(BADINDEX)");
                continue;
            }

            if (argNum >= args.Count)
            {
                sb.Append("%!");
                AppendRune(sb, verb);
                sb.Append("(MISSING)");
                continue;
            }

            if (verb == 'v')
            {
                if (flags.Sharp)
                {
                    flags.Sharp = false;
                    flags.SharpV = true;
                }

                if (flags.Plus)
                {
                    flags.Plus = false;
                    flags.PlusV = true;
                }
            }

            new GoValuePrinter(sb, flags).Print(args[argNum], verb);
            argNum++;
        }

        if (!reordered && argNum < args.Count)
        {
            sb.Append("%!(EXTRA ");
            for (var k = argNum; k < args.Count; k++)
            {
                if (k > argNum)
                {
                    sb.Append(", ");
                }

                var arg = args[k];
                if (arg is null)
                {
                    sb.Append("<nil>");
                }
                else
                {
                    sb.Append(GoValues.TypeName(arg)).Append('=');
                    new GoValuePrinter(sb, FmtFlags.None).Print(arg, 'v');
                }
            }

            sb.Append(')');
        }
    }

    /// <summary>An explicit argument index <c>[n]</c> at <paramref name="i"/>: moves <paramref name="argNum"/> to n-1.</summary>
    private static bool ArgNumber(string format, ref int i, ref int argNum, int numArgs, ref bool reordered, ref bool goodArgNum)
    {
        if (i >= format.Length || format[i] != '[')
        {
            return false;
        }

        reordered = true;
        var close = format.IndexOf(']', i + 1);
        if (format.Length - i < 3 || close < 0)
        {
            goodArgNum = false;
            i += 1;
            return false;
        }

        var digits = format.AsSpan(i + 1, close - i - 1);
        var ok = digits.Length > 0 && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n);
        i = close + 1;
        if (!ok)
        {
            goodArgNum = false;
            return false;
        }

        n = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (n - 1 >= 0 && n - 1 < numArgs)
        {
            argNum = n - 1;
            return true;
        }

        goodArgNum = false;
        return true;
    }

    internal static void AppendRune(StringBuilder sb, int rune)
    {
        if (rune < 0x10000)
        {
            sb.Append((char)rune);
        }
        else
        {
            sb.Append(char.ConvertFromUtf32(rune));
        }
    }

    private static int ParseNum(string s, ref int i)
    {
        var n = 0;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            if (n > 1_000_000)
            {
                // Go gives up on absurd numbers; so do we, keeping the parse moving.
                n = 1_000_000;
            }
            else
            {
                n = (n * 10) + (s[i] - '0');
            }

            i++;
        }

        return n;
    }

    private static bool IntFromArg(IReadOnlyList<object?> args, ref int argNum, out int value)
    {
        value = 0;
        if (argNum >= args.Count)
        {
            return false;
        }

        var arg = args[argNum++];
        switch (arg)
        {
            case int n:
                value = n;
                return Math.Abs((long)n) <= 1_000_000;
            case long l when l is >= -1_000_000 and <= 1_000_000:
                value = (int)l;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>The flags, width and precision of one verb.</summary>
internal struct FmtFlags
{
    public static readonly FmtFlags None;

    public bool Minus;
    public bool Plus;
    public bool Space;
    public bool Zero;
    public bool Sharp;
    public bool PlusV;
    public bool SharpV;
    public int? Width;
    public int? Precision;
}

internal static class CharExtensions
{
    /// <summary>The code point at <paramref name="i"/> (a surrogate pair read as one) and how many chars it takes.</summary>
    public static int ConvertToUtf32IfPair(this string s, int i, out int size)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            size = 2;
            return char.ConvertToUtf32(s[i], s[i + 1]);
        }

        size = 1;
        return s[i];
    }
}
