using System.CommandLine;
using Vixens.Lint.Analysis;
using Vixens.Lint.Configuration;
using Vixens.Lint.Reporting.Maturity;
using Vixens.Lint.Rules.Packs;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.Cli.Commands;

/// <summary>
/// <c>vixens-lint report [PATH] [--env NAME]... --format md|html|json [--output FILE]</c>: the maturity tier of every
/// application (docs/maturity.md). Exit 0 on success, 2 on a usage or configuration error.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Repository or directory to report on.", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = "Report format.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var environments = new Option<string[]>("--env") { Description = "Only these environments (repeatable).", AllowMultipleArgumentsPerToken = false };
        var config = new Option<string?>("--config") { Description = "Settings file (default: .vixens-lint.yaml at the repository root)." };
        var rulepacks = new Option<string[]>("--rulepack") { Description = "Additional *.rulepack.yaml files (repeatable)." };

        var command = new Command("report", "Compute each application's maturity tier (Bronze…Diamond) and what blocks the next one.")
        {
            path, format, output, environments, config, rulepacks,
        };
        command.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(path)!;
            if (!Directory.Exists(target) && !File.Exists(target))
            {
                Console.Error.WriteLine($"error: path not found: {target}");
                return ExitCodes.UsageOrConfiguration;
            }

            try
            {
                // Tiers need the maturity checks whatever the settings say. The engine analyses every environment; the
                // report keeps the ones asked for, so each application's tier is computed the same way with or without --env.
                var request = LintRequestFactory.Create(new LintInvocationOptions(target)
                {
                    SettingsFile = parseResult.GetValue(config),
                    RulePacks = [.. parseResult.GetValue(rulepacks) ?? [], RulePackLoader.VixensMaturity],
                });
                var result = LintEngine.Run(request);
                var envs = parseResult.GetValue(environments) ?? [];
                var report = MaturityCalculator.Compute(result, envs.Length == 0 ? null : envs);
                var selected = parseResult.GetValue(format)!;
                OutputTarget.Write(parseResult.GetValue(output), writer =>
                {
                    switch (selected)
                    {
                        case "html":
                            MaturityHtmlRenderer.Write(report, writer);
                            break;
                        case "json":
                            MaturityJsonRenderer.Write(report, writer);
                            break;
                        default:
                            MaturityMarkdownRenderer.Write(report, writer);
                            break;
                    }
                });
                return ExitCodes.Success;
            }
            catch (ConfigurationException ex)
            {
                return LintInvocation.ReportConfigurationError(ex);
            }
        });
        return command;
    }
}
