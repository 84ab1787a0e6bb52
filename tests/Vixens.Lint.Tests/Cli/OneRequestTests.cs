using System.Text.Json;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Cli;

/// <summary>
/// Every command builds its request through LintRequestFactory: the <c>environments:</c> setting reaches <c>report</c> and
/// <c>apps</c> as it reaches <c>check</c>, and a configuration error is exit 2 for all of them, never exit 3.
/// </summary>
[NonParallelizable]
public sealed class OneRequestTests
{
    [Test]
    public void Report_follows_the_environments_setting()
    {
        using var repo = HomelabCopy("environments:\n  live: argocd/overlays/prod\n");
        var (exitCode, stdout, stderr) = CliRunner.Run("report", repo.Root, "--format", "json");
        Assert.That(exitCode, Is.EqualTo(0), stderr);
        var environments = EnvironmentNames(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(environments, Does.Contain("live"));
            Assert.That(environments, Does.Not.Contain("prod"), "the prod overlay is the live environment here");
        });
    }

    [Test]
    public void Apps_follows_the_environments_setting()
    {
        using var repo = HomelabCopy("environments:\n  live: argocd/overlays/prod\n");
        var (exitCode, stdout, stderr) = CliRunner.Run("apps", repo.Root, "--format", "json");
        Assert.That(exitCode, Is.EqualTo(0), stderr);
        using var json = JsonDocument.Parse(stdout);
        var names = json.RootElement.GetProperty("environments").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "live" }));
    }

    [TestCase("check")]
    [TestCase("report")]
    [TestCase("apps")]
    [TestCase("baseline")]
    public void A_missing_environment_folder_is_a_configuration_error(string command)
    {
        using var repo = HomelabCopy("environments:\n  live: deploy/live\n");
        string[] args = command == "baseline" ? [command, repo.Root, "--output", repo.PathOf("baseline.json")] : [command, repo.Root];
        var (exitCode, _, stderr) = CliRunner.Run(args);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.Contain(".vixens-lint.yaml(2,9): error: Environment \"live\": the folder \"deploy/live\" does not exist"));
            Assert.That(stderr, Does.Not.Contain("internal error"));
        });
    }

    private static List<string> EnvironmentNames(string reportJson)
    {
        var names = new List<string>();
        using var json = JsonDocument.Parse(reportJson);
        var stack = new Stack<JsonElement>([json.RootElement]);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "environment" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        names.Add(property.Value.GetString()!);
                    }

                    stack.Push(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
        }

        return names.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The homelab sample in a scratch git repository, with the settings given.</summary>
    private static TempRepository HomelabCopy(string settings)
    {
        var repo = new TempRepository();
        foreach (var file in Directory.GetFiles(TestPaths.Homelab, "*", SearchOption.AllDirectories))
        {
            repo.Write(Path.GetRelativePath(TestPaths.Homelab, file), File.ReadAllText(file));
        }

        Directory.CreateDirectory(repo.PathOf(".git"));
        repo.Write(".vixens-lint.yaml", settings);
        return repo;
    }
}
