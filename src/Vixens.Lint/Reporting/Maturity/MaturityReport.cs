using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Reporting.Maturity;

/// <summary>A finding that keeps an application from reaching a tier, with where to fix it (repository-relative path).</summary>
public sealed record BlockingFinding(string RuleId, string Title, MaturityTier Tier, string Message, string File, int Line, int Column, string? Resource);

/// <summary>
/// One application in one environment: the tier reached (null = not even Bronze), the next tier, and the findings
/// blocking it. A tier is reached when no applicable check of it or of a lower tier fails; bypasses count as passes.
/// </summary>
public sealed record AppMaturity(
    string Application,
    string? Environment,
    string? Category,
    string Origin,
    MaturityTier? Tier,
    MaturityTier? NextTier,
    IReadOnlyList<BlockingFinding> Blocking,
    IReadOnlyDictionary<MaturityTier, int> FailuresByTier,
    int ResourceCount,
    int WorkloadCount,
    bool? DeployedByArgoCD = null)
{
    public string Key => Environment is null ? Application : $"{Application} ({Environment})";
}

/// <summary>
/// An ArgoCD Application that renders no workload offline (a Helm chart, a source that does not build, configuration
/// only): it would pass every check vacuously, so it is named with the reason instead of being rated.
/// </summary>
public sealed record NotAssessedApp(string Application, string Environment, string Origin, string Reason);

/// <summary>The tiers of every application, in a stable order (application, then environment).</summary>
public sealed record MaturityReport(IReadOnlyList<AppMaturity> Applications, IReadOnlyList<MaturityTier> Tiers, int CheckCount)
{
    /// <summary>Applications deployed by ArgoCD that the report cannot rate offline, with why (application, then environment).</summary>
    public IReadOnlyList<NotAssessedApp> NotAssessed { get; init; } = [];

    /// <summary>How many applications reached each tier exactly (null key = none).</summary>
    public IReadOnlyList<(MaturityTier? Tier, int Count)> Distribution =>
        new MaturityTier?[] { null }.Concat(Tiers.Select(t => (MaturityTier?)t))
            .Select(t => (t, Applications.Count(a => a.Tier == t)))
            .ToList();
}

/// <summary>Display helpers shared by the renderers.</summary>
public static class TierText
{
    public static string Name(MaturityTier? tier) => tier?.ToString() ?? "None";

    public static string Emoji(MaturityTier? tier) => tier switch
    {
        MaturityTier.Bronze => "🥉",
        MaturityTier.Silver => "🥈",
        MaturityTier.Gold => "🥇",
        MaturityTier.Platinum => "💎",
        MaturityTier.Emerald => "🟢",
        MaturityTier.Diamond => "💠",
        MaturityTier.Orichalcum => "🌟",
        _ => "⚪",
    };

    public static string Label(MaturityTier? tier) => $"{Emoji(tier)} {Name(tier)}";

    /// <summary>The environment, flagged when no ArgoCD Application deploys the overlay there (it is rated, but not live).</summary>
    public static string EnvironmentCell(AppMaturity app) =>
        (app.Environment ?? "—") + (app.DeployedByArgoCD == false ? " (no Application)" : string.Empty);

    public static string Color(MaturityTier? tier) => tier switch
    {
        MaturityTier.Bronze => "#cd7f32",
        MaturityTier.Silver => "#a8a9ad",
        MaturityTier.Gold => "#d4af37",
        MaturityTier.Platinum => "#6fa8dc",
        MaturityTier.Emerald => "#2e8b57",
        MaturityTier.Diamond => "#7fdbff",
        MaturityTier.Orichalcum => "#ff8c00",
        _ => "#999999",
    };
}
