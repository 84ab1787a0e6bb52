using Vixens.Lint.Reporting;
using Vixens.Lint.Sarif;

namespace Vixens.Lint.Cli.Commands;

/// <summary>Maps <c>--format</c> values to writers.</summary>
internal static class ReportWriters
{
    public static IReportWriter For(string format, bool sarifOmitSuppressed = false) => format switch
    {
        "json" => new JsonReportWriter(),
        "sarif" => new SarifReportWriter(new SarifWriterOptions { OmitSuppressed = sarifOmitSuppressed }),
        "github" => new GitHubReportWriter(),
        _ => new TextReportWriter(Directory.GetCurrentDirectory()),
    };
}
