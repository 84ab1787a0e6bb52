using Vixens.Lint.Analysis;

namespace Vixens.Lint.Rules.Packs;

/// <summary>
/// Builds the rule catalog for a run: the built-in C# rules and pipeline descriptors, plus the packs named in the settings
/// and on the command line. Throws <see cref="Configuration.ConfigurationException"/> for a bad pack (CLI exit code 2).
/// </summary>
public static class RuleCatalogFactory
{
    /// <summary>
    /// The catalog for <paramref name="settings"/> (its <c>packs</c>, resolved next to the settings file) plus
    /// <paramref name="extraPacks"/> (CLI <c>--rulepack</c>, resolved against the current directory). Rule ids under the
    /// settings' <c>rules:</c> must exist in it (a typo is a configuration error with a suggestion).
    /// </summary>
    public static RuleCatalog Create(LintSettings settings, IEnumerable<string>? extraPacks = null)
    {
        var settingsDirectory = settings.SettingsFile is { } file ? Path.GetDirectoryName(Path.GetFullPath(file)) ?? Environment.CurrentDirectory : Environment.CurrentDirectory;
        var packs = settings.Packs.Select(p => RulePackLoader.Resolve(p, settingsDirectory))
            .Concat((extraPacks ?? []).Select(p => RulePackLoader.Resolve(p, Environment.CurrentDirectory)))
            .SelectMany(RulePackLoader.WithRequired)
            .DistinctBy(p => p.Source)
            .ToList();
        var catalog = RulePackLoader.CreateCatalog(BuiltInRules.All, BuiltInRules.PipelineDescriptors, packs);
        Configuration.SettingsLoader.CheckRuleIds(settings, catalog);
        return catalog;
    }

    /// <summary>Every built-in rule and every built-in pack: what <c>report</c>, docs and the meta-tests work with.</summary>
    public static RuleCatalog AllBuiltIn => AllBuiltInCatalog.Value;

    private static readonly Lazy<RuleCatalog> AllBuiltInCatalog = new(() => Create(RulePackLoader.BuiltInNames, Environment.CurrentDirectory));

    /// <summary>Built-in rules plus the given packs (names or paths relative to <paramref name="baseDirectory"/>).</summary>
    public static RuleCatalog Create(IEnumerable<string> packs, string baseDirectory) =>
        RulePackLoader.CreateCatalog(BuiltInRules.All, BuiltInRules.PipelineDescriptors, packs.Select(p => RulePackLoader.Resolve(p, baseDirectory)).SelectMany(RulePackLoader.WithRequired).DistinctBy(p => p.Source).ToList());
}
