namespace Vixens.Lint.Sarif;

/// <summary>Choices for <see cref="SarifReportWriter"/>. The defaults suit an upload to GitHub code scanning.</summary>
public sealed record SarifWriterOptions
{
    /// <summary>GitHub uses only the 5,000 most severe results of a run and rejects runs above 25,000.</summary>
    public const int GitHubResultLimit = 5000;

    public static readonly SarifWriterOptions Default = new();

    /// <summary>
    /// Where the rule pages (<c>VXnnnn.md</c>, the tool's <c>docs/rules</c>) live; a page's text becomes <c>help.markdown</c>.
    /// Without a directory, or for a rule without a page, the help is generated from the descriptor.
    /// </summary>
    public string? RuleDocsDirectory { get; init; }

    /// <summary>
    /// <c>run.automationDetails.id</c>, e.g. <c>vixens-lint/homelab/</c>. Leave null so that the workflow's
    /// <c>category</c> input decides; set it when one job uploads several Vixens.Lint files.
    /// </summary>
    public string? Category { get; init; }

    /// <summary>The most results written; above it the most severe are kept and a notification says how many were dropped.</summary>
    public int MaxResults { get; init; } = GitHubResultLimit;

    /// <summary>
    /// Leaves findings silenced by <c>lint.vixens.io/suppress</c> out of the file. By default they are written with a
    /// <c>suppressions</c> entry (kind <c>inSource</c>), which GitHub shows as closed alerts.
    /// </summary>
    public bool OmitSuppressed { get; init; }

    /// <summary>Replaces the tool's own version (tests that must not change with every release use it).</summary>
    public string? ToolVersionOverride { get; init; }
}
