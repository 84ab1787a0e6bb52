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
        try
        {
            return GoYaml.Unmarshal(text);
        }
        catch (GoYamlException e)
        {
            throw new HelmYamlException(e.Message);
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
