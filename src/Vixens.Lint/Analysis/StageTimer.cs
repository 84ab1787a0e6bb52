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
        // Collections and allocation so far: on a short run the garbage collector is a large share of the time.
        Console.Error.WriteLine(
            $"[timings] {stage,-28} {(now - _last).TotalMilliseconds,8:F1} ms   (GCs so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {GC.GetTotalAllocatedBytes() >> 20} MB allocated)");
        _last = now;
    }
}
