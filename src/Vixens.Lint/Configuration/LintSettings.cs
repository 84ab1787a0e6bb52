using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Configuration;

/// <summary>User choices that change what is reported (from <c>.vixens-lint.yaml</c>, MSBuild properties or CLI flags).</summary>
public sealed record LintSettings
{
    public static readonly LintSettings Default = new();

    /// <summary>Per-rule severity; <see cref="Severity.None"/> disables the rule.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Globs, relative to the repository root, of paths not to analyse.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string KubernetesVersion { get; init; } = "1.34";

    /// <summary>Extra folders of JSON schemas (<c>{group}/{kind}_{version}.json</c> or <c>{kind}_{version}.json</c>), searched after the bundled ones.</summary>
    public IReadOnlyList<string> SchemaLocations { get; init; } = [];

    /// <summary>Kinds not to schema-validate (<c>Kind</c> or <c>apiVersion/Kind</c>, e.g. <c>traefik.containo.us/v1alpha1/Middleware</c>) with the reason, which the VX1013 note repeats.</summary>
    public IReadOnlyDictionary<string, string> SkipKinds { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    // --- From .vixens-lint.yaml (Configuration/SettingsLoader) -------------------------------------------------

    /// <summary>The settings file these settings were read from, if any.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>ArgoCD environments: name → root overlay directory (relative to the repository root).</summary>
    public IReadOnlyDictionary<string, string> Environments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where each entry of <see cref="Environments"/> is written in the settings file, for errors about it.</summary>
    public IReadOnlyDictionary<string, SourceSpan> EnvironmentLocations { get; init; } = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);

    /// <summary>
    /// Rule packs to load: built-in names (<c>vixens-maturity</c>) or <c>*.rulepack.yaml</c> paths (relative to the
    /// settings file). None by default: the core rules always run; <c>report</c> adds <c>vixens-maturity</c> itself.
    /// </summary>
    public IReadOnlyList<string> Packs { get; init; } = [];

    /// <summary>Lowest severity that fails <c>check</c> (CLI <c>--fail-on</c> wins over it).</summary>
    public Severity FailOn { get; init; } = Severity.Error;

    /// <summary>Baseline file (see <see cref="Baselines.Baseline"/>): findings in it are marked unchanged and do not fail.</summary>
    public string? BaselinePath { get; init; }

    public Severity EffectiveSeverity(DiagnosticDescriptor descriptor, Severity reported) =>
        SeverityOverrides.TryGetValue(descriptor.Id, out var overridden) ? overridden : reported;
}
