using System.IO.Compression;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Tests.Sarif;

namespace Vixens.Lint.MSBuild.Tests;

/// <summary>
/// Consumption as users do it, from the packages in <see cref="PackageFeed"/>: a one-line SDK project, a plain project
/// with PackageReferences to the task and the maturity-pack package, and the dotnet tool installed with
/// <c>dotnet tool install --tool-path</c>, each on a copy of samples/homelab. Assertions name only the sample's
/// documented defects (samples/homelab/README.md).
/// </summary>
[TestFixture]
[Category("e2e")]
[NonParallelizable]
public sealed class PackageTests
{
    private const string NotesDeployment = "apps/20-tools/notes/base/deployment.yaml";

    /// <summary>A maturity-pack finding on the sample: whoami has no startup probe (Silver's VX4006, samples/homelab/README.md).</summary>
    private const string WhoamiDeployment = "apps/10-web/whoami/base/deployment.yaml";

    private static PackageFeed Feed => PackageFeed.Instance;

    private static string Version => Feed.Version;

    [OneTimeSetUp]
    public void Pack() => TestContext.Out.WriteLine($"Packed {PackageFeed.Projects.Length} packages in {Feed.PackTime.TotalSeconds:0.0} s into {Feed.Feed}");

    [OneTimeTearDown]
    public void Clean()
    {
        if (TestContext.CurrentContext.Result.FailCount == 0)
        {
            Directory.Delete(Feed.Root, recursive: true);
        }
    }

    [Test]
    public void Every_package_has_readme_licence_repository_and_the_one_version()
    {
        foreach (var id in new[] { "Vixens.Lint", "Vixens.Lint.MSBuild", "Vixens.Lint.Sdk", "Vixens.Lint.RulePacks.Elite", "vixens-lint" })
        {
            var (entries, nuspec) = Open(id);
            Assert.Multiple(() =>
            {
                Assert.That(entries, Does.Contain("README.md").And.Contain("LICENSE"), id);
                Assert.That(nuspec, Does.Contain("<readme>README.md</readme>"), id);
                Assert.That(nuspec, Does.Contain("<license type=\"expression\">MIT</license>"), id);
                Assert.That(nuspec, Does.Match("<repository type=\"git\" url=\"https://github.com/charchess/vixens-lint\"[^>]* commit=\"[0-9a-f]{40}\""), $"{id}: SourceLink repository and commit");
                Assert.That(nuspec, Does.Contain($"<version>{Version}</version>"), id);
            });
        }
    }

    [Test]
    public void Library_declares_its_real_dependencies_and_no_sarif()
    {
        var (entries, nuspec) = Open("Vixens.Lint");
        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("lib/net8.0/Vixens.Lint.dll"));
            Assert.That(entries, Has.None.Contains("Sarif"), "the Sarif.Sdk workaround stays out of the library package");
            foreach (var dependency in new[] { "YamlDotNet", "JsonSchema.Net", "Microsoft.Extensions.FileSystemGlobbing" })
            {
                Assert.That(nuspec, Does.Contain($"<dependency id=\"{dependency}\""), dependency);
            }

