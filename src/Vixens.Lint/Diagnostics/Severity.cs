namespace Vixens.Lint.Diagnostics;

/// <summary>How serious a finding is. The order matters: <c>--fail-on</c> compares with it.</summary>
public enum Severity
{
    /// <summary>Disabled: the rule does not report.</summary>
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityText
{
    public static string ToText(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error":
                severity = Severity.Error;
                return true;
            case "warning" or "warn":
                severity = Severity.Warning;
                return true;
            case "note" or "info" or "suggestion":
                severity = Severity.Note;
                return true;
            case "none" or "off" or "silent":
                severity = Severity.None;
                return true;
            default:
                severity = Severity.None;
                return false;
        }
    }
}
