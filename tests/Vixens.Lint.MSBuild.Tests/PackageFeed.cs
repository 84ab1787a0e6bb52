using System.Reflection;
using System.Xml.Linq;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.MSBuild.Tests;

/// <summary>
/// The packages as users get them: packed once per test run (no build: the test project's references built them) with a
/// unique prerelease version into a local folder feed, and a <c>nuget.config</c> with that feed plus the repository's
/// normal source. Consumers restore into a private <c>NUGET_PACKAGES</c>, so no stale package of the same version leaks in.
/// </summary>
internal sealed class PackageFeed
{
    public static readonly string[] Projects =
    [
        "src/Vixens.Lint/Vixens.Lint.csproj",
        "src/Vixens.Lint.MSBuild/Vixens.Lint.MSBuild.csproj",
        "src/Vixens.Lint.Sdk/Vixens.Lint.Sdk.csproj",
        "src/Vixens.Lint.RulePacks.Elite/Vixens.Lint.RulePacks.Elite.csproj",
        "src/Vixens.Lint.Cli/Vixens.Lint.Cli.csproj",
    ];

    private static readonly Lazy<PackageFeed> Shared = new(() => new PackageFeed());

    private PackageFeed()
    {
        Root = Directory.CreateTempSubdirectory("vixens-feed-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        Environment = new() { ["NUGET_PACKAGES"] = Path.Combine(Root, ".packages"), ["DOTNET_ROOT"] = DotnetRoot() };
        var configuration = typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "VixensLintTaskConfiguration").Value!;

        // One MSBuild process packs the five projects (a dotnet pack per project would start MSBuild five times).
        var traversal = Path.Combine(Root, "pack.proj");
        File.WriteAllText(traversal, $"""
            <Project>
              <ItemGroup>
            {string.Join("\n", Projects.Select(p => $"    <PackProject Include=\"{Path.Combine(TestPaths.RepositoryRoot, p)}\" />"))}
              </ItemGroup>
              <Target Name="PackAll">
                <MSBuild Projects="@(PackProject)" Targets="Pack" Properties="Configuration={configuration};NoBuild=true;_IsPacking=true;PackageVersion={Version};PackageOutputPath={Feed}/" />
              </Target>
            </Project>
            """);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exitCode, output, _) = DotnetBuild.Dotnet(Root, ["msbuild", traversal, "-t:PackAll", "-nodeReuse:false", "-m:1", "-v:m", "-tl:off"]);
        PackTime = clock.Elapsed;
        Assert.That(exitCode, Is.Zero, output);

        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="{NormalSource()}" />
              </packageSources>
            </configuration>
            """);
    }

    public static PackageFeed Instance => Shared.Value;

    /// <summary>Holds the feed, the nuget.config and the package folder; consumers go in subdirectories.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public TimeSpan PackTime { get; }

    /// <summary>For child processes: the private package folder, and where the installed tool finds the runtime.</summary>
    public Dictionary<string, string> Environment { get; }

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The repository's own nuget.config source, so the tests reach the same place a developer's restore does.</summary>
    private static string NormalSource() =>
        XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "nuget.config")).Descendants("add").Select(a => (string?)a.Attribute("value")).First(v => v is not null && v.StartsWith("https://", StringComparison.Ordinal))!;

    /// <summary>The directory of the dotnet that runs the tests (an installed tool's launcher looks for DOTNET_ROOT).</summary>
    private static string DotnetRoot()
    {
        var host = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        // Else: the runtime's own folder is <root>/shared/Microsoft.NETCore.App/<version>/.
        return host is not null ? Path.GetDirectoryName(host)! : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
    }
}
