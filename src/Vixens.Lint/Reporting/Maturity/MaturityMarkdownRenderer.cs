using System.Globalization;
using System.Text;

namespace Vixens.Lint.Reporting.Maturity;

/// <summary>GitHub-flavoured Markdown (tables), suitable for <c>$GITHUB_STEP_SUMMARY</c> and PR comments.</summary>
public static class MaturityMarkdownRenderer
{
    public static void Write(MaturityReport report, TextWriter writer)
    {
        var total = report.Applications.Count;
        writer.WriteLine("# Vixens maturity report");
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} application(s) rated{NotAssessedCount(report)}, {report.CheckCount} static checks. A tier is reached when every applicable check of it and of all lower tiers passes (a bypass annotation counts as a pass). Orichalcum needs runtime data and is not computed."));
        writer.WriteLine();
        writer.WriteLine("## Distribution");
        writer.WriteLine();
        writer.WriteLine("| Tier | Applications | Share |");
        writer.WriteLine("|---|---:|---|");
        foreach (var (tier, count) in report.Distribution.Reverse())
        {
            var share = total == 0 ? 0 : (int)Math.Round(100.0 * count / total);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {TierText.Label(tier)} | {count} | {new string('█', share / 5)} {share}% |"));
        }

        writer.WriteLine();
        writer.WriteLine("## Applications");
        writer.WriteLine();
        writer.WriteLine("| Application | Environment | Tier | Next tier | Blocking checks |");
        writer.WriteLine("|---|---|---|---|---|");
        foreach (var app in report.Applications)
        {
            var blocking = string.Join(", ", app.Blocking.GroupBy(b => b.RuleId).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key));
            writer.WriteLine($"| {Escape(app.Application)} | {Escape(TierText.EnvironmentCell(app))} | {TierText.Label(app.Tier)} | {(app.NextTier is null ? "—" : TierText.Label(app.NextTier))} | {Escape(blocking)} |");
        }

        if (report.NotAssessed.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("## Not assessed");
            writer.WriteLine();
            writer.WriteLine("ArgoCD Applications that render no workload offline: every check would pass vacuously, so they get no tier.");
            writer.WriteLine();
            writer.WriteLine("| Application | Environment | Why |");
            writer.WriteLine("|---|---|---|");
            foreach (var app in report.NotAssessed)
            {
                writer.WriteLine($"| {Escape(app.Application)} | {Escape(app.Environment)} | {Escape(app.Reason)} |");
            }
        }

        var blocked = report.Applications.Where(a => a.Blocking.Count > 0).ToList();
        if (blocked.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("## What blocks the next tier");
        foreach (var app in blocked)
        {
            writer.WriteLine();
            writer.WriteLine($"### {Escape(app.Key)}: {TierText.Label(app.Tier)} → {TierText.Label(app.NextTier)}");
            writer.WriteLine();
            foreach (var finding in app.Blocking)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- `{finding.File}:{finding.Line}` **{finding.RuleId}** {Escape(finding.Message)}"));
            }
        }
    }

    public static string Render(MaturityReport report)
    {
        var builder = new StringBuilder();
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(report, writer);
        return builder.ToString();
    }

    private static string NotAssessedCount(MaturityReport report) =>
        report.NotAssessed.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" and {report.NotAssessed.Count} not assessed (no workload offline)");

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
