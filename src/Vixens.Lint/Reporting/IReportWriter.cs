using Vixens.Lint.Analysis;

namespace Vixens.Lint.Reporting;

/// <summary>Writes a <see cref="LintResult"/> in one output format.</summary>
public interface IReportWriter
{
    void Write(LintResult result, TextWriter output);
}
