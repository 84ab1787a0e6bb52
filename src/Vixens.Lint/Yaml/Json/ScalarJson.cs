using System.Globalization;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Yaml.Json;

/// <summary>The JSON types a YAML scalar can become.</summary>
public enum ScalarJsonType
{
    Null,
    Boolean,
    Integer,
    Number,
    String,
}

/// <summary>
/// How a YAML scalar becomes JSON, decided in one place for the writer and the fast checker: core-schema type, and
/// the numbers JSON cannot carry (.inf, .nan, huge hex) become strings.
/// </summary>
public static class ScalarJson
{
    public static ScalarJsonType Classify(YamlScalar scalar, out double number)
    {
        number = 0;
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                return ScalarJsonType.Null;
            case ScalarKind.Bool:
                return ScalarJsonType.Boolean;
            case ScalarKind.Int when scalar.TryGetInt64(out var integer):
                number = integer;
                return ScalarJsonType.Integer;
            case ScalarKind.Int when decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big):
                number = (double)big;
                return ScalarJsonType.Integer;
            case ScalarKind.Float when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value):
                number = value;
                return ScalarJsonType.Number;
            default:
                return ScalarJsonType.String;
        }
    }
}
