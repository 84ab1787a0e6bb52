using Vixens.Lint.Analysis;
using Vixens.Lint.Reporting;

namespace Vixens.Lint.Sarif;

// Replaced by the real writer when the sarif branch merges.
public sealed class SarifReportWriter : IReportWriter
{
    public void Write(LintResult result, TextWriter output) => throw new NotSupportedException("SARIF output is not available in this build.");
}
