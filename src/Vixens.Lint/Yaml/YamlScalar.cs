using System.Globalization;
using System.Text.RegularExpressions;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Yaml;

/// <summary>A scalar with its text, how it was written and where.</summary>
public sealed partial class YamlScalar : YamlNode
{
    public YamlScalar(string value, SourceSpan span, ScalarStyle style = ScalarStyle.Plain)
        : base(span)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; set; }

    public ScalarStyle Style { get; set; }

    /// <summary>The core-schema type: only plain, untagged scalars can be anything but a string.</summary>
    public ScalarKind Kind => ResolveKind(Value, Style, Tag);

    public bool IsNull => Kind == ScalarKind.Null;

    public static ScalarKind ResolveKind(string value, ScalarStyle style, string? tag)
    {
        if (tag is not null)
        {
            return tag switch
            {
                "tag:yaml.org,2002:str" or "!!str" => ScalarKind.String,
                "tag:yaml.org,2002:int" or "!!int" => ScalarKind.Int,
                "tag:yaml.org,2002:float" or "!!float" => ScalarKind.Float,
                "tag:yaml.org,2002:bool" or "!!bool" => ScalarKind.Bool,
                "tag:yaml.org,2002:null" or "!!null" => ScalarKind.Null,
                _ => ScalarKind.String,
            };
        }

        if (style != ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }

        return ResolvePlain(value);
    }

    /// <summary>YAML 1.2 core schema resolution of a plain scalar.</summary>
    public static ScalarKind ResolvePlain(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarKind.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                return ScalarKind.Float;
        }

        if (value.Length == 0 || value.Length > 64)
        {
            return ScalarKind.String;
        }

        var first = value[0];
        if (!(char.IsAsciiDigit(first) || first is '-' or '+' or '.'))
        {
            return ScalarKind.String;
        }

        if (IntPattern().IsMatch(value))
        {
            return ScalarKind.Int;
        }

        return FloatPattern().IsMatch(value) ? ScalarKind.Float : ScalarKind.String;
    }

    public bool TryGetInt64(out long result)
    {
        result = 0;
        if (Kind != ScalarKind.Int)
        {
            return false;
        }

        var text = Value.TrimStart('+');
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            try
            {
                result = Convert.ToInt64(text[2..], 8);
                return true;
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    public bool AsBool() => Value is "true" or "True" or "TRUE";

    public override YamlNode DeepClone() => CopyCommonTo(new YamlScalar(Value, Span, Style));

    public override string ToString() => Value;

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
