using System.Diagnostics;

namespace Vixens.Lint.Analysis;

/// <summary>
/// Per-stage wall times, printed to standard error when <c>VIXENS_LINT_TIMINGS=1</c>: the cheapest way for a user (or
/// us) to see where a slow run spends its time, without a profiler.
/// </summary>
internal sealed class StageTimer
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("VIXENS_LINT_TIMINGS") == "1";
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;

    public void Mark(string stage)
    {
        if (!Enabled)
        {
            return;
        }

        var now = _watch.Elapsed;
        Console.Error.WriteLine($"[timings] {stage,-28} {(now - _last).TotalMilliseconds,8:F1} ms");
        _last = now;
    }
}
