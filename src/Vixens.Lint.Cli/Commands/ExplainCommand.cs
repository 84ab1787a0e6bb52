using System.CommandLine;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules;

namespace Vixens.Lint.Cli.Commands;

/// <summary><c>vixens-lint explain VXnnnn</c>: the rule's metadata and its documentation page.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Rule ID, e.g. VX4001." };
        var command = new Command("explain", "Show a rule's description, examples and how to fix or suppress it.") { id };
        command.SetAction(parseResult =>
        {
            var requested = parseResult.GetValue(id)!.Trim().ToUpperInvariant();
            if (Rules.Packs.RuleCatalogFactory.AllBuiltIn.Find(requested) is not { } descriptor)
            {
                Console.Error.WriteLine($"error: unknown rule '{requested}'. Run 'vixens-lint rules' for the list.");
                return ExitCodes.UsageOrConfiguration;
            }

            var output = Console.Out;
            output.Write($"{descriptor.Id} {descriptor.Name}: {descriptor.Title}\n");
            output.Write($"Category: {descriptor.Category}   Default severity: {descriptor.DefaultSeverity.ToText()}");
            output.Write(descriptor.Tier is { } tier ? $"   Tier: {tier}\n" : "\n");
            output.Write($"Help: {descriptor.HelpUri}\n\n");
            output.Write(RuleDocs.TryGet(descriptor.Id) ?? descriptor.Description + "\n");
            return ExitCodes.Success;
        });
        return command;
    }
}
