namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// YAML as Helm reads and writes it through sigs.k8s.io/yaml: YAML 1.1 scalars by go-yaml v2, then a JSON round trip
/// (every number a float64, keys strings), and on output JSON first, then go-yaml v2's printer (sorted keys,
/// unindented sequences, its quoting and 80-column folding).
/// </summary>
/// <remarks>Values use the CLR types of <see cref="Template.GoFunction"/>: <c>Dictionary&lt;string, object?&gt;</c>,
/// <c>List&lt;object?&gt;</c>, <see cref="string"/>, <see cref="double"/>, <see cref="bool"/> and <c>null</c>.</remarks>
public static class GoYaml
{
    private const string ToJsonPrefix = "error converting YAML to JSON: ";
    private const string DecodePrefix = "error unmarshaling JSON: while decoding JSON: ";

    /// <summary>sigs.k8s.io/yaml.Unmarshal into <c>interface{}</c>: the first document's value, or null when empty.</summary>
    /// <exception cref="GoYamlException">Go's error text, e.g. <c>error converting YAML to JSON: yaml: line 2: did not find expected key</c>.</exception>
    public static object? Unmarshal(string text)
    {
        try
        {
            return GoYamlReader.Read(text);
        }
        catch (GoYamlException e)
        {
            throw new GoYamlException(ToJsonPrefix + e.Message, e);
        }
    }

    /// <summary>
    /// sigs.k8s.io/yaml.Unmarshal into a <c>map[string]interface{}</c>, as Helm reads values files and <c>fromYaml</c>:
    /// an empty or null document gives an empty map; any other non-mapping is Go's decoding error.
    /// </summary>
    public static Dictionary<string, object?> UnmarshalMap(string text) => Unmarshal(text) switch
    {
        null => new Dictionary<string, object?>(StringComparer.Ordinal),
        Dictionary<string, object?> map => map,
        var other => throw new GoYamlException(DecodePrefix + $"json: cannot unmarshal {JsonKind(other)} into Go value of type map[string]interface {{}}"),
    };

    /// <summary>sigs.k8s.io/yaml.Unmarshal into a <c>[]interface{}</c> (<c>fromYamlArray</c>).</summary>
    public static List<object?> UnmarshalList(string text) => Unmarshal(text) switch
    {
        null => [],
        List<object?> list => list,
        var other => throw new GoYamlException(DecodePrefix + $"json: cannot unmarshal {JsonKind(other)} into Go value of type []interface {{}}"),
    };

    /// <summary>sigs.k8s.io/yaml.Marshal: the YAML text, ending with a line break.</summary>
    /// <exception cref="GoYamlException">Go's error, e.g. <c>error marshaling into JSON: json: unsupported value: NaN</c>.</exception>
    public static string Marshal(object? value) => GoYamlWriter.Write(value);

    /// <summary>Helm's toYamlPretty: go-yaml v3's encoder with an indent of 2 (sequences indented, no line folding).</summary>
    public static string MarshalPretty(object? value) => GoYamlWriter.Write(value, pretty: true);

    /// <summary>How encoding/json names a JSON value's kind in its type errors.</summary>
    internal static string JsonKind(object? value) => value switch
    {
        Dictionary<string, object?> => "object",
        List<object?> => "array",
        string => "string",
        bool => "bool",
        null => "null",
        _ => "number",
    };
}
