using System.Reflection;
using Json.Schema;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Yaml.Json;

/// <summary>A JSON Schema failure placed on the YAML line a human must edit.</summary>
public sealed record SchemaViolation(string Message, SourceSpan Location);

/// <summary>
/// JSON Schema evaluation of a YAML tree with positions: the one place that turns a failing keyword's JSON Pointer into
/// the YAML node to edit. Settings, rule packs and pack rules all use it.
/// </summary>
public static class PositionedSchema
{
    private static readonly EvaluationOptions ListOutput = new() { OutputFormat = OutputFormat.List };
    private static readonly EvaluationOptions FlagOutput = new() { OutputFormat = OutputFormat.Flag };

    /// <summary>Reads a JSON Schema embedded in <paramref name="assembly"/> under <paramref name="resource"/>.</summary>
    public static JsonSchema LoadEmbedded(Assembly assembly, string resource)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema {resource} is missing.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>
    /// Every failure of <paramref name="json"/> against <paramref name="schema"/>, most specific first, at most
    /// <paramref name="max"/> (so that one mistake does not bury the others); empty when the document is valid.
    /// </summary>
    public static IReadOnlyList<SchemaViolation> Violations(JsonSchema schema, YamlJsonDocument json, YamlNode root, int max = 20)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(json);
        // The flag format stops at the first failure and collects nothing: the detailed list only for invalid documents.
        if (schema.Evaluate(json.Root, FlagOutput).IsValid)
        {
            return [];
        }

        var violations = new List<SchemaViolation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in Flatten(schema.Evaluate(json.Root, ListOutput)))
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

                var node = keyword is "additionalProperties" or "falseSchema" ? (YamlNode?)json.KeyAt(pointer) ?? json.NodeAt(pointer) : LocationNode(json, pointer, root);
                var where = pointer.Length == 0 ? "(root)" : pointer;
                violations.Add(new SchemaViolation($"{where}: {message}", node.Span));
            }
        }

        return violations.OrderBy(e => e.Location.StartLine).ThenBy(e => e.Location.StartColumn).Take(max).ToList();
    }

    /// <summary>The evaluation tree in document order (an explicit stack: schemas may nest deeply).</summary>
    public static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
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

    /// <summary>
    /// The node to report a failure at <paramref name="pointer"/> on: a scalar itself, the name of the checked object
    /// when the pointer is its root, else the key of the entry.
    /// </summary>
    public static YamlNode LocationNode(YamlJsonDocument json, string pointer, YamlNode targetRoot)
    {
        ArgumentNullException.ThrowIfNull(json);
        var node = json.NodeAt(pointer);
        if (node is YamlScalar)
        {
            return node;
        }

        if (ReferenceEquals(node, targetRoot) && node is YamlMapping mapping)
        {
            return mapping.GetScalar("name")
                ?? mapping.GetMapping("metadata")?.GetScalar("name")
                ?? (YamlNode?)mapping.Entries.FirstOrDefault()?.Key
                ?? mapping;
        }

        return json.KeyAt(pointer) ?? node;
    }
}
