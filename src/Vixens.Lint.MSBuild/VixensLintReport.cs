using Microsoft.Build.Framework;
using Vixens.Lint.Diagnostics;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Vixens.Lint.MSBuild;

/// <summary>
/// Logs the cached findings in MSBuild's canonical form, <c>file(line,col): error VX4001: message</c>, on every build.
/// Only line and column are given (no end position): GitHub's dotnet problem matcher ignores lines with a full range.
/// Findings at or above <see cref="FailOn"/> are errors, so that they fail the build; NoWarn, WarningsAsErrors and
/// -warnaserror then apply as to any MSBuild warning.
/// </summary>
public sealed class VixensLintReport : MSBuildTask
{
    [Required]
    public string CacheFile { get; set; } = string.Empty;

    /// <summary><c>error</c>, <c>warning</c> or <c>note</c>: the lowest severity logged as an error. Empty: the settings' <c>failOn</c>, else <c>error</c>.</summary>
    public string? FailOn { get; set; }

    /// <summary>File names are shown relative to it when inside (<c>$(MSBuildProjectDirectory)</c>); empty: the calling file's directory.</summary>
    public string? ProjectDirectory { get; set; }

    [Output]
    public int ErrorCount { get; private set; }

    [Output]
    public int WarningCount { get; private set; }

    public override bool Execute()
    {
        if (!string.IsNullOrWhiteSpace(FailOn) && !IsThreshold(FailOn, out _))
        {
            Log.LogError(null, "VXB003", null, null, BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0,
                $"VixensLintFailOn '{FailOn}' is not one of error, warning, note.");
            return false;
        }

        var cache = DiagnosticsCache.Read(CacheFile);
        if (cache is null)
        {
            Log.LogError(null, "VXB004", null, null, BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0,
                $"The Vixens.Lint diagnostics cache '{CacheFile}' is missing or unreadable; rebuild to analyse again.");
            return false;
        }

        // The property wins; else the settings file's failOn as the analysis read it; else error.
        var threshold = IsThreshold(FailOn, out var fromProperty) ? fromProperty : IsThreshold(cache.FailOn, out var fromSettings) ? fromSettings : Severity.Error;
        var projectDirectory = !string.IsNullOrWhiteSpace(ProjectDirectory) ? Path.GetFullPath(ProjectDirectory)
            : BuildEngine?.ProjectFileOfTaskNode is { Length: > 0 } project ? Path.GetDirectoryName(Path.GetFullPath(project)) : null;
        foreach (var d in cache.Diagnostics)
        {
            var file = DisplayPath(d.File, projectDirectory);
            var severity = SeverityText.TryParse(d.Severity, out var parsed) ? parsed : Severity.Warning;
            if (d.InBaseline)
            {
                // Known debt: visible in the log, never an error or a warning (NoWarn and -warnaserror do not reach it).
                Log.LogMessage(null, d.Id, null, file, d.Line, d.Column, 0, 0, MessageImportance.Normal, d.Message + " (in the baseline)");
            }
            else if (severity >= threshold)
            {
                ErrorCount++;
                Log.LogError(null, d.Id, null, d.HelpLink, file, d.Line, d.Column, 0, 0, d.Message);
            }
            else if (severity == Severity.Warning)
            {
                WarningCount++;
                Log.LogWarning(null, d.Id, null, d.HelpLink, file, d.Line, d.Column, 0, 0, d.Message);
            }
            else
            {
                Log.LogMessage(null, d.Id, null, file, d.Line, d.Column, 0, 0, MessageImportance.High, d.Message);
            }
        }

        Log.LogMessage(MessageImportance.Normal, $"Vixens.Lint: {cache.FileCount} files, {cache.ResourceCount} resources, {cache.Diagnostics.Count} findings. SARIF: {cache.SarifPath}");
        return !Log.HasLoggedErrors;
    }

    private static bool IsThreshold(string? text, out Severity severity) =>
        SeverityText.TryParse(text, out severity) && severity != Severity.None;

    /// <summary>Relative to the project when the file is inside it (short, clickable), else the full path.</summary>
    private static string DisplayPath(string file, string? projectDirectory)
    {
        if (projectDirectory is null)
        {
            return file;
        }

        var relative = Path.GetRelativePath(projectDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
