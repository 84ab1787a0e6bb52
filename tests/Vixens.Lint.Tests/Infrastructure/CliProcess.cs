using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Vixens.Lint.Tests.Infrastructure;

/// <summary>What a child <c>vixens-lint</c> process did: exit code, output, wall time and peak resident memory.</summary>
internal sealed record CliProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, long PeakRssBytes, bool TimedOut)
{
    public string Output => Stdout + Stderr;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"exit {ExitCode}, {Elapsed.TotalMilliseconds:F0} ms, peak RSS {PeakRssBytes / (1024.0 * 1024):F0} MiB{(TimedOut ? ", killed after the timeout" : string.Empty)}");
}

/// <summary>
/// Runs the real CLI (<c>vixens-lint.dll</c>, copied next to this test assembly by the project reference) as a child
/// process, so that memory is measured for the check alone: the managed heap is capped with
/// <c>DOTNET_GCHeapHardLimit</c> (going over it is an out-of-memory failure, not swapping), and the peak resident set
/// (<c>VmHWM</c>) is read from <c>/proc</c> while the process runs. VmHWM only grows, so the last reading before exit is
/// the peak up to that moment; the heap cap bounds whatever the last few milliseconds could add.
/// </summary>
internal static class CliProcess
{
    /// <summary>The memory bound of docs/hostile-input.md: 1 GiB.</summary>
    public const long MemoryBoundBytes = 1L << 30;

    /// <summary>Past this the child is killed so that a hang fails the test instead of the whole run.</summary>
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "vixens-lint.dll");

    public static CliProcessResult Run(params string[] args)
    {
        if (!File.Exists(CliAssembly))
        {
            throw new FileNotFoundException("vixens-lint.dll is not next to the test assembly (the project reference copies it)", CliAssembly);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepositoryRoot,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + MemoryBoundBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("VIXENS_LINT_TIMINGS");

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        long peak = 0;
        var timedOut = false;
        while (!process.WaitForExit(PollInterval))
        {
            peak = Math.Max(peak, ReadPeakRss(process.Id));
            if (watch.Elapsed > KillAfter)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        process.WaitForExit();
        var elapsed = watch.Elapsed;
        lock (stdout)
        {
            lock (stderr)
            {
                return new CliProcessResult(timedOut ? -1 : process.ExitCode, stdout.ToString(), stderr.ToString(), elapsed, peak, timedOut);
            }
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }

    /// <summary><c>VmHWM</c> of a live process in bytes; 0 once it has exited (or off Linux).</summary>
    private static long ReadPeakRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between two readings.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    /// <summary>The dotnet host running this test (the SDK sets DOTNET_HOST_PATH for its children), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
