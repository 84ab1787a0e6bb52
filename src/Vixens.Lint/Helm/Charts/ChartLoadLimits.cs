namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// Bounds on what a chart may make us read, so a hostile chart (a gzip bomb, a 100 MB values file, a million files,
/// subcharts nested without end) fails with a diagnostic instead of exhausting memory. Real charts are far below them.
/// </summary>
public sealed record ChartLoadLimits
{
    /// <summary>The defaults: generous for real charts (the largest public charts are a few MB unpacked).</summary>
    public static ChartLoadLimits Default { get; } = new();

    /// <summary>Largest single file, in bytes (checked before reading it, or while decompressing it).</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest total of all files of one top-level chart, subcharts included.</summary>
    public long MaxTotalBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Most files in one top-level chart, subcharts included.</summary>
    public int MaxFiles { get; init; } = 20_000;

    /// <summary>Deepest nesting of subcharts (<c>charts/a/charts/b/…</c>).</summary>
    public int MaxChartDepth { get; init; } = 16;
}
