using System.Text;

namespace Vixens.Lint.Helm.Template;

/// <summary>Walks a <c>Printf</c> format: flags, width and precision (numbers or <c>*</c>), verbs, and Go's error forms.</summary>
internal static class GoFormatParser
{
    public static void Format(StringBuilder sb, string format, IReadOnlyList<object?> args)
    {
        var argNum = 0;
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
            }
            else
            {
                var start = i;
                var w = ParseNum(format, ref i);
                if (i > start)
                {
                    flags.Width = w;
                }
            }

            // Precision.
            if (i < end && format[i] == '.')
            {
                i++;
                if (i < end && format[i] == '*')
                {
                    i++;
                    if (!IntFromArg(args, ref argNum, out var p))
                    {
                        sb.Append("%!(BADPREC)");
                    }
                    else if (p >= 0)
                    {
                        flags.Precision = p;
                    }
                }
                else
                {
                    flags.Precision = ParseNum(format, ref i);
                }
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

        if (argNum < args.Count)
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
