using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Vixens.Lint.Helm.Charts;

namespace Vixens.Lint.Helm.Values;

/// <summary>
/// Validates coalesced values against each chart's <c>values.schema.json</c> (root, then subcharts with their own
/// values), as Helm does, and words the failures as Helm's gojsonschema does (<c>- field: message</c> per error).
/// </summary>
public static partial class ValuesSchemaValidator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    public static void Validate(Chart chart, Dictionary<string, object?> values)
    {
        var report = new StringBuilder();
        Collect(chart, values, report);
        if (report.Length > 0)
        {
            throw new HelmException("values don't meet the specifications of the schema(s) in the following chart(s):\n" + report, HelmErrorKind.Schema);
        }
    }

    private static void Collect(Chart chart, Dictionary<string, object?> values, StringBuilder report)
    {
        if (chart.Schema is { } schemaBytes)
        {
            var errors = Check(schemaBytes, values);
            if (errors.Length > 0)
            {
                report.Append(chart.Name).Append(":\n").Append(errors);
            }
        }

        foreach (var sub in chart.Dependencies)
        {
            Collect(sub, values.GetValueOrDefault(sub.Name) as Dictionary<string, object?> ?? ValueMaps.NewMap(), report);
        }
    }

    private static string Check(byte[] schemaBytes, Dictionary<string, object?> values)
    {
        JsonSchema schema;
        try
        {
            // gojsonschema reads drafts 4 to 7 and ignores unknown $schema values; JsonSchema.Net refuses dialects it does
            // not know, so every schema is read as draft 7, gojsonschema's newest.
            var node = JsonNode.Parse(Encoding.UTF8.GetString(schemaBytes));
            if (node is JsonObject root)
            {
                root["$schema"] = "http://json-schema.org/draft-07/schema#";
            }

            schema = JsonSchema.FromText(node?.ToJsonString() ?? "true", new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (JsonException)
        {
            return "unexpected EOF";
        }
        catch (Exception e) when (e is JsonSchemaException or InvalidOperationException or ArgumentException)
        {
            return e.Message;
        }

        var instance = ToJson(values);
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "{}");
        var results = schema.Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var result in Flatten(results))
        {
            if (result.IsValid || result.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var location = result.InstanceLocation.ToString();
            var value = Resolve(instance, location);
            foreach (var (keyword, message) in errors)
            {
                foreach (var line in Describe(keyword, message, location, value, result))
                {
                    sb.Append("- ").Append(line).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Describe(string keyword, string message, string pointer, JsonNode? value, EvaluationResults result)
    {
        var field = Field(pointer);
        switch (keyword)
        {
            case "required":
                foreach (Match m in Quoted().Matches(message))
                {
                    yield return $"{field}: {m.Groups[1].Value} is required";
                }

                yield break;
            case "type":
                var expected = Quoted().Matches(message).Select(m => m.Groups[1].Value).LastOrDefault() ?? "?";
                yield return $"{field}: Invalid type. Expected: {expected}, given: {JsonType(value)}";
                yield break;
            case "minimum":
                yield return $"{field}: Must be greater than or equal to {LastNumber(message)}";
                yield break;
            case "maximum":
                yield return $"{field}: Must be less than or equal to {LastNumber(message)}";
                yield break;
            case "exclusiveMinimum":
                yield return $"{field}: Must be greater than {LastNumber(message)}";
                yield break;
            case "exclusiveMaximum":
                yield return $"{field}: Must be less than {LastNumber(message)}";
                yield break;
            case "enum":
                var allowed = Quoted().Count(message) > 0 ? message[(message.IndexOf('[') + 1)..message.LastIndexOf(']')].Replace(",", ", ", StringComparison.Ordinal) : message;
                yield return $"{field}: {LastSegment(pointer)} must be one of the following: {allowed}";
                yield break;
            case "additionalProperties":
                yield return $"{Field(Parent(pointer))}: Additional property {LastSegment(pointer)} is not allowed";
                yield break;
            case "minLength":
                yield return $"{field}: String length must be greater than or equal to {LastNumber(message)}";
                yield break;
            case "maxLength":
                yield return $"{field}: String length must be less than or equal to {LastNumber(message)}";
                yield break;
            case "pattern":
                yield return $"{field}: Does not match pattern '{Quoted().Matches(message).Select(m => m.Groups[1].Value).LastOrDefault()}'";
                yield break;
            default:
                yield return $"{field}: {message}";
                yield break;
        }
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")]
    private static partial Regex Number();

    private static string LastNumber(string message) => Number().Matches(message).Select(m => m.Value).LastOrDefault() ?? "?";

    private static string Field(string pointer) =>
        pointer.Length == 0 ? "(root)" : string.Join('.', pointer.TrimStart('/').Split('/').Select(Unescape));

    private static string Parent(string pointer) => pointer.Contains('/') ? pointer[..pointer.LastIndexOf('/')] : string.Empty;

    private static string LastSegment(string pointer) => Unescape(pointer[(pointer.LastIndexOf('/') + 1)..]);

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static string JsonType(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue v when v.TryGetValue<long>(out _) => "integer",
        _ => "number",
    };

    private static JsonNode? Resolve(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape))
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
    {
        var stack = new Stack<EvaluationResults>();
        stack.Push(results);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            if (current.Details is { } details)
            {
                for (var i = details.Count - 1; i >= 0; i--)
                {
                    stack.Push(details[i]);
                }
            }
        }
    }

    /// <summary>Go values as the JSON Helm validates (whole float64 numbers are integers, as yaml.Marshal prints them).</summary>
    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        Dictionary<string, object?> map => new JsonObject(map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, ToJson(kv.Value)))),
        List<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        List<string> list => new JsonArray(list.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when d == Math.Floor(d) && Math.Abs(d) < 9.2e18 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create((long)i),
        _ => JsonValue.Create(value.ToString()),
    };
}
