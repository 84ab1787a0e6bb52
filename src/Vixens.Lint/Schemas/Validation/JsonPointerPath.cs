using System.Text;
using System.Text.Json;

namespace Vixens.Lint.Schemas.Validation;

/// <summary>JSON Pointer helpers: splitting, walking a JSON instance, and the dotted path humans read in messages.</summary>
public static class JsonPointerPath
{
    public static IReadOnlyList<string> Split(string pointer)
    {
        if (string.IsNullOrEmpty(pointer) || pointer == "/")
        {
            return pointer == "/" ? [string.Empty] : [];
        }

        var text = pointer.StartsWith('#') ? Uri.UnescapeDataString(pointer[1..]) : pointer;
        return [.. text.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    public static bool TryNavigate(JsonElement root, IReadOnlyList<string> segments, out JsonElement value)
    {
        value = root;
        foreach (var segment in segments)
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out var child))
            {
                value = child;
            }
            else if (value.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>spec.template.spec.containers[0].image</c>; keys with dots or slashes are bracketed: <c>metadata.labels["app.kubernetes.io/name"]</c>.</summary>
    public static string ToDisplay(JsonElement root, IReadOnlyList<string> segments)
    {
        var text = new StringBuilder();
        var current = root;
        var known = true;
        foreach (var segment in segments)
        {
            var isIndex = known && current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out _);
            if (isIndex)
            {
                text.Append('[').Append(segment).Append(']');
            }
            else if (segment.Length == 0 || segment.IndexOfAny(['.', '/', ' ', '[', ']', '"']) >= 0)
            {
                text.Append("[\"").Append(segment).Append("\"]");
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment);
            }

            known = known && TryNavigate(current, [segment], out current);
        }

        return text.ToString();
    }

    /// <summary>A value as quoted in a message: strings in quotes (shortened), numbers and literals as written.</summary>
    public static string DescribeValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string " + Quote(value.GetString() ?? string.Empty),
        JsonValueKind.Number => (value.TryGetInt64(out _) ? "integer " : "number ") + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "boolean " + value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "nothing",
    };

    public static string Quote(string text) => "\"" + (text.Length > 60 ? text[..57] + "..." : text) + "\"";
}
