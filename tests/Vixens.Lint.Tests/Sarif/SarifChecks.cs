using NUnit.Framework;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Sarif;

/// <summary>The checks every SARIF file we produce must pass: the OASIS draft-07 schema, and GitHub's rules (sarif-github.md C.4).</summary>
internal static partial class SarifChecks
{
    /// <summary>The OASIS draft-07 copy: JsonSchema.Net cannot load the official draft-04 file (sarif-github.md, part b).</summary>
    public static string SchemaPath => Path.Combine(TestPaths.SharedRoot, "data", "sarif", "variants", "oasis-draft-07", "sarif-schema-2.1.0.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(SchemaPath));

    public static JsonObject AssertValid(byte[] utf8)
    {
        var text = System.Text.Encoding.UTF8.GetString(utf8);
        var node = JsonNode.Parse(text)!.AsObject();
        var problems = SchemaErrors(node).Concat(GitHubProblems(node)).ToList();
        Assert.That(problems, Is.Empty, "SARIF problems:\n" + string.Join("\n", problems));
        return node;
    }

    public static IEnumerable<string> SchemaErrors(JsonNode node)
    {
        using var document = System.Text.Json.JsonDocument.Parse(node.ToJsonString());
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            yield break;
        }

        foreach (var detail in (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                yield return $"schema: {detail.InstanceLocation} ({keyword}): {message}";
            }
        }
    }

    /// <summary>What GitHub requires or rejects (sarif-github.md A.1-A.5, C.4).</summary>
    public static IEnumerable<string> GitHubProblems(JsonObject log)
    {
        if ((string?)log["version"] != "2.1.0")
        {
            yield return "version is not 2.1.0";
        }

        if (log["runs"] is not JsonArray { Count: 1 } runs)
        {
            yield return "not exactly one run";
            yield break;
        }

        var run = runs[0]!.AsObject();
        var driver = run["tool"]?["driver"];
        if ((string?)driver?["name"] != "Vixens.Lint")
        {
            yield return "tool.driver.name is not Vixens.Lint";
        }

        if (string.IsNullOrEmpty((string?)driver?["semanticVersion"]) || ((string?)driver?["semanticVersion"])!.Contains('+', StringComparison.Ordinal))
        {
            yield return "semanticVersion missing or has build metadata";
        }

        if (run["results"] is not JsonArray results)
        {
            yield return "results missing";
            yield break;
        }

        if (results.Count > 5000)
        {
            yield return "more than 5000 results";
        }

        var rules = driver?["rules"]?.AsArray() ?? [];
        var ruleIds = new List<string?>();
        foreach (var rule in rules)
        {
            var id = (string?)rule!["id"];
            ruleIds.Add(id);
            foreach (var required in new[] { "name", "shortDescription.text", "fullDescription.text", "help.text", "helpUri" })
            {
                var value = Get(rule, required);
                if (string.IsNullOrEmpty(value))
                {
                    yield return $"rule {id}: {required} empty";
                }
                else if (required.EndsWith("Description.text", StringComparison.Ordinal) && value.Length > 1024)
                {
                    yield return $"rule {id}: {required} longer than 1024";
                }
            }

            if (!PascalCase().IsMatch((string?)rule["name"] ?? string.Empty))
            {
                yield return $"rule {id}: name is not PascalCase";
            }

            var tags = rule["properties"]?["tags"]?.AsArray();
            if (tags is null || tags.Count > 10)
            {
                yield return $"rule {id}: tags missing or more than 10";
            }

            if (rule["properties"]?["security-severity"] is { } score)
            {
                if (score.GetValueKind() != System.Text.Json.JsonValueKind.String
                    || !decimal.TryParse((string?)score, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                    || value <= 0 || value > 10)
                {
                    yield return $"rule {id}: security-severity is not a numeric string in (0, 10]";
                }

                if (tags is null || !tags.Any(t => (string?)t == "security"))
                {
                    yield return $"rule {id}: security-severity without the security tag";
                }
            }
        }

        var index = 0;
        foreach (var result in results)
        {
            var where = $"result {index++}";
            var ruleId = (string?)result!["ruleId"];
            var ruleIndex = (int?)result["ruleIndex"];
            if (ruleIndex is null || ruleIndex < 0 || ruleIndex >= ruleIds.Count || ruleIds[ruleIndex.Value] != ruleId)
            {
                yield return $"{where}: ruleIndex {ruleIndex} does not point at {ruleId}";
            }

            if (string.IsNullOrEmpty((string?)result["message"]?["text"]))
            {
                yield return $"{where}: empty message";
            }

            if (result["level"] is null)
            {
                yield return $"{where}: no explicit level";
            }

            if (result["locations"] is not JsonArray { Count: 1 } locations)
            {
                yield return $"{where}: not exactly one location";
                continue;
            }

            foreach (var problem in LocationProblems(where, locations[0]!))
            {
                yield return problem;
            }

            foreach (var related in result["relatedLocations"]?.AsArray() ?? [])
            {
                foreach (var problem in LocationProblems(where + " related", related!))
                {
                    yield return problem;
                }
            }

            if (string.IsNullOrEmpty((string?)result["partialFingerprints"]?["vixensLogicalFingerprint/v1"]))
            {
                yield return $"{where}: no logical fingerprint";
            }
        }
    }

    private static IEnumerable<string> LocationProblems(string where, JsonNode location)
    {
        var physical = location["physicalLocation"];
        var uri = (string?)physical?["artifactLocation"]?["uri"];
        if (string.IsNullOrEmpty(uri) || uri.StartsWith('/') || uri.Contains('\\', StringComparison.Ordinal) || uri.Contains(':', StringComparison.Ordinal)
            || !Uri.IsWellFormedUriString(uri, UriKind.Relative))
        {
            yield return $"{where}: uri '{uri}' is not a relative forward-slash URI";
        }

        var region = physical?["region"];
        if ((int?)region?["startLine"] is not >= 1 || (int?)region?["startColumn"] is not >= 1)
        {
            yield return $"{where}: region.startLine/startColumn missing or < 1";
        }
    }

    private static string? Get(JsonNode node, string dottedPath)
    {
        JsonNode? current = node;
        foreach (var part in dottedPath.Split('.'))
        {
            current = current?[part];
        }

        return current is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();
}
