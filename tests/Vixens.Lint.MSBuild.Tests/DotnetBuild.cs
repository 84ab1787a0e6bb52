using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Build.Logging.StructuredLogger;
using NUnit.Framework;

namespace Vixens.Lint.MSBuild.Tests;

/// <summary>Runs the .NET CLI in a child process as a user would, and collects what it printed and its binary log.</summary>
internal static partial class DotnetBuild
{
    /// <summary><c>dotnet build ARGS -nodeReuse:false --disable-build-servers -tl:off -m:1 -bl:BINLOG</c> in <paramref name="directory"/>.</summary>
    public static BuildRun Run(string directory, string binlog, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output, elapsed) = Dotnet(
            directory,
            ["build", .. arguments, "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-m:1", $"-bl:{binlog}"],
            environment);
        var canonical = output.Split('\n')
            .Select(line => ProblemMatcher().Match(line.TrimEnd('\r').Trim()))
            .Where(m => m.Success)
            .Select(m => new Canonical(m.Groups[1].Value, int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value), m.Groups[4].Value, m.Groups[5].Value))
            .Distinct()
            .ToList();
        return new BuildRun(exitCode, output, canonical, BinaryLog.ReadBuild(binlog), elapsed);
    }

    public static (int ExitCode, string Output, TimeSpan Elapsed) Dotnet(string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings must not leak into the user-like build.
        foreach (var variable in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(120)), Is.True, "dotnet timed out");
        clock.Stop();
        return (process.ExitCode, output + stderr.Result, clock.Elapsed);
    }

    /// <summary>
    /// GitHub's dotnet problem matcher (actions/setup-dotnet .github/csc.json), with the column captured: a line it does not
    /// match would not become an annotation.
    /// </summary>
    [GeneratedRegex(@"^(.*)\((\d+),(\d+)\):\s+(error|warning)\s+([a-zA-Z]+(?<!MSB)\d+):\s*(.*?)\s+\[(.*?)\]$")]
    private static partial Regex ProblemMatcher();
}

internal sealed record Canonical(string File, int Line, int Column, string Kind, string Code);

internal sealed record BuildRun(int ExitCode, string Output, IReadOnlyList<Canonical> Canonical, Build Log, TimeSpan Elapsed)
{
    public IReadOnlyList<Error> Errors => Log.FindChildrenRecursive<Error>();

    public IReadOnlyList<Warning> Warnings => Log.FindChildrenRecursive<Warning>();

    /// <summary>MSBuild's own verdict, as recorded in the binary log: the analysis target skipped because its outputs are up to date.</summary>
    public bool AnalysisSkipped =>
        Log.FindChildrenRecursive<Message>(m => m.Text.StartsWith("Skipping target \"_VixensLintAnalyze\" because all output files are up-to-date", StringComparison.Ordinal)).Count > 0;
}
