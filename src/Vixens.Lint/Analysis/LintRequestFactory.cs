using Vixens.Lint.Diagnostics;
using Vixens.Lint.Configuration;
using Vixens.Lint.Rules.Packs;
using Vixens.Lint.Foundation;

namespace Vixens.Lint.Analysis;

/// <summary>
/// The one way every front end (CLI <c>check</c>, <c>report</c>, <c>apps</c>, <c>baseline</c>, the MSBuild task) turns
/// user choices into a <see cref="LintRequest"/>: settings file (or <c>.vixens-lint.yaml</c> at the root), rule packs,
/// baseline, environments. Every configuration problem is a <see cref="ConfigurationException"/> (exit code 2).
/// </summary>
public static class LintRequestFactory
{
    /// <exception cref="ConfigurationException">The settings, a rule pack or the baseline is invalid (CLI exit code 2, MSBuild error).</exception>
    public static LintRequest Create(LintInvocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.RepositoryRoot ?? RepositoryPaths.FindRepositoryRoot(options.Target);
        var settings = string.IsNullOrWhiteSpace(options.SettingsFile) ? SettingsLoader.LoadFromRoot(root) : SettingsLoader.LoadFile(options.SettingsFile);
        if (!string.IsNullOrWhiteSpace(options.KubernetesVersion))
        {
            settings = settings with { KubernetesVersion = options.KubernetesVersion.Trim() };
        }

        CheckEnvironmentRoots(settings, root);
        var catalog = RuleCatalogFactory.Create(settings, options.RulePacks);
        return new LintRequest(options.Target)
        {
            RepositoryRoot = root,
            Settings = settings,
            Catalog = catalog,
            Environments = options.Environments,
            BaselinePath = string.IsNullOrWhiteSpace(options.BaselinePath) ? null : options.BaselinePath,
            Workspace = new GitOps.WorkspaceOptions { Environments = settings.Environments },
        };
    }

    /// <summary>An <c>environments:</c> entry naming a folder that does not exist is a configuration error at its line.</summary>
    private static void CheckEnvironmentRoots(LintSettings settings, string root)
    {
        var errors = settings.Environments
            .Where(e => !Directory.Exists(Path.Combine(root, e.Value)))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ConfigurationError(
                $"Environment \"{e.Key}\": the folder \"{e.Value}\" does not exist under the repository root {root}.",
                settings.EnvironmentLocations.GetValueOrDefault(e.Key) ?? SourceSpan.StartOf(settings.SettingsFile ?? root)))
            .ToList();
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }
    }
}

/// <summary>What a user chose on the command line or in MSBuild properties; unset values fall back to the settings file.</summary>
public sealed record LintInvocationOptions(string Target)
{
    /// <summary>Null: the enclosing git work tree of <see cref="Target"/>.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Null: <c>.vixens-lint.yaml</c> (or <c>.yml</c>) at the repository root, when present.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Built-in pack names or <c>*.rulepack.yaml</c> paths (relative paths resolve against the current directory), added to the settings' packs.</summary>
    public IReadOnlyList<string> RulePacks { get; init; } = [];

    /// <summary>Only these ArgoCD environments (empty: all).</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>Overrides the settings' <c>baseline</c>.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Overrides the settings' <c>kubernetesVersion</c>.</summary>
    public string? KubernetesVersion { get; init; }
}
