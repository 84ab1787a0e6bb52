using Vixens.Lint.Helm.Functions;

namespace Vixens.Lint.Helm.Values;

/// <summary>
/// The one place chart and values code turns YAML text into Go values (through <see cref="GoYaml"/>, as
/// sigs.k8s.io/yaml does): values files, Chart.yaml, Chart.lock and manifest heads all read through it, and its
/// failures carry Go's message.
/// </summary>
internal static class HelmYaml
{
    /// <summary>Reads a document that must be a map (or empty); throws with sigs.k8s.io/yaml's message otherwise.</summary>
    public static Dictionary<string, object?> ReadMap(string text)
    {
        CheckFlowDepth(text);
        try
        {
            return GoYaml.UnmarshalMap(text);
        }
        catch (GoYamlException e)
        {
            throw new HelmYamlException(e.Message);
        }
    }

    /// <summary>Reads the first document as a Go value (null for an empty document).</summary>
    public static object? Read(string text)
    {
        CheckFlowDepth(text);
        try
        {
            return GoYaml.Unmarshal(text);
        }
        catch (GoYamlException e)
        {
            throw new HelmYamlException(e.Message);
        }
    }

    /// <summary>
    /// Refuses flow collections nested deeper than go-yaml's own limit (10,000) before the recursive reader sees them, so
    /// a hostile values file (<c>[[[[…</c>) is an error, not a stack overflow. Quoted text and comments are skipped.
    /// </summary>
    private static void CheckFlowDepth(string text)
    {
        const int MaxDepth = 10_000;
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote || c == '\n' && quote == '#')
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'' when i == 0 || text[i - 1] is ' ' or '\t' or '\n' or '[' or '{' or ',' or ':':
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    quote = '#';
                    break;
                case '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        throw new HelmYamlException($"error converting YAML to JSON: yaml: exceeded max depth of {MaxDepth}");
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
    }

    /// <summary>The JSON kind Go's decoder names in "cannot unmarshal KIND into …".</summary>
    public static string JsonKind(object? value) => value switch
    {
        null => "null",
        string => "string",
        bool => "bool",
        double or long or int => "number",
        IList<object?> => "array",
        _ => "object",
    };
}

/// <summary>A YAML text Helm cannot read, with sigs.k8s.io/yaml's message.</summary>
internal sealed class HelmYamlException(string message) : Exception(message);
