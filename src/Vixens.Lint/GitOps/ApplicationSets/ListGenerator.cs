using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// The list generator: each element of <c>elements</c> is a parameter set, then each element of <c>elementsYaml</c>.
/// In the default template mode an element's values must be strings (and <c>values</c> a map of strings, flattened to
/// <c>values.KEY</c>); with goTemplate an element is taken as it is. <c>elementsYaml</c> elements are taken as they are
/// in both modes.
/// </summary>
internal static class ListGenerator
{
    public static List<ParamSet> Generate(YamlMapping generator, ExpansionScope scope)
    {
        var result = new List<ParamSet>();
        foreach (var element in generator.GetSequence("elements")?.Items ?? [])
        {
            if (element is YamlScalar { IsNull: true })
            {
                // JSON null decodes to a nil map: a parameter set with no parameters.
                result.Add(ParamSet.Of(new Dictionary<string, object?>(StringComparer.Ordinal), element.Span));
                continue;
            }

            if (element is not YamlMapping map)
            {
                throw new GeneratorException("error unmarshling list element json: cannot unmarshal " + Describe(element) + " into Go value of type map[string]interface {}", element.Span);
            }

            result.Add(ParamSet.Of(scope.GoTemplate ? (Dictionary<string, object?>)ParamValues.FromYaml(map)! : StringParameters(map), element.Span));
        }

        if (generator.GetString("elementsYaml") is { Length: > 0 } elementsYaml)
        {
            var location = generator["elementsYaml"]!.Span;
            foreach (var element in ParseElementsYaml(elementsYaml, location))
            {
                result.Add(ParamSet.Of(element, location));
            }
        }

        return result;
    }

    private static Dictionary<string, object?> StringParameters(YamlMapping element)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in element.Entries)
        {
            if (entry.Key.Value == "values")
            {
                if (ParamValues.FromYaml(entry.Value) is not Dictionary<string, object?> values)
                {
                    throw new GeneratorException("error parsing values map", entry.Value.Span);
                }

                foreach (var (key, value) in values)
                {
                    parameters["values." + key] = value as string ?? throw new GeneratorException($"error parsing value as string: values.{key} is {Describe(value)}; without goTemplate every list value must be a string (quote it)", entry.Value.Span);
                }

                continue;
            }

            var converted = ParamValues.FromYaml(entry.Value);
            parameters[entry.Key.Value] = converted as string ?? throw new GeneratorException($"error parsing value as string: \"{entry.Key.Value}\" is {Describe(converted)}; without goTemplate every list value must be a string (quote it)", entry.Value.Span);
        }

        return parameters;
    }

    private static IEnumerable<Dictionary<string, object?>> ParseElementsYaml(string text, SourceSpan location)
    {
        var file = YamlLoader.Parse(location.File, text);
        if (file.HasErrors)
        {
            throw new GeneratorException("error unmarshling decoded ElementsYaml: " + file.Diagnostics[0].Message, location);
        }

        var root = (file.Documents.Count > 0 ? file.Documents[0].Root : null);
        if (root is null)
        {
            yield break;
        }

        if (root is not YamlSequence sequence)
        {
            throw new GeneratorException("error unmarshling decoded ElementsYaml: cannot unmarshal " + Describe(root) + " into Go value of type []map[string]interface {}", location);
        }

        foreach (var item in sequence.Items)
        {
            switch (ParamValues.FromYaml(item))
            {
                case Dictionary<string, object?> map:
                    yield return map;
                    break;
                case null:
                    yield return new Dictionary<string, object?>(StringComparer.Ordinal);
                    break;
                default:
                    throw new GeneratorException("error unmarshling decoded ElementsYaml: cannot unmarshal " + Describe(item) + " into Go value of type map[string]interface {}", location);
            }
        }
    }

    /// <summary>How Go's JSON decoder names a value it cannot store.</summary>
    internal static string Describe(object? value) => value switch
    {
        null => "null",
        YamlMapping => "object",
        YamlSequence => "array",
        YamlScalar scalar => Describe(ParamValues.FromYaml(scalar)),
        string => "string",
        bool => "bool",
        double => "number",
        Dictionary<string, object?> => "object",
        List<object?> => "array",
        _ => value.GetType().Name,
    };
}
