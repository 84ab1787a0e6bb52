using System.Text;
using Vixens.Lint.Kustomize.Output;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// What becomes of folded (<c>&gt;</c>) block scalars when kustomize serialises an object. kustomize turns an object into
/// JSON by writing it as YAML with go-yaml v3, keeping each node's style, and reading that text back: it does so for the
/// final output and before every JSON 6902 patch. go-yaml's folded writer decides whether a line break needs the extra
/// blank line that folding requires by looking at the first line of the whole value instead of the line that follows
/// the break. So when the value starts with text, a break before a more-indented line gains a blank line when read back;
/// when it starts with a space, no break gets its blank line and single breaks between text lines turn into spaces.
/// The value read back is what kustomize outputs (and what the cluster gets), so the rendered tree holds it too. Our
/// reader's folding follows the YAML specification (checked against the YAML test suite); only this write-and-read
/// step differs, and only for folded scalars: literal, quoted and plain scalars come back unchanged.
/// </summary>
internal static class FoldedScalars
{
    /// <summary>Replaces every folded scalar value under <paramref name="root"/> by the one kustomize reads back, and marks it as no longer folded (kustomize's JSON has no styles).</summary>
    public static void Serialize(YamlNode root) => Walk(root, scalar =>
    {
        scalar.Value = RoundTrip(scalar.Value);
        scalar.Style = ScalarStyle.DoubleQuoted;
    });

    /// <summary>Marks folded scalars as plain strings without changing them: their node was rebuilt without its style (e.g. from a JSON 6902 patch's value).</summary>
    public static void ForgetStyle(YamlNode root) => Walk(root, scalar => scalar.Style = ScalarStyle.DoubleQuoted);

    /// <summary>The value go-yaml v3 reads back after writing <paramref name="value"/> as a folded block scalar.</summary>
    public static string RoundTrip(string value)
    {
        if (!WrittenAsBlock(value))
        {
            // go-yaml writes it double-quoted instead, which reads back unchanged.
            return value;
        }

        var file = YamlLoader.Parse("(folded round trip)", WriteFolded(value));
        return file.Diagnostics.Count == 0 && file.Documents.Count == 1 && file.Documents[0].Root is YamlMapping map && map.GetScalar("k") is { } read
            ? read.Value
            : value;
    }

    /// <summary>A one-key document <c>k: &gt;…</c> holding <paramref name="value"/> as go-yaml v3 writes a folded scalar.</summary>
    private static string WriteFolded(string value)
    {
        var text = new StringBuilder("k: >", value.Length * 2);
        if (value[0] is ' ' or '\n')
        {
            text.Append('2');
        }

        text.Append(Chomping(value)).Append('\n');

        // The upstream check reads the first non-break character of the whole value, not of the next line.
        var first = 0;
        while (first < value.Length && value[first] == '\n')
        {
            first++;
        }

        var separatorLines = first < value.Length && value[first] is not ' ' and not '\t';
        var atLineStart = true;
        var lineStartsWithSpace = true;
        foreach (var c in value)
        {
            if (c == '\n')
            {
                if (!atLineStart && !lineStartsWithSpace && separatorLines)
                {
                    text.Append('\n');
                }

                text.Append('\n');
                atLineStart = true;
                continue;
            }

            if (atLineStart)
            {
                text.Append("  ");
                lineStartsWithSpace = c is ' ' or '\t';
                atLineStart = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>go-yaml's chomping indicator: strip without a final break, keep for a lone break or two final breaks.</summary>
    private static string Chomping(string value)
    {
        if (value[^1] != '\n')
        {
            return "-";
        }

        return value.Length == 1 || value[^2] == '\n' ? "+" : string.Empty;
    }

    /// <summary>
    /// go-yaml v3 keeps the block style unless the value is empty, ends with a space, has a space before a line break,
    /// or holds a character it does not print (tabs are allowed). Other line-break characters are left alone.
    /// </summary>
    private static bool WrittenAsBlock(string value)
    {
        if (value.Length == 0 || value[^1] == ' ' || value.Contains(" \n", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is '\r' or 0x2028 or 0x2029 || (c != '\t' && !ScalarAnalysis.IsPrintable(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Folded scalars that go-yaml writes as block scalars: values in block collections (keys and flow context are quoted).</summary>
    private static void Walk(YamlNode root, Action<YamlScalar> visit)
    {
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlScalar { Style: ScalarStyle.Folded, Kind: ScalarKind.String } scalar:
                    visit(scalar);
                    break;
                case YamlMapping { Flow: CollectionStyle.Block } map:
                    foreach (var entry in map.Entries)
                    {
                        stack.Push(entry.Value);
                    }

                    break;
                case YamlSequence { Flow: CollectionStyle.Block } seq:
                    foreach (var item in seq.Items)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }
}
