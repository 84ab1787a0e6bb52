namespace Vixens.Lint.Helm.Charts;

/// <summary>What one load has consumed of its <see cref="ChartLoadLimits"/>; shared by nested archives.</summary>
internal sealed class ChartLoadBudget(ChartLoadLimits limits)
{
    private long _bytes;
    private int _files;

    public ChartLoadLimits Limits { get; } = limits;

    /// <summary>Counts a file of <paramref name="length"/> bytes; throws when a bound is passed.</summary>
    public void Take(string name, long length)
    {
        if (length > Limits.MaxFileBytes)
        {
            throw new HelmException($"file '{name}' is larger than {Limits.MaxFileBytes} bytes, the limit for a chart file");
        }

        _bytes += length;
        _files++;
        if (_bytes > Limits.MaxTotalBytes)
        {
            throw new HelmException($"chart is larger than {Limits.MaxTotalBytes} bytes unpacked (at '{name}'), the limit for a chart");
        }

        if (_files > Limits.MaxFiles)
        {
            throw new HelmException($"chart has more than {Limits.MaxFiles} files (at '{name}'), the limit for a chart");
        }
    }
}
