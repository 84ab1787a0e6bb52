using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Reporting;
using Vixens.Lint.Yaml;
using SarifSuppression = Microsoft.CodeAnalysis.Sarif.Suppression;

namespace Vixens.Lint.Sarif;

/// <summary>
/// Turns a <see cref="LintResult"/> into one SARIF 2.1.0 run shaped for GitHub code scanning (docs/sarif.md), built with
/// Sarif.Sdk's object model and serialized once, deterministically: UTF-8 without BOM, <c>\n</c>, indented, no timestamps,
/// machine paths or process ids, no source snippets.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string ToolName = "Vixens.Lint";
    public const string InformationUri = "https://github.com/charchess/vixens-lint";
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootBaseId = "%SRCROOT%";
    public const string LineHashKey = "primaryLocationLineHash";
    public const string LogicalFingerprintKey = "vixensLogicalFingerprint/v1";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SarifWriterOptions _options;

    public SarifReportWriter(SarifWriterOptions? options = null) => _options = options ?? SarifWriterOptions.Default;

    /// <summary>The tool's semantic version: the informational version of the engine without its <c>+commit</c> suffix.</summary>
    public static string ToolVersion => Reporting.ToolVersion.Current;

    /// <summary>The Sarif.Sdk object model of the log; internal so that users of this library never need Sarif.dll's types.</summary>
    internal SarifLog CreateLog(LintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var descriptors = result.Catalog.Descriptors;
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<ReportingDescriptor>();
        var docs = new RuleHelp(_options.RuleDocsDirectory);
        foreach (var descriptor in descriptors)
        {
            ruleIndex[descriptor.Id] = rules.Count;
            rules.Add(CreateRule(descriptor, docs));
        }

        // A diagnostic whose descriptor is not in the catalog (a rule pack reporting an undeclared id) still needs a rule entry.
        foreach (var descriptor in result.Diagnostics.Select(d => d.Descriptor).Where(d => !ruleIndex.ContainsKey(d.Id)).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            ruleIndex[descriptor.Id] = rules.Count;
            rules.Add(CreateRule(descriptor, docs));
        }

        var (kept, dropped) = Cap(Candidates(result).ToList(), _options.MaxResults);
        var sources = new SourceTexts();
        var logicalCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var baselineFingerprint = Baselines.Baseline.CreateFingerprinter();
        var results = kept.Select(d => CreateResult(d, result, ruleIndex[d.Id], sources, logicalCounts, baselineFingerprint)).ToList();

        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = ToolName,
                    SemanticVersion = _options.ToolVersionOverride ?? ToolVersion,
                    InformationUri = new Uri(InformationUri, UriKind.Absolute),
                    Rules = rules,
                },
            },
            Results = results,
            ColumnKind = ColumnKind.Utf16CodeUnits,
            Invocations = [CreateInvocation(kept.Count, dropped)],
        };
        if (!string.IsNullOrEmpty(_options.Category))
        {
            run.AutomationDetails = new RunAutomationDetails { Id = _options.Category };
        }

        return new SarifLog
        {
            SchemaUri = new Uri(SchemaUri, UriKind.Absolute),
            Version = SarifVersion.Current,
            Runs = [run],
        };
    }

    /// <summary>The exact bytes that <see cref="Write(LintResult, string)"/> writes.</summary>
    public byte[] ToUtf8(LintResult result) => Render(result).Utf8;

    /// <summary>The serialized log and its counts, for callers that do not reference Sarif.Sdk themselves.</summary>
    public SarifDocument Render(LintResult result)
    {
        var log = CreateLog(result);
        var written = log.Runs[0].Results.Count;
        var candidates = Candidates(result).Count();
        return new SarifDocument(Serialize(log), written, candidates - written);
    }

    /// <summary>The diagnostics that belong in the file before the result limit: not disabled, and not suppressed when those are omitted.</summary>
    private IEnumerable<Diagnostic> Candidates(LintResult result) =>
        result.Diagnostics.Where(d => d.Severity != Severity.None && !(_options.OmitSuppressed && d.IsSuppressed));

    /// <summary>Writes the log to <paramref name="path"/> unless the file already holds the same bytes; returns true when it wrote.</summary>
    public bool Write(LintResult result, string path) => WriteIfChanged(path, ToUtf8(result));

    /// <summary>The CLI's entry point (<c>--format sarif</c>): the same text, for a UTF-8 writer with <c>\n</c> line ends.</summary>
    public void Write(LintResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Encoding.UTF8.GetString(ToUtf8(result)));
    }

    /// <summary>Serializes any log the way this writer does: indented, <c>\n</c> line ends, UTF-8 without BOM, trailing newline.</summary>
    internal static byte[] Serialize(SarifLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            using var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
            var serializer = JsonSerializer.Create(new JsonSerializerSettings
            {
                ContractResolver = ExplicitDefaultsResolver.Instance,
                Culture = CultureInfo.InvariantCulture,
                NullValueHandling = NullValueHandling.Ignore,
            });
            serializer.Serialize(json, log);
            json.Flush();
            text.Write('\n');
        }

        return stream.ToArray();
    }

    /// <summary>Writes only when the content differs, so that downstream incremental steps stay up to date.</summary>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            if (existing.AsSpan().SequenceEqual(content))
            {
                return false;
            }
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, content);
        return true;
    }

    /// <summary>
    /// Keeps at most <paramref name="max"/> results: unsuppressed before suppressed, then errors, warnings, notes; ties keep
    /// the report order (file, line, column). The kept ones are returned in report order.
    /// </summary>
    internal static (List<Diagnostic> Kept, int Dropped) Cap(List<Diagnostic> diagnostics, int max)
    {
        if (diagnostics.Count <= max)
        {
            return (diagnostics, 0);
        }

        var keep = diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.IsSuppressed)
            .ThenByDescending(x => x.d.Severity)
            .ThenBy(x => x.i)
            .Take(Math.Max(0, max))
            .OrderBy(x => x.i)
            .Select(x => x.d)
            .ToList();
        return (keep, diagnostics.Count - keep.Count);
    }

    private static Invocation CreateInvocation(int written, int dropped)
    {
        var invocation = new Invocation { ExecutionSuccessful = true };
        if (dropped > 0)
        {
            invocation.ToolExecutionNotifications =
            [
                new Notification
                {
                    Level = FailureLevel.Warning,
                    Descriptor = new ReportingDescriptorReference { Id = "VixensLint.ResultLimit" },
                    Message = new Message
                    {
                        Text = string.Create(
                            CultureInfo.InvariantCulture,
                            $"{dropped} results were left out: GitHub code scanning uses at most {SarifWriterOptions.GitHubResultLimit} results per run, so only the {written} most severe are written. Fix or suppress findings, or lint smaller parts of the repository in separate runs."),
                    },
                },
            ];
        }

        return invocation;
    }

    private static ReportingDescriptor CreateRule(DiagnosticDescriptor descriptor, RuleHelp docs)
    {
        var markdown = docs.Markdown(descriptor.Id) ?? GeneratedMarkdown(descriptor);
        var rule = new ReportingDescriptor
        {
            Id = descriptor.Id,
            Name = descriptor.Name,
            ShortDescription = new MultiformatMessageString { Text = Limit(descriptor.Title, 1024) },
            FullDescription = new MultiformatMessageString { Text = Limit(descriptor.Description, 1024) },
            Help = new MultiformatMessageString { Text = GeneratedText(descriptor), Markdown = markdown },
            HelpUri = new Uri(descriptor.HelpUri, UriKind.RelativeOrAbsolute),
            DefaultConfiguration = new ReportingConfiguration { Level = Level(descriptor.DefaultSeverity) },
        };

        rule.SetProperty("tags", Tags(descriptor));
        rule.SetProperty("precision", descriptor.Precision);
        rule.SetProperty("problem.severity", ProblemSeverity(descriptor.DefaultSeverity));
        if (descriptor.SecuritySeverity is { } score && IsSecurity(descriptor))
        {
            rule.SetProperty("security-severity", score.ToString("0.0##", CultureInfo.InvariantCulture));
        }

        return rule;
    }

    private static bool IsSecurity(DiagnosticDescriptor descriptor) =>
        string.Equals(descriptor.Category, "security", StringComparison.Ordinal) || descriptor.Tags.Contains("security", StringComparer.Ordinal);

    /// <summary>Category first, then the declared tags, then the tier; no duplicates; GitHub shows 10 at most.</summary>
    internal static List<string> Tags(DiagnosticDescriptor descriptor)
    {
        var tags = new List<string>();
        void Add(string? tag)
        {
            if (!string.IsNullOrWhiteSpace(tag) && !tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        // A rule with a security score must carry the tag GitHub uses to tell security rules apart.
        if (descriptor.SecuritySeverity is not null && IsSecurity(descriptor))
        {
            Add("security");
        }

        Add(descriptor.Category);
        foreach (var tag in descriptor.Tags)
        {
            Add(tag);
        }

        if (descriptor.Tier is { } tier)
        {
            Add("maturity-" + tier.ToString().ToLowerInvariant());
        }

        return tags.Take(10).ToList();
    }

    private Result CreateResult(Diagnostic diagnostic, LintResult lint, int index, SourceTexts sources, Dictionary<string, int> logicalCounts, Func<Diagnostic, string> baselineFingerprint)
    {
        var result = new Result
        {
            RuleId = diagnostic.Id,
            RuleIndex = index,
            Level = Level(diagnostic.Severity),
            Message = new Message { Text = diagnostic.Message },
            Locations = [new Location { PhysicalLocation = PhysicalLocationOf(diagnostic.Location, lint) }],
        };

        if (diagnostic.RelatedLocations.Count > 0)
        {
            result.RelatedLocations = diagnostic.RelatedLocations
                .Select((span, i) => new Location { Id = i + 1, PhysicalLocation = PhysicalLocationOf(span, lint) })
                .ToList();
        }

        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineHash = sources.LineHash(diagnostic.Location.File, diagnostic.Location.StartLine);
        if (lineHash is not null)
        {
            fingerprints[LineHashKey] = lineHash;
        }

        fingerprints[LogicalFingerprintKey] = LogicalFingerprint(diagnostic, lint, sources, logicalCounts);
        // The key our baseline reads back, so a SARIF file can serve as the baseline of a later run.
        fingerprints["vixensBaseline/v1"] = baselineFingerprint(diagnostic);
        result.PartialFingerprints = fingerprints;
        result.BaselineState = diagnostic.BaselineState switch
        {
            Diagnostics.BaselineState.New => Microsoft.CodeAnalysis.Sarif.BaselineState.New,
            Diagnostics.BaselineState.Unchanged => Microsoft.CodeAnalysis.Sarif.BaselineState.Unchanged,
            Diagnostics.BaselineState.Absent => Microsoft.CodeAnalysis.Sarif.BaselineState.Absent,
            _ => Microsoft.CodeAnalysis.Sarif.BaselineState.None,
        };

        if (diagnostic.Suppression is { } suppression)
        {
            result.Suppressions =
            [
                new SarifSuppression
                {
                    Kind = string.Equals(suppression.Kind, "external", StringComparison.OrdinalIgnoreCase) ? SuppressionKind.External : SuppressionKind.InSource,
                    Justification = string.IsNullOrWhiteSpace(suppression.Justification) ? null : suppression.Justification,
                },
            ];
        }

        foreach (var (key, value) in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result.SetProperty(key, value);
        }

        return result;
    }

    /// <summary>
    /// A line-number-free identity: rule, the resource (kind/namespace/name; the file when there is none) and the
    /// whitespace-normalised text of the reported line, plus <c>:n</c> for the n-th result with the same key.
    /// </summary>
    internal static string LogicalFingerprint(Diagnostic diagnostic, LintResult lint, SourceTexts sources, Dictionary<string, int> counts)
    {
        var identity = diagnostic.Properties.TryGetValue("resource", out var resource) ? "resource:" + resource : "file:" + lint.RelativePath(diagnostic.Location.File);
        var line = sources.NormalizedLine(diagnostic.Location.File, diagnostic.Location.StartLine) ?? string.Empty;
        var key = string.Join('\n', "v1", diagnostic.Id, identity, line);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16).ToLowerInvariant();
        var n = counts[hash] = counts.GetValueOrDefault(hash) + 1;
        return hash + ":" + n.ToString(CultureInfo.InvariantCulture);
    }

    private static PhysicalLocation PhysicalLocationOf(SourceSpan span, LintResult lint) => new()
    {
        ArtifactLocation = new ArtifactLocation
        {
            Uri = new Uri(RelativeUri(lint.RelativePath(span.File)), UriKind.Relative),
            UriBaseId = SourceRootBaseId,
        },
        Region = new Region
        {
            StartLine = Math.Max(1, span.StartLine),
            StartColumn = Math.Max(1, span.StartColumn),
            EndLine = Math.Max(Math.Max(1, span.StartLine), span.EndLine),
            EndColumn = Math.Max(1, span.EndColumn),
        },
    };

    /// <summary>Repository-relative, forward slashes, each segment percent-encoded (spaces, <c>#</c>, non-ASCII...).</summary>
    internal static string RelativeUri(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        _ => FailureLevel.Note,
    };

    private static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "recommendation",
    };

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string GeneratedText(DiagnosticDescriptor descriptor) =>
        $"{descriptor.Title}\n\n{descriptor.Description}\n\nSee {descriptor.HelpUri}";

    private static string GeneratedMarkdown(DiagnosticDescriptor descriptor) =>
        $"# {descriptor.Id}: {descriptor.Title}\n\n{descriptor.Description}\n\nSee [{descriptor.Id}]({descriptor.HelpUri}).\n";

    /// <summary>
    /// Sarif.Sdk omits values equal to a property's declared default (for example a result <c>level</c> of
    /// <c>warning</c>, through default-value handling and its <c>ShouldSerializeLevel</c> methods). An omitted result level means "the rule's default level", which is wrong when settings changed
    /// the severity, so these few properties are always written.
    /// </summary>
    private sealed class ExplicitDefaultsResolver : DefaultContractResolver
    {
        public static readonly ExplicitDefaultsResolver Instance = new();

        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            var type = property.DeclaringType;
            if ((type == typeof(Result) && property.PropertyName == "level")
                || (type == typeof(ReportingConfiguration) && property.PropertyName == "level")
                || (type == typeof(Run) && property.PropertyName == "columnKind")
                || (type == typeof(Invocation) && property.PropertyName == "executionSuccessful"))
            {
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.ShouldSerialize = null;
            }

            return property;
        }
    }
}
