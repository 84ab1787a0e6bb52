using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vixens.Lint.Helm.Values;

/// <summary>
/// The one place Helm code turns YAML text into Go values (<c>sigs.k8s.io/yaml</c>: YAML 1.1 scalars, every number a
/// float64, every key a string). Values files, Chart.yaml, Chart.lock and manifest heads all read through it.
/// </summary>
/// <remarks>TEMPORARY reader until the sprig branch's GoYaml lands; only its entry points stay.</remarks>
internal static class HelmYaml
{
    /// <summary>Reads a document that must be a map (or empty); throws with sigs.k8s.io/yaml's message otherwise.</summary>
    public static Dictionary<string, object?> ReadMap(string text, string goTarget = "map[string]interface {}")
    {
        var value = Read(text);
        return value switch
        {
            null => new Dictionary<string, object?>(StringComparer.Ordinal),
            Dictionary<string, object?> map => map,
            _ => throw new HelmYamlException($"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {JsonKind(value)} into Go value of type {goTarget}"),
        };
    }

    /// <summary>Reads the first document as a Go value (null for an empty document).</summary>
    public static object? Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new HelmYamlException($"error converting YAML to JSON: yaml: line {Math.Max(1, e.Start.Line - 1)}: {e.Message}");
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, 0);
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

    private static object? Convert(YamlNode node, int depth)
    {
        if (depth > 1000)
        {
            throw new HelmYamlException("error converting YAML to JSON: yaml: exceeded max depth of 10000");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "<<" } && key.Tag.IsEmpty && value is YamlMappingNode or YamlSequenceNode)
                    {
                        MergeInto(map, value, depth);
                        continue;
                    }

                    map[KeyText(Convert(key, depth + 1))] = Convert(value, depth + 1);
                }

                return map;
            case YamlSequenceNode sequence:
                return sequence.Children.Select(c => Convert(c, depth + 1)).ToList();
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static void MergeInto(Dictionary<string, object?> map, YamlNode value, int depth)
    {
        var sources = value is YamlSequenceNode seq ? seq.Children.ToList() : [value];
        foreach (var source in sources)
        {
            if (Convert(source, depth + 1) is Dictionary<string, object?> m)
            {
                foreach (var (k, v) in m)
                {
                    map.TryAdd(k, v);
                }
            }
        }
    }

    private static string KeyText(object? key) => key switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        string s => s,
        _ => key.ToString() ?? string.Empty,
    };

    private static string FormatNumber(double d) => d == Math.Floor(d) && Math.Abs(d) < 1e21 ? d.ToString("0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded)
        {
            return text;
        }

        var tag = scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" or "!!str")
        {
            return text;
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                return true;
            case "false" or "False" or "FALSE" or "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                return false;
        }

        if (TryNumber(text, out var number))
        {
            return number;
        }

        if (text is ".inf" or ".Inf" or ".INF" or "+.inf" or "-.inf" or "-.Inf" or "+.Inf")
        {
            throw new HelmYamlException($"error converting YAML to JSON: json: unsupported value: {(text.StartsWith('-') ? "-Inf" : "+Inf")}");
        }

        return text;
    }

    private static bool TryNumber(string text, out double number)
    {
        number = 0;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = s.StartsWith('-');
        var body = s.TrimStart('+', '-');
        if (body.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            number = negative ? -hex : hex;
            return true;
        }

        if (body.Length > 1 && body[0] == '0' && body.All(char.IsAsciiDigit))
        {
            try
            {
                var oct = System.Convert.ToInt64(body, 8);
                number = negative ? -oct : oct;
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (body.Length > 0 && (char.IsAsciiDigit(body[0]) || body[0] == '.') && body.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        return false;
    }
}

/// <summary>A YAML text Helm cannot read, with sigs.k8s.io/yaml's message.</summary>
internal sealed class HelmYamlException(string message) : Exception(message);
