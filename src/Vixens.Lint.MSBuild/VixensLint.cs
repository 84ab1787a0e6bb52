using System.Globalization;
using Microsoft.Build.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Sarif;
using MSBuildTask = Microsoft.Build.Utilities.Task;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.MSBuild;

/// <summary>
/// Analyses the manifests and writes the SARIF file and the diagnostics cache (each only when its content changed).
/// It logs no findings itself: <see cref="VixensLintReport"/> does, on every build, from the cache. The targets run this
/// task incrementally (docs/msbuild.md).
/// </summary>
public sealed class VixensLint : MSBuildTask
{
    /// <summary>
    /// The directory relative paths are resolved against (<c>$(MSBuildProjectDirectory)</c>). Empty: the directory of the
    /// file that calls the task, which in a real build is our .targets file, not the project.
    /// </summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>The root SARIF paths are relative to (the git work tree); empty means "find <c>.git</c> above the project".</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>What to check: a directory or a file. Empty means the repository root.</summary>
    public string? Path { get; set; }

    [Required]
    public string SarifOutputPath { get; set; } = string.Empty;

    [Required]
    public string CacheFile { get; set; } = string.Empty;

    /// <summary>A <c>.vixens-lint.yaml</c>; empty means the one at the repository root, when present.</summary>
    public string? SettingsFile { get; set; }

    /// <summary>Built-in pack names (<c>vixens-maturity</c>) or <c>*.rulepack.yaml</c> files, added to the settings' packs.</summary>
    public ITaskItem[]? RulePacks { get; set; }

    /// <summary>A baseline (written by <c>vixens-lint baseline</c>, or a SARIF file of ours): its findings no longer fail the build.</summary>
    public string? Baseline { get; set; }

    /// <summary>Only these ArgoCD environments (empty: all).</summary>
    public string[]? Environments { get; set; }

    public string? KubernetesVersion { get; set; }

    /// <summary>Leave suppressed findings out of the SARIF file instead of writing them as suppressed.</summary>
    public bool SarifOmitSuppressed { get; set; }

    /// <summary><c>run.automationDetails.id</c>; empty leaves the category to the upload step.</summary>
    public string? SarifCategory { get; set; }

    /// <summary>The rule pages that become SARIF <c>help.markdown</c>.</summary>
    public string? RuleDocsDirectory { get; set; }

    /// <summary>The files written because their content changed (for logging and tests).</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = [];

