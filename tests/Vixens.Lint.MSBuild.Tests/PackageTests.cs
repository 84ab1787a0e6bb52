using System.IO.Compression;
using System.Reflection;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Tests.Sarif;

namespace Vixens.Lint.MSBuild.Tests;

/// <summary>
/// Packs Vixens.Lint.MSBuild and Vixens.Lint.Sdk (no build: the test project built them) into a local feed with a unique
/// version, then builds consumer projects that restore from that feed only, into an isolated package folder.
/// </summary>
[TestFixture]
[Category("e2e")]
[NonParallelizable]
public sealed class PackageTests
{
    private static readonly string Configuration = typeof(PackageTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "VixensLintTaskConfiguration").Value!;

    private string _dir = null!;
    private string _feed = null!;
    private string _version = null!;
    private Dictionary<string, string> _environment = null!;

    [OneTimeSetUp]
    public void Pack()
    {
        _dir = Directory.CreateTempSubdirectory("vixens-pkg-").FullName;
        _feed = Path.Combine(_dir, "feed");
        _version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        _environment = new() { ["NUGET_PACKAGES"] = Path.Combine(_dir, ".packages") };
        foreach (var project in new[] { "Vixens.Lint.MSBuild", "Vixens.Lint.Sdk" })
        {
            var (exitCode, output, _) = DotnetBuild.Dotnet(TestPaths.RepositoryRoot, [
                "pack", Path.Combine("src", project, project + ".csproj"), "--no-build", "-c", Configuration, "-o", _feed,
                $"-p:PackageVersion={_version}", "-nodeReuse:false", "-m:1"]);
            Assert.That(exitCode, Is.Zero, output);
        }

        File.WriteAllText(Path.Combine(_dir, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_feed}" />
              </packageSources>
            </configuration>
            """);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Task_package_has_tasks_build_and_buildTransitive_and_no_lib_or_dependencies()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(_feed, $"Vixens.Lint.MSBuild.{_version}.nupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        using var nuspec = new StreamReader(zip.GetEntry("Vixens.Lint.MSBuild.nuspec")!.Open());
        var metadata = nuspec.ReadToEnd();
        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("tasks/net8.0/Vixens.Lint.MSBuild.dll"));
            Assert.That(entries, Does.Contain("tasks/net8.0/Vixens.Lint.MSBuild.deps.json"));
            Assert.That(entries, Does.Contain("tasks/net8.0/YamlDotNet.dll"));
            Assert.That(entries, Does.Contain("tasks/net8.0/Sarif.dll"));
            Assert.That(entries, Does.Contain("build/Vixens.Lint.MSBuild.props"));
            Assert.That(entries, Does.Contain("build/Vixens.Lint.MSBuild.targets"));
            Assert.That(entries, Does.Contain("buildTransitive/Vixens.Lint.MSBuild.targets"));
            Assert.That(entries, Has.None.StartsWith("lib/"));
            Assert.That(entries, Has.None.Contains("Microsoft.Build"));
            Assert.That(metadata, Does.Contain("<developmentDependency>true</developmentDependency>"));
            Assert.That(metadata, Does.Not.Contain("<dependency "));
        });
    }

    [Test]
    public void Sdk_package_lints_a_one_line_manifest_project()
    {
        // A target of the user's own comes first in the file: DefaultTargets="Build" in Sdk.props must still win.
        var project = Consumer("sdk", $"""
            <Project Sdk="Vixens.Lint.Sdk/{_version}">
              <Target Name="Hello">
                <Message Text="A user target that must not become the default target." />
              </Target>
            </Project>
            """, "manifests.proj");
        var run = DotnetBuild.Run(project, Path.Combine(project, "build.binlog"), ["manifests.proj"], _environment);
        TestContext.Out.WriteLine($"SDK package consumer build: {run.Elapsed.TotalMilliseconds:0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.Zero, run.Output);
            Assert.That(run.Canonical, Has.Some.Matches<Canonical>(c => c is { Code: "VX4001", Kind: "error", Line: 18, Column: 18 }), run.Output);
        });
        SarifChecks.AssertValid(File.ReadAllBytes(Path.Combine(project, "obj", "vixens-lint.sarif")));
    }

    [Test]
    public void Task_package_lints_from_a_PackageReference_in_an_ordinary_project()
    {
        var project = Consumer("ref", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Vixens.Lint.MSBuild" Version="{_version}" />
              </ItemGroup>
            </Project>
            """, "manifests.csproj");
        var run = DotnetBuild.Run(project, Path.Combine(project, "build.binlog"), ["manifests.csproj", "-p:NoWarn=VX4002"], _environment);
        TestContext.Out.WriteLine($"PackageReference consumer build: {run.Elapsed.TotalMilliseconds:0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.Zero, run.Output);
            Assert.That(run.Canonical, Has.Some.Matches<Canonical>(c => c is { Code: "VX4001", Kind: "error" }), run.Output);
            Assert.That(run.Canonical.Select(c => c.Code), Does.Not.Contain("VX4002"), "NoWarn through Microsoft.Common's folding");
        });
        SarifChecks.AssertValid(File.ReadAllBytes(Path.Combine(project, "obj", "Debug", "net10.0", "vixens-lint.sarif")));
    }

    /// <summary>A consumer directory under the feed's nuget.config, with the mini homelab's manifests and a .git (its root).</summary>
    private string Consumer(string name, string projectXml, string projectFile)
    {
        var directory = Path.Combine(_dir, name);
        var fixture = Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.MSBuild.Tests", "Fixtures", "homelab-mini");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(directory, ".git"));
        File.WriteAllText(Path.Combine(directory, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(directory, projectFile), projectXml);
        return directory;
    }
}
