using System.CommandLine;
using Vixens.Lint.Analysis;
using Vixens.Lint.Configuration;
using Vixens.Lint.GitOps;
using Vixens.Lint.Reporting.Inventory;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.Cli.Commands;

/// <summary>
/// <c>vixens-lint apps [PATH] [--env NAME]... [--format text|json] [--output FILE]</c>: per environment, the Applications
/// ArgoCD would deploy, the sources left unrendered, the Application manifests the root does not list, and the orphaned
/// overlays. Exit 0, or 2 on a usage or configuration error (and when PATH holds no kustomization).
/// </summary>
internal static class AppsCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Repository or directory to list.", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the listing to this file instead of standard output." };
        var environments = new Option<string[]>("--env") { Description = "Only list this ArgoCD environment (repeatable).", AllowMultipleArgumentsPerToken = false };
        var config = new Option<string?>("--config") { Description = "Settings file (default: .vixens-lint.yaml at the repository root)." };
        var command = new Command("apps", "List, per environment, the Applications resolved, the sources left unrendered and the orphaned overlays.")
        {
            path, format, output, environments, config,
        };
        command.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(path)!;
            if (!Directory.Exists(target))
            {
                Console.Error.WriteLine($"error: directory not found: {target}");
                return ExitCodes.UsageOrConfiguration;
            }

            Workspace? workspace;
            try
            {
                var request = LintRequestFactory.Create(new LintInvocationOptions(target) { SettingsFile = parseResult.GetValue(config) });
                workspace = LintEngine.DiscoverWorkspace(request);
            }
            catch (ConfigurationException ex)
            {
                return LintInvocation.ReportConfigurationError(ex);
            }

            if (workspace is null)
            {
                Console.Error.WriteLine($"error: {target} holds no kustomization, so there is no ArgoCD environment to list");
                return ExitCodes.UsageOrConfiguration;
            }

            var wanted = parseResult.GetValue(environments) ?? [];
            var unknown = wanted.Where(w => workspace.Environments.All(e => e.Name != w)).ToList();
            if (unknown.Count > 0)
            {
                var known = workspace.Environments.Count == 0 ? "none" : string.Join(", ", workspace.Environments.Select(e => e.Name));
                Console.Error.WriteLine($"error: unknown environment {string.Join(", ", unknown)} (environments: {known})");
                return ExitCodes.UsageOrConfiguration;
            }

            var inventory = ApplicationInventory.From(workspace, Path.GetFullPath(target), wanted);
            var json = parseResult.GetValue(format) == "json";
            OutputTarget.Write(parseResult.GetValue(output), w =>
            {
                if (json)
                {
                    InventoryJsonWriter.Write(inventory, w);
                }
                else
                {
                    InventoryTextWriter.Write(inventory, w);
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