            Assert.That(nuspec, Does.Not.Contain("Sarif").And.Not.Contain("Microsoft.SourceLink"), "build-only references are not dependencies");
        });
    }

    [Test]
    public void Task_package_has_tasks_build_and_buildTransitive_and_no_lib_or_dependencies()
    {
        var (entries, nuspec) = Open("Vixens.Lint.MSBuild");
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
            Assert.That(nuspec, Does.Contain("<developmentDependency>true</developmentDependency>"));
            Assert.That(nuspec, Does.Not.Contain("<dependency "));
        });
    }

    [Test]
    public void Rule_pack_package_holds_only_its_props_and_is_a_development_dependency()
    {
        var (entries, nuspec) = Open("Vixens.Lint.RulePacks.Elite");
        var props = ReadEntry("Vixens.Lint.RulePacks.Elite", "build/Vixens.Lint.RulePacks.Elite.props");
        Assert.Multiple(() =>
        {
            Assert.That(entries.Where(e => e.StartsWith("build", StringComparison.Ordinal) || e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("tasks/", StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { "build/Vixens.Lint.RulePacks.Elite.props", "buildTransitive/Vixens.Lint.RulePacks.Elite.props" }));
            Assert.That(props, Does.Contain("<VixensLintRulePack Include=\"vixens-maturity\" />"));
            Assert.That(nuspec, Does.Contain("<developmentDependency>true</developmentDependency>"));
            Assert.That(nuspec, Does.Not.Contain("<dependency "));
        });
    }

    [Test]
    public void Tool_package_carries_no_sarif_documentation_file()
    {
        var (entries, nuspec) = Open("vixens-lint");
        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("tools/net8.0/any/vixens-lint.dll").And.Contain("tools/net8.0/any/Sarif.dll"));
            Assert.That(entries, Has.None.EndsWith("Sarif.xml"));
            Assert.That(nuspec, Does.Contain("<packageType name=\"DotnetTool\" />"));
        });
    }

    [Test]
    public void Sdk_project_lints_the_sample_fails_writes_sarif_and_a_second_build_is_up_to_date()
    {
        // A target of the user's own comes first in the file: DefaultTargets="Build" in Sdk.props must still win.
        var repo = Repository("sdk", "manifests.proj", $"""
            <Project Sdk="Vixens.Lint.Sdk/{Version}">
              <Target Name="Hello">
                <Message Text="A user target that must not become the default target." />
              </Target>
            </Project>
            """);
        var first = DotnetBuild.Run(repo, Path.Combine(repo, "build-1.binlog"), ["manifests.proj"], Feed.Environment);
        var second = DotnetBuild.Run(repo, Path.Combine(repo, "build-2.binlog"), ["manifests.proj"], Feed.Environment);
        TestContext.Out.WriteLine($"SDK consumer: first build {first.Elapsed.TotalMilliseconds:0} ms, no-op build {second.Elapsed.TotalMilliseconds:0} ms");
        var sarif = SarifChecks.AssertValid(File.ReadAllBytes(Path.Combine(repo, "obj", "vixens-lint.sarif")));
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(1), first.Output);
            AssertSampleDefects(first);
            Assert.That(first.AnalysisSkipped, Is.False);
            Assert.That(RuleIds(sarif), Does.Contain("VX4001").And.Not.Contain("VX4006"), "no maturity pack without the package");
            Assert.That(second.ExitCode, Is.EqualTo(1), "the same errors fail the no-op build");
            Assert.That(second.AnalysisSkipped, Is.True, "the analysis target is skipped as up to date");
            Assert.That(second.Canonical, Is.EquivalentTo(first.Canonical));
        });
    }

    [Test]
    public void PackageReferences_to_the_task_and_the_maturity_pack_add_its_findings_and_a_second_build_is_up_to_date()
    {
        var repo = Repository("ref", "manifests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Vixens.Lint.MSBuild" Version="{Version}" PrivateAssets="all" />
                <PackageReference Include="Vixens.Lint.RulePacks.Elite" Version="{Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var first = DotnetBuild.Run(repo, Path.Combine(repo, "build-1.binlog"), ["manifests.csproj", "-p:NoWarn=VX4005"], Feed.Environment);
        var second = DotnetBuild.Run(repo, Path.Combine(repo, "build-2.binlog"), ["manifests.csproj", "-p:NoWarn=VX4005"], Feed.Environment);
        TestContext.Out.WriteLine($"PackageReference consumer: first build {first.Elapsed.TotalMilliseconds:0} ms, no-op build {second.Elapsed.TotalMilliseconds:0} ms");
        var sarif = SarifChecks.AssertValid(File.ReadAllBytes(Path.Combine(repo, "obj", "Debug", "net10.0", "vixens-lint.sarif")));
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(1), first.Output);
            Assert.That(first.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith(NotesDeployment, StringComparison.Ordinal) && c is { Line: 19, Column: 18, Kind: "error", Code: "VX4001" }), first.Output);
            Assert.That(first.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith(WhoamiDeployment, StringComparison.Ordinal) && c is { Line: 19, Column: 17, Kind: "warning", Code: "VX4006" }), "the maturity pack runs");
            Assert.That(RuleIds(sarif), Does.Contain("VX4006"));
            Assert.That(first.Canonical.Select(c => c.Code), Does.Not.Contain("VX4005"), "NoWarn through Microsoft.Common's folding");
            Assert.That(second.ExitCode, Is.EqualTo(1));
            Assert.That(second.AnalysisSkipped, Is.True, "built-in pack names are no file inputs, so the analysis stays up to date");
            Assert.That(second.Canonical, Is.EquivalentTo(first.Canonical));
        });
    }

    [Test]
    public void Installed_tool_checks_the_sample_and_writes_valid_sarif()
    {
        var repo = Repository("tool", projectFile: null, projectXml: null);
        var tools = Path.Combine(Feed.Root, "tools");
        var install = DotnetBuild.Dotnet(Feed.Root, ["tool", "install", "vixens-lint", "--tool-path", tools, "--add-source", Feed.Feed, "--version", Version], Feed.Environment);
        Assert.That(install.ExitCode, Is.Zero, install.Output);

        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "vixens-lint.exe" : "vixens-lint");
        var check = Run(tool, repo, ["check", "."]);
        var sarifPath = Path.Combine(repo, "out.sarif");
        var sarifRun = Run(tool, repo, ["check", ".", "--format", "sarif", "--output", sarifPath]);
        TestContext.Out.WriteLine($"tool install {install.Elapsed.TotalMilliseconds:0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(check.ExitCode, Is.EqualTo(1), check.Output);
            Assert.That(check.Output, Does.Contain($"{NotesDeployment}(19,18): error VX4001: "));
            Assert.That(check.Output, Does.Contain("apps/10-web/whoami/overlays/prod/replicas-patch.yaml(6,3): error VX1001: "));
            Assert.That(sarifRun.ExitCode, Is.EqualTo(1), sarifRun.Output);
        });
        var sarif = SarifChecks.AssertValid(File.ReadAllBytes(sarifPath));
        Assert.That(RuleIds(sarif), Does.Contain("VX4001").And.Contain("VX1001"));
    }

    private static void AssertSampleDefects(BuildRun run)
    {
        Assert.That(run.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith(NotesDeployment, StringComparison.Ordinal) && c is { Line: 19, Column: 18, Kind: "error", Code: "VX4001" }), run.Output);
        Assert.That(run.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith(NotesDeployment, StringComparison.Ordinal) && c is { Line: 23, Column: 11, Kind: "warning", Code: "VX4003" }), run.Output);
        Assert.That(run.Canonical, Has.Some.Matches<Canonical>(c => c.File.EndsWith("apps/10-web/whoami/overlays/prod/replicas-patch.yaml", StringComparison.Ordinal) && c is { Line: 6, Column: 3, Kind: "error", Code: "VX1001" }), run.Output);
    }

    private static List<string> RuleIds(System.Text.Json.Nodes.JsonObject sarif) =>
        sarif["runs"]![0]!["results"]!.AsArray().Select(r => (string)r!["ruleId"]!).Distinct().ToList();

    private static (int ExitCode, string Output) Run(string executable, string directory, IEnumerable<string> arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(executable) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Feed.Environment)
        {
            start.Environment[key] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(120)), Is.True, "vixens-lint timed out");
        return (process.ExitCode, output + stderr.Result);
    }

    /// <summary>A copy of samples/homelab (its own manifests.proj left out) as a git work tree under the feed's nuget.config.</summary>
    private static string Repository(string name, string? projectFile, string? projectXml)
    {
        var directory = Path.Combine(Feed.Root, name);
        var sample = Path.Combine(TestPaths.RepositoryRoot, "samples", "homelab");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file).Replace('\\', '/');
            if (relative == "manifests.proj" || relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("out/", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(directory, ".git"));
        File.WriteAllText(Path.Combine(directory, ".git", "HEAD"), "ref: refs/heads/main\n");
        if (projectFile is not null)
        {
            File.WriteAllText(Path.Combine(directory, projectFile), projectXml);
        }

        return directory;
    }

    private static (List<string> Entries, string Nuspec) Open(string id)
    {
        using var zip = ZipFile.OpenRead(Feed.Package(id));
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        return (zip.Entries.Select(e => e.FullName).ToList(), reader.ReadToEnd());
    }

    private static string ReadEntry(string id, string entry)
    {
        using var zip = ZipFile.OpenRead(Feed.Package(id));
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
