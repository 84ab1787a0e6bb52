using System.Globalization;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.Reporting;

/// <summary>
/// MSBuild's canonical <c>file(line,col): severity CODE: message</c> lines (IDEs and GitHub's dotnet problem matcher read
/// them), then a one-line summary. Paths are made relative to <see cref="BaseDirectory"/> when the file lies under it.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    public TextReportWriter(string? baseDirectory = null) => BaseDirectory = baseDirectory;

    /// <summary>Directory that paths are shown relative to (the CLI passes the current directory); null for the repository root.</summary>
    public string? BaseDirectory { get; }

    public bool IncludeSuppressed { get; init; }

    public void Write(LintResult result, TextWriter output)
    {
        var baseDirectory = BaseDirectory ?? result.RepositoryRoot;
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.IsSuppressed && !IncludeSuppressed)
            {
                continue;
            }

            output.Write(FormatLine(diagnostic, baseDirectory));
            output.Write('\n');
        }

        output.Write(Summary(result));
        output.Write('\n');
    }

    public static string FormatLine(Diagnostic diagnostic, string baseDirectory)
    {
        var file = DisplayPath(diagnostic.Location.File, baseDirectory);
        var suppressed = diagnostic.IsSuppressed ? " (suppressed)" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{file}({diagnostic.Location.StartLine},{diagnostic.Location.StartColumn}): {diagnostic.Severity.ToText()} {diagnostic.Id}: {diagnostic.Message}{suppressed}");
    }

    public static string DisplayPath(string fullPath, string baseDirectory) =>
        RepositoryPaths.IsInside(baseDirectory, fullPath) ? RepositoryPaths.Relative(baseDirectory, fullPath) : fullPath.Replace('\\', '/');

    public static string Summary(LintResult result)
    {
        var active = result.Active.ToList();
        var errors = active.Count(d => d.Severity == Severity.Error);
        var warnings = active.Count(d => d.Severity == Severity.Warning);
        var notes = active.Count(d => d.Severity == Severity.Note);
        var suppressed = result.Diagnostics.Count(d => d.IsSuppressed);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{errors} error(s), {warnings} warning(s), {notes} note(s), {suppressed} suppressed; {result.FileCount} file(s), {result.ResourceCount} resource(s) checked.");
    }
}
