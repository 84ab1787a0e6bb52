using System.Globalization;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Tests.Sarif;

namespace Vixens.Lint.Tests.Hostile;

/// <summary>
/// The bound every hostile case must keep (docs/hostile-input.md): the real CLI, in a child process with the managed
/// heap capped at 1 GiB, ends within 10 s and 1 GiB of resident memory, with exit code 1 or 2, a diagnostic naming the
/// offending file and no stack trace; with <c>--format sarif --output F</c> it writes a complete, valid SARIF file or
/// none at all.
/// </summary>
internal static class HostileRun
{
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs <c>check</c> on <paramref name="repo"/> as text and as SARIF and asserts the bound on both. Returns the text run.
    /// </summary>
    public static CliProcessResult AssertEndsCleanly(string caseName, string repo, string expectedFileInDiagnostic, params string[] extraArgs)
    {
        var text = CliProcess.Run(["check", repo, .. extraArgs]);
        Record(caseName, text);
        AssertWithinBounds(text);
        Assert.Multiple(() =>
        {
            Assert.That(text.ExitCode, Is.AnyOf(1, 2), text.Output);
            Assert.That(text.Output, Does.Match(@"\(\d+,\d+\): error( VX\d{4})?:"), "a diagnostic with a position");
            Assert.That(text.Output, Does.Contain(expectedFileInDiagnostic), "the diagnostic names the file");
        });

        AssertSarifIsWholeOrAbsent(repo, extraArgs);
        return text;
    }

    /// <summary>Time, memory and no stack trace: what even a case that may legitimately pass must keep.</summary>
    public static void AssertWithinBounds(CliProcessResult result)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.TimedOut, Is.False, "the process hung and was killed");
            Assert.That(result.Elapsed, Is.LessThan(TimeBound), "time bound: " + result);
            Assert.That(result.PeakRssBytes, Is.LessThan(CliProcess.MemoryBoundBytes), "memory bound: " + result);
            Assert.That(result.Output, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception").And.Not.Contain("internal error"), "no stack trace or internal error");
            Assert.That(result.ExitCode, Is.Not.EqualTo(3), "exit code 3 is an internal error");
        });
    }

    public static void AssertSarifIsWholeOrAbsent(string repo, params string[] extraArgs)
    {
        var sarif = Path.Combine(Path.GetTempPath(), "vixens-tests", "hostile-" + Guid.NewGuid().ToString("N") + ".sarif");
        try
        {
            var run = CliProcess.Run(["check", repo, "--format", "sarif", "--output", sarif, .. extraArgs]);
            AssertWithinBounds(run);
            Assert.That(File.Exists(sarif + ".tmp"), Is.False, "a partial temporary SARIF file was left behind");
            if (File.Exists(sarif))
            {
                SarifChecks.AssertValid(File.ReadAllBytes(sarif));
            }
            else
            {
                Assert.That(run.ExitCode, Is.EqualTo(2), "no SARIF file is only right when the run stopped on a configuration error");
            }
        }
        finally
        {
            File.Delete(sarif);
        }
    }

    /// <summary>
    /// With <c>VIXENS_HOSTILE_MEASUREMENTS=FILE</c>, appends "case, exit, ms, MiB" to FILE: how the table of
    /// docs/hostile-input.md is measured.
    /// </summary>
    public static void Record(string caseName, CliProcessResult result)
    {
        TestContext.Out.WriteLine($"{caseName}: {result}");
        if (Environment.GetEnvironmentVariable("VIXENS_HOSTILE_MEASUREMENTS") is { Length: > 0 } file)
        {
            File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                $"{caseName}\t{result.ExitCode}\t{result.Elapsed.TotalMilliseconds:F0}\t{result.PeakRssBytes / (1024.0 * 1024):F0}\n"));
        }
    }
}
