namespace Vixens.Lint.Diagnostics;

/// <summary>
/// A range in a source file, 1-based as editors show it. <see cref="EndColumn"/> is the column just after the last character,
/// as SARIF defines it. <see cref="File"/> is a full, normalised path; reporters make it relative.
/// </summary>
public sealed record SourceSpan(string File, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A span for a whole file, used when nothing more precise exists (e.g. a file that cannot be decoded).</summary>
    public static SourceSpan StartOf(string file) => new(file, 1, 1, 1, 1);

    public static SourceSpan At(string file, int line, int column) => new(file, line, column, line, column);

    public override string ToString() => $"{File}({StartLine},{StartColumn})";
}
