using System.Text;

namespace Vixens.Lint.Helm.Template;

/// <summary>
/// Go's <c>fmt</c> printing of Go values held as CLR objects (<see cref="GoFunction"/> lists the convention):
/// <c>Sprint</c>, <c>Sprintf</c> and <c>Sprintln</c> with Go's verbs, flags, widths, precisions and its error forms
/// (<c>%!d(string=x)</c>, <c>%!s(MISSING)</c>, <c>%!(EXTRA int=1)</c>).
/// </summary>
public static class GoFmt
{
    /// <summary>
    /// <c>fmt.Sprint</c>: operands printed with <c>%v</c>, a space added between two operands when neither is a string.
    /// </summary>
    public static string Sprint(params object?[] args)
    {
        var sb = new StringBuilder();
        AppendSprint(sb, args);
        return sb.ToString();
    }

    /// <summary><c>fmt.Sprintln</c>: operands printed with <c>%v</c>, always separated by a space, then a newline.</summary>
    public static string Sprintln(params object?[] args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            new GoValuePrinter(sb, FmtFlags.None).Print(args[i], 'v');
        }

        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary><c>fmt.Sprintf</c>.</summary>
    public static string Sprintf(string format, params object?[] args)
    {
        var sb = new StringBuilder(format.Length + 16);
        GoFormatParser.Format(sb, format, args);
        return sb.ToString();
    }

    /// <summary>Appends <c>fmt.Sprint(args...)</c> to <paramref name="sb"/>.</summary>
    public static void AppendSprint(StringBuilder sb, IReadOnlyList<object?> args)
    {
        var previousString = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var isString = arg is string;
            if (i > 0 && !isString && !previousString)
            {
                sb.Append(' ');
            }

            new GoValuePrinter(sb, FmtFlags.None).Print(arg, 'v');
            previousString = isString;
        }
    }

    /// <summary>
    /// Appends a value as a template action prints it: no value is <c>&lt;no value&gt;</c>, a pointer to a struct
    /// prints the struct (text/template dereferences before printing).
    /// </summary>
    internal static void AppendPrintable(StringBuilder sb, object? value)
    {
        if (value is null)
        {
            sb.Append("<no value>");
            return;
        }

        new GoValuePrinter(sb, FmtFlags.None, dereference: true).Print(value, 'v');
    }

    /// <summary>Appends one value as <c>fmt.Fprint</c> prints a single operand (<c>%v</c>).</summary>
    public static void AppendValue(StringBuilder sb, object? value) => new GoValuePrinter(sb, FmtFlags.None).Print(value, 'v');
}
