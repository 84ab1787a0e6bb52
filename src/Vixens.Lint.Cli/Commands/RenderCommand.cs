using System.CommandLine;
using Vixens.Lint.Analysis;
using Vixens.Lint.Kustomize;
using Vixens.Lint.Reporting;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.Cli.Commands;

/// <summary><c>vixens-lint render DIR</c>: the offline equivalent of <c>kustomize build DIR</c>, same bytes on stdout.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "Kustomization directory to build." };
        var command = new Command("render", "Build a kustomization offline and print the result like 'kustomize build' (exit 1 on a build error).") { directory };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(directory)!;
            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"error: directory not found: {path}");
                return ExitCodes.UsageOrConfiguration;
            }

            var full = Path.GetFullPath(path);
            // Inside a git work tree, bases may not escape it; elsewhere kustomize's own rules apply (directories anywhere).
            var repositoryRoot = RepositoryPaths.FindRepositoryRoot(full);
            var options = new KustomizeOptions { RepositoryRoot = Directory.Exists(Path.Combine(repositoryRoot, ".git")) ? repositoryRoot : null };
            var result = new KustomizeRenderer().Render(full, options);
            var cwd = Directory.GetCurrentDirectory();
            foreach (var diagnostic in result.Diagnostics)
            {
                Console.Error.WriteLine(TextReportWriter.FormatLine(diagnostic, cwd));
            }

            if (!result.Succeeded)
            {
                return ExitCodes.Findings;
            }

            Console.Out.Write(KustomizeYamlWriter.Write(result.Resources));
            Console.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
