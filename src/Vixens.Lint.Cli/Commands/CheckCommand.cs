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
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that makes the exit code 1.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "note");

        var command = new Command("check", "Check manifests and print findings as file(line,col): severity VXnnnn: message.")
        {
            path, format, output, failOn,
        };
        command.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(path)!;
            if (!Directory.Exists(target) && !File.Exists(target))
            {
                Console.Error.WriteLine($"error: path not found: {target}");
                return ExitCodes.UsageOrConfiguration;
            }

            var result = LintEngine.Run(new LintRequest(target));
            var outputPath = parseResult.GetValue(output);
            var writer = ReportWriters.For(parseResult.GetValue(format)!);
            OutputTarget.Write(outputPath, w => writer.Write(result, w));
            if (!string.IsNullOrEmpty(outputPath))
            {
                Console.Error.WriteLine(TextReportWriter.Summary(result));
            }

            var threshold = SeverityText.TryParse(parseResult.GetValue(failOn), out var parsed) ? parsed : Severity.Error;
            return result.Fails(threshold) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
