using System.Text;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// The default (non-goTemplate) substitution: valyala/fasttemplate with <c>{{</c>/<c>}}</c> as ArgoCD drives it. A tag
/// is the text up to the next <c>}}</c>, looked up trimmed; only string parameters replace it, anything else (an unknown
/// key, a list) leaves the tag as written. A string is only parsed when some line holds <c>{{…}}</c>; then a
/// <c>{{</c> without a closing <c>}}</c> anywhere after it is an error.
/// </summary>
internal static class FastTemplate
{
    public static bool LooksTemplated(string text)
    {
        // ArgoCD's ".*{{.*}}.*": '.' stops at line breaks, so both delimiters must be on one line.
        foreach (var line in text.Split('\n'))
        {
            var open = line.IndexOf("{{", StringComparison.Ordinal);
            if (open >= 0 && line.IndexOf("}}", open + 2, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Substitutes the tags; throws <see cref="TemplateException"/> for an unterminated tag.</summary>
    public static string Replace(string text, IReadOnlyDictionary<string, object?> parameters)
    {
        if (!LooksTemplated(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var position = 0;
        while (true)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(text, position, text.Length - position);
                return sb.ToString();
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new TemplateException($"invalid template: cannot find end tag=\"}}}}\" in the template=\"{text}\" starting from \"{text[open..]}\"");
            }

            sb.Append(text, position, open - position);
            var tag = text.Substring(open + 2, close - open - 2);
            var key = tag.Trim();
            if (key.Length > 0 && parameters.TryGetValue(key, out var value) && value is string replacement)
            {
                sb.Append(replacement);
            }
            else
            {
                sb.Append("{{").Append(tag).Append("}}");
            }

            position = close + 2;
        }
    }
}
