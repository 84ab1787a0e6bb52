using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;
using Vixens.Lint.Foundation;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Configuration;

/// <summary>
/// Reads <c>.vixens-lint.yaml</c> (schema: <c>schemas/settings.schema.json</c>) into <see cref="LintSettings"/>. Any
/// problem (syntax, unknown key — with a "did you mean" — or a wrong type) throws a <see cref="ConfigurationException"/>
/// with the file and line, which the CLI turns into exit code 2.
/// </summary>
public static class SettingsLoader
{
    public const string FileName = ".vixens-lint.yaml";

    private static readonly Lazy<Json.Schema.JsonSchema> Schema = new(() => PositionedSchema.LoadEmbedded(typeof(SettingsLoader).Assembly, "Vixens.Lint.Schemas.settings.schema.json"));

    public static IReadOnlyList<string> TopLevelKeys { get; } =
        ["$schema", "environments", "packs", "rules", "exclude", "kubernetesVersion", "schemaLocations", "skipKinds", "failOn", "baseline"];

    /// <summary>Loads <c>.vixens-lint.yaml</c> (or <c>.yml</c>) from <paramref name="repositoryRoot"/>, or returns the defaults when absent.</summary>
    public static LintSettings LoadFromRoot(string repositoryRoot)
    {
        foreach (var name in new[] { FileName, ".vixens-lint.yml" })
        {
            var path = Path.Combine(repositoryRoot, name);
            if (File.Exists(path))
            {
                return LoadFile(path);
            }
        }

        return LintSettings.Default;
    }

    public static LintSettings LoadFile(string path)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"Cannot read settings: {ex.Message}", SourceSpan.StartOf(full));
        }

        return Load(full, text);
    }

    public static LintSettings Load(string path, string text)
    {
        var file = YamlLoader.Parse(path, text);
        var syntax = file.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => new ConfigurationError(d.Message, d.Location)).ToList();
        if (syntax.Count > 0)
        {
            throw new ConfigurationException(syntax);
        }

        if (file.Documents.Count == 0 || file.Documents[0].Root is null || file.Documents[0].Root is YamlScalar { IsNull: true })
        {
            return LintSettings.Default with { SettingsFile = path };
        }

        if (file.Documents[0].Root is not YamlMapping root)
        {
            throw new ConfigurationException("Settings must be a mapping (key: value).", SourceSpan.StartOf(path));
        }

        var errors = new List<ConfigurationError>();
        foreach (var entry in root.Entries)
        {
            if (!TopLevelKeys.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                var suggestion = Levenshtein.Suggest(entry.Key.Value, TopLevelKeys.Skip(1));
                errors.Add(new ConfigurationError(
                    $"Unknown setting \"{entry.Key.Value}\"" + (suggestion is null ? $"; known settings: {string.Join(", ", TopLevelKeys.Skip(1))}." : $"; did you mean \"{suggestion}\"?"),
                    entry.Key.Span));
            }
        }

        if (root.GetMapping("rules") is { } rules)
        {
            foreach (var entry in rules.Entries)
            {
                if (!DiagnosticId.IsValid(entry.Key.Value))
                {
                    errors.Add(new ConfigurationError($"\"{entry.Key.Value}\" is not a rule id (VX followed by four digits).", entry.Key.Span));
                }
                else if (entry.Value is not YamlScalar scalar || !SeverityText.TryParse(scalar.Value, out _) || scalar.Value is "off" or "silent" or "info" or "warn" or "suggestion")
                {
                    var text2 = (entry.Value as YamlScalar)?.Value ?? "a collection";
                    var suggestion = Levenshtein.Suggest(text2, ["none", "note", "warning", "error"]);
                    errors.Add(new ConfigurationError(
                        $"Severity \"{text2}\" for {entry.Key.Value} is not one of none, note, warning, error" + (suggestion is null ? "." : $"; did you mean \"{suggestion}\"?"),
                        entry.Value.Span));
                }
            }
        }

        if (errors.Count == 0)
        {
            var json = YamlJson.Convert(root);
            errors.AddRange(PositionedSchema.Violations(Schema.Value, json, root).Select(v => new ConfigurationError(v.Message, v.Location)));
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        var overrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in root.GetMapping("rules")?.Entries ?? [])
        {
            if (SeverityText.TryParse(((YamlScalar)entry.Value).Value, out var severity))
            {
                overrides[entry.Key.Value] = severity;
            }
        }

        var settings = LintSettings.Default with
        {
            SettingsFile = path,
            SeverityOverrides = overrides,
            Exclude = Strings(root.GetSequence("exclude")),
            Packs = root.GetSequence("packs") is { } packs ? Strings(packs) : LintSettings.Default.Packs,
            Environments = root.GetMapping("environments")?.Entries.ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal),
            EnvironmentLocations = root.GetMapping("environments")?.Entries.ToDictionary(e => e.Key.Value, e => e.Value.Span, StringComparer.Ordinal)
                ?? new Dictionary<string, SourceSpan>(StringComparer.Ordinal),
            BaselinePath = root.GetString("baseline"),
            SchemaLocations = Strings(root.GetSequence("schemaLocations"))
                .Select(location => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path) ?? ".", location))).ToList(),
            SkipKinds = root.GetMapping("skipKinds")?.Entries.ToDictionary(e => e.Key.Value, e => (e.Value as YamlScalar)?.Value ?? string.Empty, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
        if (root.GetString("kubernetesVersion") is { } version)
        {
            settings = settings with { KubernetesVersion = version };
        }

        if (root.GetString("failOn") is { } failOn && SeverityText.TryParse(failOn, out var threshold))
        {
            settings = settings with { FailOn = threshold };
        }

        return settings;
    }

    /// <summary>
    /// Checks that every rule id under <c>rules:</c> is one of <paramref name="knownIds"/> (the catalog's, loaded packs
    /// included; compared ignoring case); an unknown id is an error at its line, with the closest known id as a suggestion.
    /// </summary>
    public static void CheckRuleIds(LintSettings settings, IReadOnlyCollection<string> knownIds)
    {
        if (settings.SettingsFile is not { } path || !File.Exists(path) || settings.SeverityOverrides.Count == 0)
        {
            return;
        }

        var file = YamlLoader.Parse(path, File.ReadAllText(path));
        if (file.Documents.Count == 0 || file.Documents[0].Root is not YamlMapping root || root.GetMapping("rules") is not { } rules)
        {
            return;
        }

        var known = knownIds.ToList();
        var knownSet = knownIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = new List<ConfigurationError>();
        foreach (var entry in rules.Entries)
        {
            if (!knownSet.Contains(entry.Key.Value))
            {
                var suggestion = Levenshtein.Suggest(entry.Key.Value, known);
                errors.Add(new ConfigurationError(
                    $"Unknown rule id \"{entry.Key.Value}\"" + (suggestion is null ? " (is its rule pack listed under `packs`?)." : $"; did you mean \"{suggestion}\"?"),
                    entry.Key.Span));
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }
    }

    private static List<string> Strings(YamlSequence? sequence) =>
        sequence?.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() ?? [];
}