    public override bool Execute()
    {
        var projectDirectory = BaseDirectory();
        var root = string.IsNullOrWhiteSpace(RepositoryRoot) ? RepositoryPaths.FindRepositoryRoot(projectDirectory) : System.IO.Path.GetFullPath(RepositoryRoot, projectDirectory);
        var path = string.IsNullOrWhiteSpace(Path) ? root : System.IO.Path.GetFullPath(Path, projectDirectory);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Log.LogError(null, "VXB001", null, null, BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0, $"VixensLintPath '{path}' does not exist.");
            return false;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        LintRequest request;
        LintResult result;
        try
        {
            request = LintRequestFactory.Create(new LintInvocationOptions(path)
            {
                RepositoryRoot = root,
                SettingsFile = NullIfBlank(SettingsFile) is { } settings ? System.IO.Path.GetFullPath(settings, projectDirectory) : null,
                RulePacks = (RulePacks ?? []).Select(p => PackReference(p, projectDirectory)).ToList(),
                Environments = (Environments ?? []).Select(e => e.Trim()).Where(e => e.Length > 0).ToList(),
                BaselinePath = NullIfBlank(Baseline) is { } baseline ? System.IO.Path.GetFullPath(baseline, projectDirectory) : null,
                KubernetesVersion = NullIfBlank(KubernetesVersion),
            });
            result = LintEngine.Run(request);
        }
        catch (Configuration.ConfigurationException e)
        {
            // Same errors as the CLI's exit code 2, at the file and line to fix.
            foreach (var error in e.Errors)
            {
                Log.LogError(null, "VXB006", null, null, error.Location.File, error.Location.StartLine, error.Location.StartColumn, 0, 0, error.Message);
            }

            return false;
        }

        var analysed = started.Elapsed;

        var sarifPath = System.IO.Path.GetFullPath(SarifOutputPath, projectDirectory);
        var writer = new SarifReportWriter(new SarifWriterOptions
        {
            Category = string.IsNullOrWhiteSpace(SarifCategory) ? null : SarifCategory,
            RuleDocsDirectory = string.IsNullOrWhiteSpace(RuleDocsDirectory) ? null : RuleDocsDirectory,
            OmitSuppressed = SarifOmitSuppressed,
        });
        var sarif = writer.Render(result);
        var written = new List<ITaskItem>();
        if (SarifReportWriter.WriteIfChanged(sarifPath, sarif.Utf8))
        {
            written.Add(new Microsoft.Build.Utilities.TaskItem(sarifPath));
        }

        if (sarif.ResultCount + sarif.OmittedResultCount > 4000)
        {
            Log.LogWarning(null, "VXB002", null, null, sarifPath, 0, 0, 0, 0, string.Create(
                CultureInfo.InvariantCulture,
                $"Vixens.Lint found {sarif.ResultCount + sarif.OmittedResultCount} results; GitHub code scanning uses at most {SarifWriterOptions.GitHubResultLimit} per run, so the SARIF file keeps the most severe and leaves out {sarif.OmittedResultCount}."));
        }

        var cache = new DiagnosticsCache
        {
            FileCount = result.FileCount,
            ResourceCount = result.ResourceCount,
            SarifPath = sarifPath,
            FailOn = request.Settings.FailOn.ToText(),
            Diagnostics = result.Active.Select(d => new CachedDiagnostic(
                d.Id, d.Severity.ToText(), d.Location.File, d.Location.StartLine, d.Location.StartColumn, d.Message, d.Descriptor.HelpUri)
            {
                InBaseline = d.BaselineState == BaselineState.Unchanged,
            }).ToList(),
        };

        var cachePath = System.IO.Path.GetFullPath(CacheFile, projectDirectory);
        if (SarifReportWriter.WriteIfChanged(cachePath, cache.ToUtf8()))
        {
            written.Add(new Microsoft.Build.Utilities.TaskItem(cachePath));
        }
        else
        {
            // Same findings as last time: keep the content, but mark the analysis as done for the incremental check.
            File.SetLastWriteTimeUtc(cachePath, DateTime.UtcNow);
        }

        WrittenFiles = [.. written];
        Log.LogMessage(
            MessageImportance.Normal,
            string.Create(CultureInfo.InvariantCulture, $"Vixens.Lint analysed {result.FileCount} files ({result.ResourceCount} resources) under {path} in {analysed.TotalMilliseconds:0} ms: {cache.Diagnostics.Count} findings; SARIF {(written.Any(w => w.ItemSpec == sarifPath) ? "written to" : "unchanged at")} {sarifPath}."));
        return !Log.HasLoggedErrors;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A built-in pack name stays a name; a file is made absolute against the project (MSBuild's convention for item paths).</summary>
    private static string PackReference(ITaskItem item, string projectDirectory) =>
        Rules.Packs.RulePackLoader.IsBuiltIn(item.ItemSpec.Trim()) ? item.ItemSpec.Trim() : System.IO.Path.GetFullPath(item.ItemSpec.Trim(), projectDirectory);

    private string BaseDirectory() =>
        !string.IsNullOrWhiteSpace(ProjectDirectory) ? System.IO.Path.GetFullPath(ProjectDirectory) :
        BuildEngine?.ProjectFileOfTaskNode is { Length: > 0 } project ? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(project))! : Directory.GetCurrentDirectory();
}
