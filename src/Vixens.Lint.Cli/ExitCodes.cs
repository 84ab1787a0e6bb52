namespace Vixens.Lint.Cli;

/// <summary>The exit codes (docs/architecture.md, "Exit codes"); scripts and CI depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above <c>--fail-on</c>.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above <c>--fail-on</c>, or <c>render</c> failed on a build error.</summary>
    public const int Findings = 1;

    /// <summary>Usage or configuration error: bad flag, unreadable config, invalid rule pack, missing path.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>An internal error (a bug in Vixens.Lint); the message asks for a report.</summary>
    public const int InternalError = 3;
}
