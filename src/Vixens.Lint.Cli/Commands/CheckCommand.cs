using System.CommandLine;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Reporting;

namespace Vixens.Lint.Cli.Commands;

/// <summary><c>vixens-lint check [PATH]</c>: analyse and report; exit 1 when findings reach <c>--fail-on</c>.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Repository or directory to check.", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var failOn = new Option<string?>("--fail-on") { Description = "Lowest severity that makes the exit code 1 (default: failOn in settings, else error)." };
        failOn.AcceptOnlyFromAmong("error", "warning", "note");

        var environments = new Option<string[]>("--env") { Description = "Only analyse this ArgoCD environment (repeatable).", AllowMultipleArgumentsPerToken = false };
        var config = new Option<string?>("--config") { Description = "Settings file (default: .vixens-lint.yaml at the repository root)." };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline file: findings recorded there are reported but do not fail." };
        var rulepacks = new Option<string[]>("--rulepack") { Description = "Additional *.rulepack.yaml file (repeatable).", AllowMultipleArgumentsPerToken = false };
        var omitSuppressed = new Option<bool>("--sarif-omit-suppressed") { Description = "With --format sarif: leave findings silenced by lint.vixens.io/suppress out of the file (default: kept, marked as suppressed)." };
        var command = new Command("check", "Check manifests and print findings as file(line,col): severity VXnnnn: message.")
        {
            path, format, output, failOn, environments, config, baseline, rulepacks, omitSuppressed,
        };
        command.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(path)!;
            if (!Directory.Exists(target) && !File.Exists(target))
            {
                Console.Error.WriteLine($"error: path not found: {target}");
                return ExitCodes.UsageOrConfiguration;
            }

            LintRequest request;
            LintResult result;
            try
            {
                request = LintInvocation.Prepare(target, parseResult.GetValue(config), parseResult.GetValue(rulepacks) ?? [], parseResult.GetValue(environments) ?? [], parseResult.GetValue(baseline));
                result = LintEngine.Run(request);
            }
            catch (Configuration.ConfigurationException ex)
            {
                return LintInvocation.ReportConfigurationError(ex);
            }

            var outputPath = parseResult.GetValue(output);
            var writer = ReportWriters.For(parseResult.GetValue(format)!, parseResult.GetValue(omitSuppressed));
            OutputTarget.Write(outputPath, w => writer.Write(result, w));
            if (!string.IsNullOrEmpty(outputPath))
            {
                Console.Error.WriteLine(TextReportWriter.Summary(result));
            }

            var threshold = LintInvocation.Threshold(parseResult.GetValue(failOn), request.Settings);
            return result.Fails(threshold) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
