using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Vixens.Lint.Configuration;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Packs;

/// <summary>
/// Reads <c>*.rulepack.yaml</c> files. A pack that fails <c>schemas/rulepack.schema.json</c>, declares an ID twice or
/// holds an invalid JSON Schema throws a <see cref="ConfigurationException"/> naming the file and line (CLI exit code 2).
/// </summary>
public static class RulePackLoader
{
    /// <summary>Name of the pack that ships inside the library.</summary>
    public const string VixensMaturity = "vixens-maturity";

    /// <summary>Pod Security Standards, baseline level (Kubernetes 1.34 Pod Security Admission checks).</summary>
    public const string PssBaseline = "pss-baseline";

    /// <summary>Pod Security Standards, restricted level: its own checks, and <see cref="PssBaseline"/> with it.</summary>
    public const string PssRestricted = "pss-restricted";

    private const string ResourcePrefix = "Vixens.Lint.RulePacks.";
    private static readonly EvaluationOptions ListOutput = new() { OutputFormat = OutputFormat.List };
    private static readonly EvaluationOptions FlagOutput = new() { OutputFormat = OutputFormat.Flag };
    private static readonly Lazy<JsonSchema> PackSchema = new(() => LoadEmbeddedSchema("Vixens.Lint.Schemas.rulepack.schema.json"));
    private static readonly Dictionary<string, Lazy<RulePack>> BuiltIns = new(StringComparer.OrdinalIgnoreCase)
    {
        [VixensMaturity] = new(() => LoadEmbeddedPack(VixensMaturity) with { CodeRules = BuiltInRules.MaturityPackRules }),
        [PssBaseline] = new(() => LoadEmbeddedPack(PssBaseline)),
        [PssRestricted] = new(() => LoadEmbeddedPack(PssRestricted) with { Requires = [PssBaseline] }),
    };

    /// <summary>The packs shipped inside the library, usable by name in settings (<c>packs: [vixens-maturity]</c>).</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [VixensMaturity, PssBaseline, PssRestricted];

    public static bool IsBuiltIn(string name) => BuiltIns.ContainsKey(name);

    public static RulePack LoadBuiltIn(string name) =>
        BuiltIns.TryGetValue(name, out var pack) ? pack.Value : throw new ConfigurationException($"Unknown built-in rule pack \"{name}\"; known: {string.Join(", ", BuiltInNames)}.");

    /// <summary>A built-in pack name, or a path to a <c>*.rulepack.yaml</c> file (relative to <paramref name="baseDirectory"/>).</summary>
    public static RulePack Resolve(string nameOrPath, string baseDirectory) =>
        IsBuiltIn(nameOrPath) ? LoadBuiltIn(nameOrPath) : LoadFile(Path.GetFullPath(Path.Combine(baseDirectory, nameOrPath)));

    /// <summary>The packs a pack builds on (<see cref="RulePack.Requires"/>), then the pack itself.</summary>
    public static IEnumerable<RulePack> WithRequired(RulePack pack) => pack.Requires.Select(LoadBuiltIn).Append(pack);

    /// <summary>Packs larger than this (1 MiB) are refused before being read: a pack is a page of rules, not data.</summary>
    public const long MaxPackBytes = 1024 * 1024;

