using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Reporting;

/// <summary>GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>): annotations without SARIF upload.</summary>
public sealed class GitHubReportWriter : IReportWriter
{
    public void Write(LintResult result, TextWriter output)
    {
        foreach (var diagnostic in result.Active)
        {
            var command = diagnostic.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var file = result.RelativePath(diagnostic.Location.File);
            output.Write(
                $"::{command} file={Escape(file, true)},line={diagnostic.Location.StartLine},col={diagnostic.Location.StartColumn},title={Escape(diagnostic.Id + " " + diagnostic.Descriptor.Title, true)}::{Escape(diagnostic.Message, false)}\n");
        }

        output.Write(TextReportWriter.Summary(result));
        output.Write('\n');
    }

    /// <summary>Workflow-command escaping: data needs %, CR and LF escaped; properties also : and ,.</summary>
    private static string Escape(string value, bool property)
    {
        var escaped = value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? escaped.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : escaped;
    }
}
