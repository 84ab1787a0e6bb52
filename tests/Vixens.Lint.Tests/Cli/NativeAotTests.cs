using System.Diagnostics;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Cli;

/// <summary>
/// The native AOT build of the tool (docs/performance.md) trims and precompiles everything, and reflection-based code in
/// dependencies (Sarif.Sdk through Newtonsoft.Json, JsonSchema.Net through System.Text.Json) silently changes behaviour
/// when trimmed wrongly: a first attempt wrote an empty SARIF log and failed every schema check. So the binary is built
/// here and every command's output is compared byte for byte with the framework-dependent tool's.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class NativeAotTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);
    private string _work = string.Empty;
    private string _native = string.Empty;
    private string _managed = string.Empty;

    [OneTimeSetUp]
    public void Publish()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("The AOT build is checked on linux-x64, the platform CI runs on.");
        }

        _work = Directory.CreateTempSubdirectory("vixens-aot-").FullName;
        _managed = Path.Combine(AppContext.BaseDirectory, "vixens-lint.dll");
        var project = Path.Combine(TestPaths.RepositoryRoot, "src", "Vixens.Lint.Cli", "Vixens.Lint.Cli.csproj");
        // A separate artifacts folder: the test run's own build outputs are in use by other test assemblies.
        var (exitCode, output) = Run("dotnet", PublishTimeout, "publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
            "--artifacts-path", Path.Combine(_work, "artifacts"), "-o", Path.Combine(_work, "native"));
        _native = Path.Combine(_work, "native", "vixens-lint");
        Assert.That(exitCode, Is.EqualTo(0), "dotnet publish -p:PublishAot=true failed:\n" + Tail(output));
        Assert.That(File.Exists(_native), Is.True, "no native binary at " + _native);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (_work.Length > 0)
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    public void Corpus_sarif_is_byte_identical() => AssertSameFile("sarif", "check", TestPaths.VixensCorpus, "--format", "sarif", "--output");

    [Test]
    public void Corpus_json_is_byte_identical() => AssertSameOutput("check", TestPaths.VixensCorpus, "--format", "json");

    [Test]
    public void Sample_text_is_byte_identical() => AssertSameOutput("check", TestPaths.Homelab);

    [Test]
    public void Maturity_report_is_byte_identical() => AssertSameFile("html", "report", TestPaths.VixensCorpus, "--format", "html", "--output");

    [Test]
    public void Render_is_byte_identical() =>
        AssertSameOutput("render", Path.Combine(TestPaths.VixensCorpus, "apps", "00-infra", "argocd", "overlays", "prod"));

    [Test]
    public void Rule_listing_and_pages_are_byte_identical()
    {
        AssertSameOutput("rules", "--format", "json");
        AssertSameOutput("explain", "VX4001");
    }

    [Test]
    public void Configuration_error_is_the_same()
    {
        var repository = Path.Combine(_work, "bad-pack");
        Directory.CreateDirectory(repository);
        File.WriteAllText(Path.Combine(repository, "broken.rulepack.yaml"), "name: broken\nrules:\n  - id: [not, a, string]\n");
        File.WriteAllText(Path.Combine(repository, "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        var (exitCode, output) = AssertSameResult("check", repository, "--rulepack", Path.Combine(repository, "broken.rulepack.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(output, Does.Contain("broken.rulepack.yaml"), "the configuration error names the pack");
        });
    }

    /// <summary>
    /// Same output and exit code, and the framework-dependent run did its job (exit 0 or 1 with output): two identical
    /// error messages would otherwise pass as "byte-identical".
    /// </summary>
    private void AssertSameOutput(params string[] arguments)
    {
        var (exitCode, output) = AssertSameResult(arguments);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.AnyOf(0, 1), "the framework-dependent tool failed: " + Tail(output));
            Assert.That(output, Is.Not.Empty, "no output from: " + string.Join(' ', arguments));
            Assert.That(output, Does.Not.StartWith("error"), "an error, not a result: " + Tail(output));
        });
    }

    private (int ExitCode, string Output) AssertSameResult(params string[] arguments)
    {
        var managed = Run("dotnet", TimeSpan.FromMinutes(2), [_managed, .. arguments]);
        var native = Run(_native, TimeSpan.FromMinutes(2), arguments);
        Assert.Multiple(() =>
        {
            Assert.That(native.ExitCode, Is.EqualTo(managed.ExitCode), "exit code of: " + string.Join(' ', arguments));
            Assert.That(native.Output, Is.EqualTo(managed.Output), "output of: " + string.Join(' ', arguments));
        });
        return managed;
    }

    private void AssertSameFile(string extension, params string[] arguments)
    {
        var managedFile = Path.Combine(_work, "managed." + extension);
        var nativeFile = Path.Combine(_work, "native." + extension);
        var managed = Run("dotnet", TimeSpan.FromMinutes(2), [_managed, .. arguments, managedFile]);
        var native = Run(_native, TimeSpan.FromMinutes(2), [.. arguments, nativeFile]);
        Assert.Multiple(() =>
        {
            Assert.That(managed.ExitCode, Is.AnyOf(0, 1), "the framework-dependent tool failed: " + Tail(managed.Output));
            Assert.That(native.ExitCode, Is.EqualTo(managed.ExitCode), Tail(native.Output));
            Assert.That(new FileInfo(managedFile).Length, Is.GreaterThan(1000), "the framework-dependent tool wrote too little");
            Assert.That(File.ReadAllBytes(nativeFile), Is.EqualTo(File.ReadAllBytes(managedFile)), "files differ: " + string.Join(' ', arguments));
        });
    }

    private static (int ExitCode, string Output) Run(string fileName, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}");
        }

        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
