using Microsoft.CodeAnalysis.Sarif;

namespace Vixens.Lint.Sarif;

/// <summary>
/// What Sarif.Sdk's own reader makes of a SARIF file: an independent check that a log we wrote (or a baseline a user
/// hands us) is SARIF as Microsoft's object model understands it. Reading goes through this project so that the
/// Sarif.Sdk workaround stays in one place.
/// </summary>
public sealed record SarifLogSummary(int Runs, int Results, int Rules, int? FirstResultStartLine, string? FirstRuleProblemSeverity)
{
    public static SarifLogSummary Read(string path)
    {
        var log = SarifLog.Load(path);
        var run = log.Runs.Count > 0 ? log.Runs[0] : null;
        var rules = run?.Tool?.Driver?.Rules;
        return new SarifLogSummary(
            log.Runs.Count,
            run?.Results?.Count ?? 0,
            rules?.Count ?? 0,
            run?.Results is { Count: > 0 } results ? results[0].Locations?[0]?.PhysicalLocation?.Region?.StartLine : null,
            rules is { Count: > 0 } ? rules[0].GetProperty("problem.severity") : null);
    }
}
