namespace Vixens.Lint.Diagnostics;

/// <summary>The one output order: file, position, rule, message. Everything that prints diagnostics uses it.</summary>
public sealed class DiagnosticComparer : IComparer<Diagnostic>
{
    public static readonly DiagnosticComparer Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.Location.File, y.Location.File);
        if (c != 0)
        {
            return c;
        }

        c = x.Location.StartLine.CompareTo(y.Location.StartLine);
        if (c != 0)
        {
            return c;
        }

        c = x.Location.StartColumn.CompareTo(y.Location.StartColumn);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
