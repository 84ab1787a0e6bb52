using System.CommandLine;
using Vixens.Lint.Cli.Commands;

namespace Vixens.Lint.Cli;

internal static class Program
{
    /// <summary>
    /// How long one regular-expression match may run: JsonSchema.Net compiles rule-pack `pattern` keywords without a
    /// timeout, so a catastrophically backtracking pattern would otherwise hang the check. It must be set before the
    /// first Regex is created, hence first thing in Main.
    /// </summary>
    internal static readonly TimeSpan RegexMatchTimeout = TimeSpan.FromSeconds(2);

    public static int Main(string[] args)
    {
        AppDomain.CurrentDomain.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", RegexMatchTimeout);
        var root = new RootCommand("vixens-lint: offline analysis of Kubernetes GitOps repositories (Kustomize, ArgoCD, schemas, maturity rules).")
        {
            CheckCommand.Create(),
            RenderCommand.Create(),
            HelmCommand.Create(),
            ReportCommand.Create(),
            AppsCommand.Create(),
            BaselineCommand.Create(),
            RulesCommand.Create(),
            ExplainCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine("Run 'vixens-lint --help' for usage.");
            return ExitCodes.UsageOrConfiguration;
        }

        try
        {
            // Our own handler below replaces System.CommandLine's, which would print a stack trace.
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The last line of defence: a bug must not print a stack trace at users.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            Console.Error.WriteLine("This is a bug in vixens-lint; please report it with the command line you ran.");
            return ExitCodes.InternalError;
        }
    }
}
