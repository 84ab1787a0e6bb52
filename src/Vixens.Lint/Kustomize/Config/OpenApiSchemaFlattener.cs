using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Config;

/// <summary>
/// Rewrites a custom OpenAPI v2 document so that every inline object schema (a property or list item with its own
/// <c>properties</c>) becomes a named definition reached by <c>$ref</c>: the patch-metadata builder follows
/// references, and kustomize's custom schemas often nest objects inline. Extensions on the property stay put.
/// </summary>
internal static class OpenApiSchemaFlattener
{
    public static YamlMapping Flatten(YamlMapping document)
    {
        var copy = (YamlMapping)document.DeepClone();
        if (copy.GetMapping("definitions") is not { } definitions)
        {
            return copy;
        }

        var added = new List<(string Name, YamlMapping Schema)>();
        foreach (var entry in definitions.Entries.ToList())
        {
            if (entry.Value is YamlMapping schema)
            {
                HoistProperties(schema, entry.Key.Value, added, 0);
            }
        }

        foreach (var (name, schema) in added)
        {
            definitions.Set(name, schema);
        }

        return copy;
    }

    private static void HoistProperties(YamlMapping schema, string path, List<(string, YamlMapping)> added, int depth)
    {
        if (depth > 32 || schema.GetMapping("properties") is not { } properties)
        {
            return;
        }

        foreach (var property in properties.Entries)
        {
            if (property.Value is not YamlMapping prop)
            {
                continue;
            }

            var name = path + "." + property.Key.Value;
            if (prop.ContainsKey("properties") && !prop.ContainsKey("$ref"))
            {
                properties.Set(property.Key.Value, Hoist(prop, name, added, depth));
            }
            else if (prop.GetMapping("items") is { } items && items.ContainsKey("properties") && !items.ContainsKey("$ref"))
            {
                prop.Set("items", Hoist(items, name + ".item", added, depth));
            }
        }
    }

    /// <summary>Moves the object schema to a definition; returns what stays in place (the $ref plus x-kubernetes-* keys).</summary>
    private static YamlMapping Hoist(YamlMapping inline, string name, List<(string, YamlMapping)> added, int depth)
    {
        HoistProperties(inline, name, added, depth + 1);
        var definition = new YamlMapping(inline.Span);
        var reference = new YamlMapping(inline.Span);
        foreach (var entry in inline.Entries)
        {
            if (entry.Key.Value.StartsWith("x-kubernetes-", StringComparison.Ordinal))
            {
                reference.Entries.Add(entry);
            }
            else
            {
                definition.Entries.Add(entry);
            }
        }

        reference.Set("$ref", new YamlScalar("#/definitions/" + name, inline.Span, ScalarStyle.DoubleQuoted));
        added.Add((name, definition));
        return reference;
    }
}
