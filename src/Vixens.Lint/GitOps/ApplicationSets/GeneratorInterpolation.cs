using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// ArgoCD's <c>RenderGeneratorParams</c>: a matrix's second child with every string (and map key) rendered from the
/// first child's parameters. A generator's own <c>values</c> are pre-resolved instead: with goTemplate under
/// <c>missingkey=error</c>, and a value that names a key the first child does not have is left as written, for the
/// child's own parameters to fill later.
/// </summary>
internal static class GeneratorInterpolation
{
    public static YamlMapping Interpolate(YamlMapping entry, IReadOnlyDictionary<string, object?> parameters, TemplateStrings strings)
    {
        var clone = (YamlMapping)entry.DeepClone();
        var valuesOptions = strings.Options.Where(o => !o.StartsWith("missingkey=", StringComparison.Ordinal)).Append("missingkey=error").ToList();
        foreach (var entryPair in clone.Entries)
        {
            if (entryPair.Value is YamlMapping generator && GeneratorKinds.HasValues(entryPair.Key.Value) && generator.GetMapping("values") is { } values)
            {
                foreach (var value in values.Entries)
                {
                    if (value.Value is YamlScalar { IsNull: false } scalar)
                    {
                        scalar.Value = ResolveValue(scalar.Value, parameters, strings, valuesOptions);
                    }
                }

                foreach (var field in generator.Entries.Where(e => e.Key.Value != "values"))
                {
                    RenderTree(field.Value, parameters, strings);
                }

                continue;
            }

            RenderTree(entryPair.Value, parameters, strings);
        }

        return clone;
    }

    private static string ResolveValue(string text, IReadOnlyDictionary<string, object?> parameters, TemplateStrings strings, IReadOnlyList<string> options)
    {
        if (!strings.GoTemplate)
        {
            return strings.Replace(text, parameters);
        }

        try
        {
            return strings.Replace(text, parameters, options);
        }
        catch (TemplateException ex) when (ex.Message.Contains("map has no entry for key", StringComparison.Ordinal) || ex.Message.Contains("can't evaluate field", StringComparison.Ordinal))
        {
            return text;
        }
    }

    /// <summary>Renders every string scalar of a subtree in place; mapping keys are scalars too, so they are rendered as well.</summary>
    internal static void RenderTree(YamlNode root, IReadOnlyDictionary<string, object?> parameters, TemplateStrings strings)
    {
        foreach (var node in root.DescendantsAndSelf())
        {
            if (node is YamlScalar { Kind: ScalarKind.String } scalar && TemplateStrings.MayChange(scalar.Value))
            {
                scalar.Value = ApplicationTemplate.RenderScalar(scalar, parameters, strings);
            }
        }
    }
}