    public static RulePack LoadFile(string path)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            var length = new FileInfo(full).Length;
            if (length > MaxPackBytes)
            {
                throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"Rule pack is {length:N0} bytes, over the {MaxPackBytes:N0}-byte limit; it is not read"), SourceSpan.StartOf(full));
            }

            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"Cannot read rule pack: {ex.Message}", SourceSpan.StartOf(full));
        }

        return Load(full, text);
    }

    /// <summary>Parses and validates pack text; <paramref name="path"/> is used for locations.</summary>
    private const string UserPackHelpUri = "https://github.com/charchess/vixens-lint/blob/main/docs/rule-packs.md";

    public static RulePack Load(string path, string text) => Load(path, text, builtIn: false);

    /// <summary>
    /// <paramref name="builtIn"/> packs ship in the library: the (slow) check against the pack schema is skipped, since the
    /// test suite validates them (RulePackTests.Built_in_pack_is_valid), and their rules have pages in docs/rules.
    /// </summary>
    internal static RulePack Load(string path, string text, bool builtIn)
    {
        var file = YamlLoader.Parse(path, text);
        var syntax = file.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => new ConfigurationError(d.Message, d.Location)).ToList();
        if (syntax.Count > 0)
        {
            throw new ConfigurationException(syntax);
        }

        if (file.Documents.Count != 1 || file.Documents[0].Root is not YamlMapping root)
        {
            throw new ConfigurationException("A rule pack must be one YAML document holding a mapping with `pack` and `rules`.", SourceSpan.StartOf(path));
        }

        var json = YamlJson.Convert(root);
        // Before the pack schema: validating a pathological schema against the meta-schema is itself costly.
        RejectCostlySchemas(root);
        var errors = builtIn ? [] : SchemaErrors(PackSchema.Value, json, root);
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        var pack = root.GetMapping("pack")!;
        var name = pack.GetString("name")!;
        // A user pack's rule has no page in this repository's docs/rules; without its own help URI it points at the
        // rule-pack guide rather than at a page that does not exist. Built-in packs document every rule there.
        var helpBase = pack.GetString("helpBaseUri");
        var fallbackHelp = builtIn ? null : UserPackHelpUri;
        var rules = new List<SchemaRule>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.OrdinalIgnoreCase);
        var ruleNodes = root.GetSequence("rules")!;
        for (var i = 0; i < ruleNodes.Items.Count; i++)
        {
            var ruleNode = (YamlMapping)ruleNodes.Items[i];
            var idNode = ruleNode.GetScalar("id")!;
            if (seen.TryGetValue(idNode.Value, out var first))
            {
                errors.Add(new ConfigurationError($"Rule id {idNode.Value} is declared twice in this pack (first at line {first.StartLine}).", idNode.Span));
                continue;
            }

            seen[idNode.Value] = idNode.Span;
            try
            {
                rules.Add(BuildRule(name, helpBase, fallbackHelp, ruleNode, json, $"/rules/{i}"));
            }
            catch (ConfigurationException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        return new RulePack(name, pack.GetString("version")!, pack.GetString("description"), path, rules);
    }

    /// <summary>
    /// Builds a catalog of the built-in C# rules plus <paramref name="packs"/>; an ID declared twice (across packs or
    /// with a built-in rule) is a configuration error at the second declaration.
    /// </summary>
    public static RuleCatalog CreateCatalog(IEnumerable<Rule> codeRules, IEnumerable<DiagnosticDescriptor> pipelineDescriptors, IEnumerable<RulePack> packs)
    {
        var rules = codeRules.ToList();
        var pipeline = pipelineDescriptors.ToList();
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in pipeline.Concat(rules.SelectMany(r => r.SupportedDiagnostics)))
        {
            owners.TryAdd(descriptor.Id, "a built-in rule");
        }

        var errors = new List<ConfigurationError>();
        foreach (var pack in packs)
        {
            foreach (var codeRule in pack.CodeRules)
            {
                foreach (var descriptor in codeRule.SupportedDiagnostics)
                {
                    if (owners.TryGetValue(descriptor.Id, out var codeOwner))
                    {
                        errors.Add(new ConfigurationError($"Rule id {descriptor.Id} of pack \"{pack.Name}\" is already declared by {codeOwner}.", SourceSpan.StartOf(pack.Source)));
                    }

                    owners[descriptor.Id] = $"pack \"{pack.Name}\"";
                }

                rules.Add(codeRule);
            }

            foreach (var rule in pack.Rules)
            {
                if (owners.TryGetValue(rule.Descriptor.Id, out var owner))
                {
                    errors.Add(new ConfigurationError($"Rule id {rule.Descriptor.Id} of pack \"{pack.Name}\" is already declared by {owner}.", rule.IdLocation ?? SourceSpan.StartOf(pack.Source)));
                    continue;
                }

                owners[rule.Descriptor.Id] = $"pack \"{pack.Name}\" ({pack.Source})";
                rules.Add(rule);
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        return new RuleCatalog(rules, pipeline);
    }

    private static SchemaRule BuildRule(string packName, string? helpBase, string? fallbackHelp, YamlMapping node, YamlJsonDocument json, string pointer)
    {
        var id = node.GetString("id")!;
        var tier = node.GetString("tier") is { } tierText ? Enum.Parse<MaturityTier>(tierText) : (MaturityTier?)null;
        var severity = SeverityText.TryParse(node.GetString("severity"), out var parsed) ? parsed : Severity.Warning;
        var tags = node.GetSequence("tags")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() ?? [];
        double? securitySeverity = node.GetScalar("securitySeverity") is { } ss && double.TryParse(ss.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null;
        var descriptor = new DiagnosticDescriptor(
            id,
            node.GetString("name")!,
            node.GetString("title")!,
            node.GetString("message")!,
            node.GetString("category") ?? "reliability",
            severity,
            // Not the bare title: SARIF needs a full description, and Sarif.Sdk drops the short one when both are equal.
            node.GetString("description") ?? $"{node.GetString("title")} (rule {id} of the {packName} rule pack).",
            tags,
            tier,
            node.GetString("helpUri") ?? (helpBase is null ? fallbackHelp : helpBase + id + ".md"),
            node.GetString("precision") ?? "high",
            securitySeverity);

        var matchNode = node.GetMapping("match")!;
        var match = new PackMatch(
            Enum.Parse<PackTarget>(matchNode.GetString("target")!, ignoreCase: true),
            Strings(matchNode.GetSequence("kinds")),
            matchNode.GetSequence("apiGroups") is { } groups ? Strings(groups) : null,
            IncludeExcludeOf(matchNode.GetMapping("namespaces")),
            IncludeExcludeOf(matchNode.GetMapping("names")),
            StringMap(matchNode.GetMapping("labels")),
            StringMap(matchNode.GetMapping("annotations")),
            CompileOptional(json, $"{pointer}/match/when", matchNode["when"], id, "when"),
            CompileOptional(json, $"{pointer}/match/resourceWhen", matchNode["resourceWhen"], id, "resourceWhen"));
        var schema = Compile(json, $"{pointer}/schema", node["schema"]!, id, "schema");
        return new SchemaRule(descriptor, match, schema, SelectorOf(node.GetMapping("bypass")), SelectorOf(node.GetMapping("optIn")), packName)
        {
            IdLocation = node.GetScalar("id")!.Span,
        };
    }

    /// <summary>Applies <see cref="PackSchemaBudget"/> to every rule's <c>schema</c>, <c>when</c> and <c>resourceWhen</c>.</summary>
    private static void RejectCostlySchemas(YamlMapping root)
    {
        var errors = new List<ConfigurationError>();
        foreach (var rule in root.GetSequence("rules")?.Items.OfType<YamlMapping>() ?? [])
        {
            var id = rule.GetString("id") ?? "?";
            var match = rule.GetMapping("match");
            foreach (var (field, entry) in new[] { ("schema", rule.GetEntry("schema")), ("when", match?.GetEntry("when")), ("resourceWhen", match?.GetEntry("resourceWhen")) })
            {
                if (entry is not null && PackSchemaBudget.Check(YamlJson.Convert(entry.Value).Root) is { } problem)
                {
                    errors.Add(new ConfigurationError($"Rule {id}: `{field}` is refused: {problem}", entry.Key.Span));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }
    }

    private static JsonSchema? CompileOptional(YamlJsonDocument json, string pointer, YamlNode? node, string id, string field) =>
        node is null ? null : Compile(json, pointer, node, id, field);

    private static JsonSchema Compile(YamlJsonDocument json, string pointer, YamlNode node, string id, string field)
    {
        var element = YamlJson.Convert(node).Root;
        try
        {
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            var schema = JsonSchema.Build(element, options, new Uri($"https://vixens-lint.dev/rulepacks/{id}/{field}"));

            // References are resolved lazily: evaluate once so that a dangling $ref fails now, at load time.
            schema.Evaluate(JsonDocument.Parse("{}").RootElement, ListOutput);
            return schema;
        }
        catch (RegexMatchTimeoutException ex)
        {
            var at = json.KeyAt(pointer) ?? json.NodeAt(pointer);
            throw new ConfigurationException($"Rule {id}: a `pattern` in `{field}` took longer than {ex.MatchTimeout.TotalSeconds:0.#} s to match; rewrite it without nested quantifiers", at.Span);
        }
        catch (Exception ex) when (ex is JsonSchemaException or RefResolutionException or InvalidOperationException or ArgumentException or FormatException)
        {
            var at = json.KeyAt(pointer) ?? json.NodeAt(pointer);
            throw new ConfigurationException($"Rule {id}: `{field}` is not a valid JSON Schema (draft 2020-12): {ex.Message}", at.Span);
        }
    }

    internal static List<ConfigurationError> SchemaErrors(JsonSchema schema, YamlJsonDocument json, YamlNode root)
    {
        var errors = new List<ConfigurationError>();
        // The flag format stops at the first failure and collects nothing: the detailed list only for invalid packs.
        if (schema.Evaluate(json.Root, FlagOutput).IsValid)
        {
            return errors;
        }

        var results = schema.Evaluate(json.Root, ListOutput);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in SchemaRule.Flatten(results))
        {
            if (result.IsValid || result.Errors is not { Count: > 0 })
            {
                continue;
            }

            var pointer = result.InstanceLocation.ToString();
            foreach (var (keyword, message) in result.Errors)
            {
                if (!seen.Add(pointer + "|" + keyword + "|" + message))
                {
                    continue;
                }

                var node = keyword == "additionalProperties" || keyword == "falseSchema" ? (YamlNode?)json.KeyAt(pointer) ?? json.NodeAt(pointer) : SchemaRule.LocationNode(json, pointer, root);
                var where = pointer.Length == 0 ? "(root)" : pointer;
                errors.Add(new ConfigurationError($"{where}: {message}", node.Span));
            }
        }

        // Most specific first; cap the list so that one mistake does not bury the others.
        return errors.OrderBy(e => e.Location.StartLine).ThenBy(e => e.Location.StartColumn).Take(20).ToList();
    }

    private static List<string> Strings(YamlSequence? sequence) =>
        sequence?.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() ?? [];

    private static Dictionary<string, string> StringMap(YamlMapping? mapping) =>
        mapping?.Entries.Where(e => e.Value is YamlScalar).ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private static IncludeExclude IncludeExcludeOf(YamlMapping? mapping) =>
        mapping is null ? IncludeExclude.All : new IncludeExclude(Strings(mapping.GetSequence("include")), Strings(mapping.GetSequence("exclude")));

    private static MetadataSelector SelectorOf(YamlMapping? mapping) =>
        mapping is null ? MetadataSelector.Empty : new MetadataSelector(StringMap(mapping.GetMapping("annotations")), StringMap(mapping.GetMapping("labels")));

    private static RulePack LoadEmbeddedPack(string name)
    {
        var resource = ResourcePrefix + name + ".rulepack.yaml";
        using var stream = typeof(RulePackLoader).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded rule pack {resource} is missing.");
        using var reader = new StreamReader(stream);
        return Load($"embedded:{name}.rulepack.yaml", reader.ReadToEnd(), builtIn: true);
    }

    internal static JsonSchema LoadEmbeddedSchema(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema {resource} is missing.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
