using System.CommandLine;
using Vixens.Lint.Analysis;
using Vixens.Lint.Baselines;

namespace Vixens.Lint.Cli.Commands;

/// <summary><c>vixens-lint baseline [PATH] --output FILE</c>: record today's findings so only new ones fail later.</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Repository or directory to check.", DefaultValueFactory = _ => "." };
        var output = new Option<string>("--output", "-o") { Description = "Baseline file to write.", Required = true };
        var config = new Option<string?>("--config") { Description = "Settings file (default: .vixens-lint.yaml at the repository root)." };
        var rulepacks = new Option<string[]>("--rulepack") { Description = "Additional *.rulepack.yaml file (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("baseline", "Write the current findings to a baseline file; 'check --baseline FILE' then fails only on new findings.")
        {
            path, output, config, rulepacks,
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
                var request = LintInvocation.Prepare(target, parseResult.GetValue(config), parseResult.GetValue(rulepacks) ?? [], [], baselinePath: null);
                var result = LintEngine.Run(request);
                var file = parseResult.GetValue(output)!;
                result.ToBaseline().Save(file);
                Console.Error.WriteLine($"Wrote {file}: {result.Active.Count()} finding(s) recorded.");
                return ExitCodes.Success;
            }
            catch (Configuration.ConfigurationException ex)
            {
                return LintInvocation.ReportConfigurationError(ex);
            }
        });
        return command;
    }
}
