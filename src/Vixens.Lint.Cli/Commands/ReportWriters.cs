using Vixens.Lint.Reporting;
using Vixens.Lint.Sarif;

namespace Vixens.Lint.Cli.Commands;

/// <summary>Maps <c>--format</c> values to writers.</summary>
internal static class ReportWriters
{
    public static IReportWriter For(string format) => format switch
    {
        "json" => new JsonReportWriter(),
        "sarif" => new SarifReportWriter(),
        "github" => new GitHubReportWriter(),
        _ => new TextReportWriter(Directory.GetCurrentDirectory()),
    };
}
