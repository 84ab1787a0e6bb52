using Vixens.Lint.Analysis;
using Vixens.Lint.Configuration;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Cli.Commands;

/// <summary>What <c>check</c> and <c>baseline</c> share: settings, rule packs and the engine run.</summary>
internal static class LintInvocation
{
    /// <summary>Loads settings (the file given, or <c>.vixens-lint.yaml</c> at the repository root) and the rule catalog.</summary>
    /// <exception cref="ConfigurationException">The settings or a rule pack is invalid: exit code 2.</exception>
    public static LintRequest Prepare(string target, string? configPath, IReadOnlyList<string> rulepacks, IReadOnlyList<string> environments, string? baselinePath) =>
        LintRequestFactory.Create(new LintInvocationOptions(target)
        {
            SettingsFile = configPath,
            RulePacks = rulepacks,
            Environments = environments,
            BaselinePath = baselinePath,
        });

    public static int ReportConfigurationError(ConfigurationException exception)
    {
        foreach (var error in exception.Errors)
        {
            Console.Error.WriteLine(error.ToString());
        }

        return ExitCodes.UsageOrConfiguration;
    }

    /// <summary><c>--fail-on</c> when given, else the settings' <c>failOn</c>, else <c>error</c>.</summary>
    public static Severity Threshold(string? failOnOption, LintSettings settings)
    {
        if (SeverityText.TryParse(failOnOption, out var fromOption))
        {
            return fromOption;
        }

        return settings.FailOn;
    }
}
