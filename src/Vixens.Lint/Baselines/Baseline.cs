using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vixens.Lint.Configuration;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Baselines;

/// <summary>One known finding of a baseline.</summary>
public sealed record BaselineEntry(string RuleId, string Fingerprint, string? Resource, string File, int Line, string Message);

/// <summary>
/// A baseline lets a repository adopt the linter with existing debt: findings already in it are marked
/// <see cref="BaselineState.Unchanged"/> and do not fail. Matching ignores line numbers: the fingerprint is the rule id,
/// the resource identity (with environment/application), the normalised text of the reported source line, and the message.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    /// <summary>The key under which SARIF results may carry the fingerprint (<c>partialFingerprints</c>).</summary>
    public const string SarifFingerprintKey = "vixensBaseline/v1";

    public Baseline(IReadOnlyList<BaselineEntry> entries) => Entries = entries;

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>
    /// A baseline of every unsuppressed finding of <paramref name="diagnostics"/>; <paramref name="relativePath"/> turns a
    /// location's full path into the repository-relative one the file records.
    /// </summary>
    public static Baseline From(IEnumerable<Diagnostic> diagnostics, Func<string, string> relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var fingerprint = CreateFingerprinter();
        var entries = diagnostics
            .Where(d => !d.IsSuppressed && d.Severity != Severity.None)
            .Select(d => new BaselineEntry(d.Id, fingerprint(d), d.Properties.GetValueOrDefault("resource"), relativePath(d.Location.File), d.Location.StartLine, d.Message))
            .ToList();
        return new Baseline(entries);
    }

    public void Save(string path)
    {
        var results = new JsonArray();
        foreach (var entry in Entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal))
        {
            results.Add((JsonNode)new JsonObject
            {
                ["ruleId"] = entry.RuleId,
                ["fingerprint"] = entry.Fingerprint,
                ["resource"] = entry.Resource,
                ["file"] = entry.File,
                ["line"] = entry.Line,
                ["message"] = entry.Message,
            });
        }

        var root = new JsonObject
        {
            ["tool"] = "vixens-lint",
            ["version"] = FormatVersion,
            ["results"] = results,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Reads a baseline written by <see cref="Save"/>, or a SARIF log whose results carry <see cref="SarifFingerprintKey"/>.</summary>
    public static Baseline Load(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(full)) as JsonObject ?? throw new JsonException("not a JSON object");
            var entries = new List<BaselineEntry>();
            if (root["runs"] is JsonArray runs)
            {
                foreach (var result in runs.OfType<JsonObject>().SelectMany(r => (r["results"] as JsonArray)?.OfType<JsonObject>() ?? []))
                {
                    if (result["partialFingerprints"]?[SarifFingerprintKey]?.GetValue<string>() is { } fingerprint)
                    {
                        entries.Add(new BaselineEntry(result["ruleId"]?.GetValue<string>() ?? string.Empty, fingerprint, null, string.Empty, 0, result["message"]?["text"]?.GetValue<string>() ?? string.Empty));
                    }
                }

                return new Baseline(entries);
            }

            foreach (var item in (root["results"] as JsonArray ?? throw new JsonException("missing \"results\" array")).OfType<JsonObject>())
            {
                entries.Add(new BaselineEntry(
                    item["ruleId"]?.GetValue<string>() ?? string.Empty,
                    item["fingerprint"]?.GetValue<string>() ?? throw new JsonException("a result has no fingerprint"),
                    item["resource"]?.GetValue<string>(),
                    item["file"]?.GetValue<string>() ?? string.Empty,
                    item["line"]?.GetValue<int>() ?? 0,
                    item["message"]?.GetValue<string>() ?? string.Empty));
            }

            return new Baseline(entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            throw new ConfigurationException($"Cannot read baseline: {ex.Message}", SourceSpan.StartOf(full));
        }
    }

    /// <summary>
    /// Marks each unsuppressed diagnostic <see cref="BaselineState.New"/> or <see cref="BaselineState.Unchanged"/>
    /// (a multiset match on fingerprints) and returns the baseline entries that were not found any more.
    /// </summary>
    public (List<Diagnostic> Diagnostics, List<BaselineEntry> Absent) Apply(IEnumerable<Diagnostic> diagnostics)
    {
        var remaining = new Dictionary<string, Queue<BaselineEntry>>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (!remaining.TryGetValue(entry.Fingerprint, out var queue))
            {
                remaining[entry.Fingerprint] = queue = new Queue<BaselineEntry>();
            }

            queue.Enqueue(entry);
        }

        var fingerprintOf = CreateFingerprinter();
        var result = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsSuppressed)
            {
                result.Add(diagnostic);
                continue;
            }

            var fingerprint = fingerprintOf(diagnostic);
            var unchanged = remaining.TryGetValue(fingerprint, out var queue) && queue.TryDequeue(out _);
            result.Add(diagnostic.WithBaselineState(unchanged ? BaselineState.Unchanged : BaselineState.New));
        }

        return (result, remaining.Values.SelectMany(q => q).ToList());
    }

    /// <summary>
    /// The line-independent fingerprint of diagnostics (also usable as a SARIF partial fingerprint). One fingerprinter
    /// reads each source file once: reading it per call made SARIF writing quadratic in the results of a file.
    /// </summary>
    public static Func<Diagnostic, string> CreateFingerprinter()
    {
        var lines = new SourceLines();
        return diagnostic => Fingerprint(diagnostic, lines);
    }

    private static string Fingerprint(Diagnostic diagnostic, SourceLines lines)
    {
        var properties = diagnostic.Properties;
        var text = string.Join(
            "\u001f",
            diagnostic.Id,
            properties.GetValueOrDefault("resource") ?? string.Empty,
            properties.GetValueOrDefault("environment") ?? string.Empty,
            properties.GetValueOrDefault("application") ?? string.Empty,
            properties.GetValueOrDefault("resource") is null ? Path.GetFileName(diagnostic.Location.File) : string.Empty,
            Normalise(lines.Get(diagnostic.Location.File, diagnostic.Location.StartLine)),
            diagnostic.Message);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(hash, 0, 12).ToLowerInvariant();
    }

    private static string Normalise(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Reads each source file once.</summary>
    private sealed class SourceLines
    {
        private readonly Dictionary<string, string[]> _files = new(StringComparer.Ordinal);

        public string Get(string file, int line)
        {
            if (!_files.TryGetValue(file, out var lines))
            {
                try
                {
                    lines = File.Exists(file) ? File.ReadAllLines(file) : [];
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    lines = [];
                }

                _files[file] = lines;
            }

            return line >= 1 && line <= lines.Length ? lines[line - 1] : string.Empty;
        }
    }
}
