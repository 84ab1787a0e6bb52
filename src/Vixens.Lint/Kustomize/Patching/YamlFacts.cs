using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>The node tests kyaml's merge uses, expressed on <see cref="YamlNode"/>.</summary>
internal static class YamlFacts
{
    /// <summary>Absent, or a scalar resolving to null (<c>null</c>, <c>~</c>, empty).</summary>
    public static bool IsMissingOrNull(YamlNode? node) => node is null || node is YamlScalar { IsNull: true };

    public static bool IsNullScalar(YamlNode? node) => node is YamlScalar { IsNull: true };

    public static bool IsEmptyMapping(YamlNode? node) => IsMissingOrNull(node) || node is YamlMapping { Count: 0 };

    /// <summary>The text go-yaml keeps in a node's Value: a scalar's text, nothing for collections.</summary>
    public static string Text(YamlNode? node) => node is YamlScalar scalar ? scalar.Value : string.Empty;

    /// <summary>Whether a value counts as "no value" for a list key (null, empty collection or empty text).</summary>
    public static bool IsNilOrEmpty(YamlNode? node) => node switch
    {
        null => true,
        YamlScalar scalar => scalar.IsNull || scalar.Value.Length == 0,
        YamlMapping mapping => mapping.Count == 0,
        YamlSequence sequence => sequence.Count == 0,
        _ => false,
    };

    /// <summary>go-yaml's names for node kinds, used in error messages the way kustomize prints them.</summary>
    public static string KindName(YamlNode node) => node switch
    {
        YamlMapping => "MappingNode",
        YamlSequence => "SequenceNode",
        _ => "ScalarNode",
    };

    /// <summary>A short one-line rendering for error messages.</summary>
    public static string Describe(YamlNode node, int budget = 200)
    {
        var text = node switch
        {
            YamlScalar scalar => scalar.Style switch
            {
                ScalarStyle.DoubleQuoted => "\"" + scalar.Value + "\"",
                ScalarStyle.SingleQuoted => "'" + scalar.Value + "'",
                _ => scalar.Value,
            },
            YamlMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => e.Key.Value + ": " + Describe(e.Value, 60))) + "}",
            YamlSequence sequence => "[" + string.Join(", ", sequence.Items.Select(i => Describe(i, 60))) + "]",
            _ => string.Empty,
        };
        return text.Length <= budget ? text : text[..budget] + "...";
    }
}
