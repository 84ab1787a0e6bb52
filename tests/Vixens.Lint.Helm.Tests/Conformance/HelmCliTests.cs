using Vixens.Lint.Cli;

namespace Vixens.Lint.Helm.Tests.Conformance;

/// <summary>
/// A few conformance cases through <c>vixens-lint helm template</c> with the exact argv of meta.json's command, from
/// the case folder: stdout must equal expected.yaml; an error must exit 1 with a located VX02xx diagnostic.
/// </summary>
[NonParallelizable]
public sealed class HelmCliTests
{
    private static readonly object Gate = new();

    [TestCase("helm__chart_bad_semver_version")]
    [TestCase("helm__crds_included")]
    [TestCase("helm__values_set_precedence")]
    [TestCase("helm__hooks_skip_tests")]
    [TestCase("chart__traefik-25.0.0__default")]
    [TestCase("helm__exec_error_format")]
    public void Cli_prints_what_helm_prints(string caseName)
    {
        var helmCase = HelmCase.Load(Path.Combine(SharedPaths.HelmCases, caseName));
        var (exitCode, stdout, stderr) = Run(helmCase.Directory, helmCase.CommandArguments);
        var passed = helmCase.ExpectsError
            ? exitCode == 1 && stdout.Length == 0 && stderr.Contains(": error VX02", StringComparison.Ordinal)
            : exitCode == 0 && stdout == helmCase.ExpectedOutput;
        if (KnownDifferences.ReasonFor(caseName) is { } reason && !passed)
        {
            Assert.Ignore($"Known difference: {reason}");
        }

        Assert.That(passed, Is.True, $"exit {exitCode}\nstderr: {stderr}\nstdout (first 400): {stdout[..Math.Min(400, stdout.Length)]}");
    }

    [Test]
    public void Error_diagnostic_points_at_the_chart_file_to_fix()
    {
        var helmCase = HelmCase.Load(Path.Combine(SharedPaths.HelmCases, "helm__chart_bad_semver_version"));
        var (exitCode, _, stderr) = Run(helmCase.Directory, helmCase.CommandArguments);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr, Does.StartWith("chart(1,1): error VX0200: validation: chart.metadata.version \"one\" is invalid"));
        });
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string directory, IReadOnlyList<string> arguments)
    {
        lock (Gate)
        {
            var originalOut = Console.Out;
            var originalError = Console.Error;
            var originalDirectory = Environment.CurrentDirectory;
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            try
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                Environment.CurrentDirectory = directory;
                var exitCode = Program.Main(["helm", .. arguments]);
                return (exitCode, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(originalOut);
                Console.SetError(originalError);
                Environment.CurrentDirectory = originalDirectory;
            }
        }
    }
}
