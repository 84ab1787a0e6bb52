using System.Globalization;
using System.Text;
using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>Sprig's string functions (strings.go, goutils, xstrings), byte-based where Go's are.</summary>
internal static class SprigStrings
{
    public static IEnumerable<GoFunction> All()
    {
        yield return new("abbrev", [T.Int, T.String], null, a => Abbreviate(Str(a, 1), 0, Int(a, 0)));
        yield return new("abbrevboth", [T.Int, T.Int, T.String], null, a => AbbrevBoth(Int(a, 0), Int(a, 1), Str(a, 2)));
        yield return new("trunc", [T.Int, T.String], null, a => Trunc(Int(a, 0), Str(a, 1)));
        yield return new("trim", [T.String], null, a => Str(a, 0).Trim(GoUnicode.SpaceChars));
        yield return new("upper", [T.String], null, a => GoUnicode.ToUpper(Str(a, 0)));
        yield return new("lower", [T.String], null, a => GoUnicode.ToLower(Str(a, 0)));
        yield return new("title", [T.String], null, a => GoUnicode.Title(Str(a, 0)));
        yield return new("untitle", [T.String], null, a => Untitle(Str(a, 0)));
        yield return new("substr", [T.Int, T.Int, T.String], null, a => Substring(Int(a, 0), Int(a, 1), Str(a, 2)));
        yield return new("repeat", [T.Int, T.String], null, a => Repeat(Str(a, 1), Int(a, 0)));
        yield return new("trimall", [T.String, T.String], null, a => TrimAll(Str(a, 1), Str(a, 0)));
        yield return new("trimAll", [T.String, T.String], null, a => TrimAll(Str(a, 1), Str(a, 0)));
        yield return new("trimSuffix", [T.String, T.String], null, a => Str(a, 1).EndsWith(Str(a, 0), StringComparison.Ordinal) ? Str(a, 1)[..^Str(a, 0).Length] : Str(a, 1));
        yield return new("trimPrefix", [T.String, T.String], null, a => Str(a, 1).StartsWith(Str(a, 0), StringComparison.Ordinal) ? Str(a, 1)[Str(a, 0).Length..] : Str(a, 1));
        yield return new("nospace", [T.String], null, a => string.Concat(Str(a, 0).EnumerateRunes().Where(r => !GoUnicode.IsSpace(r)).Select(r => r.ToString())));
        yield return new("initials", [T.String], null, a => Initials(Str(a, 0)));
        yield return new("swapcase", [T.String], null, a => SwapCase(Str(a, 0)));
        yield return new("snakecase", [T.String], null, a => GoCaseConversion.ToSnakeCase(Str(a, 0)));
        yield return new("camelcase", [T.String], null, a => GoCaseConversion.ToPascalCase(Str(a, 0)));
        yield return new("kebabcase", [T.String], null, a => GoCaseConversion.ToKebabCase(Str(a, 0)));
        yield return new("wrap", [T.Int, T.String], null, a => Wrap(Str(a, 1), Int(a, 0), "\n", false));
        yield return new("wrapWith", [T.Int, T.String, T.String], null, a => Wrap(Str(a, 2), Int(a, 0), Str(a, 1), true));
        yield return new("contains", [T.String, T.String], null, a => Str(a, 1).Contains(Str(a, 0), StringComparison.Ordinal));
        yield return new("hasPrefix", [T.String, T.String], null, a => Str(a, 1).StartsWith(Str(a, 0), StringComparison.Ordinal));
        yield return new("hasSuffix", [T.String, T.String], null, a => Str(a, 1).EndsWith(Str(a, 0), StringComparison.Ordinal));
        yield return new("quote", [], T.Any, a => string.Join(" ", a.Where(v => v is not null).Select(v => GoFmt.Sprintf("%q", Strval(v)))));
        yield return new("squote", [], T.Any, a => string.Join(" ", a.Where(v => v is not null).Select(v => "'" + GoFmt.Sprint(v) + "'")));
        yield return new("cat", [], T.Any, a => string.Join(" ", a.Where(v => v is not null).Select(v => GoFmt.Sprint(v))));
        yield return new("indent", [T.Int, T.String], null, a => Indent(Int(a, 0), Str(a, 1)));
        yield return new("nindent", [T.Int, T.String], null, a => "\n" + Indent(Int(a, 0), Str(a, 1)));
        yield return new("replace", [T.String, T.String, T.String], null, a => Replace(Str(a, 2), Str(a, 0), Str(a, 1)));
        yield return new("plural", [T.String, T.String, T.Int], null, a => Int(a, 2) == 1 ? Str(a, 0) : Str(a, 1));
        yield return new("toString", [T.Any], null, a => Strval(a[0]));
        yield return new("split", [T.String, T.String], null, a => Numbered(GoSplit(Str(a, 1), Str(a, 0), -1)));
        yield return new("splitList", [T.String, T.String], null, a => GoSplit(Str(a, 1), Str(a, 0), -1));
        yield return new("splitn", [T.String, T.Int, T.String], null, a => Numbered(GoSplit(Str(a, 2), Str(a, 0), Int(a, 1))));
        yield return new("toStrings", [T.Any], null, a => ToStrings(a[0]));
        yield return new("join", [T.String, T.Any], null, a => string.Join(Str(a, 0), ToStrings(a[1])));
        yield return new("sortAlpha", [T.Any], null, a => SortAlpha(a[0]));
    }

    /// <summary>Sprig's strslice: a slice's non-nil elements as strings, a lone value as a one-string list, nil as none.</summary>
    public static List<string> ToStrings(object? value)
    {
        if (value is List<string> strings)
        {
            return strings;
        }

        var list = AsList(value);
        if (list is not null)
        {
            return list.Where(v => v is not null).Select(Strval).ToList();
        }

        return value is null ? [] : [Strval(value)];
    }

    private static List<string> SortAlpha(object? value)
    {
        var list = AsList(value);
        if (list is null)
        {
            return [Strval(value)];
        }

        var strings = ToStrings(value);
        strings.Sort(GoStrings.Compare);
        return strings;
    }

    private static string Trunc(int c, string s)
    {
        var length = GoBytes.Length(s);
        if (c < 0 && length + c > 0)
        {
            return GoBytes.Slice(s, length + c, length);
        }

        return c >= 0 && length > c ? GoBytes.Slice(s, 0, c) : s;
    }

    private static string Substring(int start, int end, string s)
    {
        var length = GoBytes.Length(s);
        if (start < 0)
        {
            return SliceChecked(s, 0, end, length, startGiven: false);
        }

        if (end < 0 || end > length)
        {
            return SliceChecked(s, start, length, length, startGiven: true, endGiven: false);
        }

        return SliceChecked(s, start, end, length, startGiven: true);
    }

    /// <summary>Go's <c>s[a:b]</c> with its runtime panic when the bounds are wrong.</summary>
    private static string SliceChecked(string s, int start, int end, int length, bool startGiven, bool endGiven = true)
    {
        if (end < 0 || end > length)
        {
            throw new GoFunctionException($"runtime error: slice bounds out of range [:{end}] with length {length}");
        }

        if (start < 0 || start > end)
        {
            throw new GoFunctionException(endGiven
                ? $"runtime error: slice bounds out of range [{start}:{end}]"
                : $"runtime error: slice bounds out of range [{start}:{length}]");
        }

        _ = startGiven;
        return GoBytes.Slice(s, start, end);
    }

    private static string Repeat(string s, int count)
    {
        if (count < 0)
        {
            throw new GoFunctionException("strings: negative Repeat count");
        }

        if ((long)s.Length * count > 64 * 1024 * 1024)
        {
            throw new GoFunctionException("strings: Repeat output length overflow");
        }

        return new StringBuilder(s.Length * count).Insert(0, s, count).ToString();
    }

    private static string TrimAll(string s, string cutset)
    {
        var set = cutset.EnumerateRunes().ToHashSet();
        var runes = s.EnumerateRunes().ToList();
        var start = 0;
        var end = runes.Count;
        while (start < end && set.Contains(runes[start]))
        {
            start++;
        }

        while (end > start && set.Contains(runes[end - 1]))
        {
            end--;
        }

        return string.Concat(runes.Skip(start).Take(end - start).Select(r => r.ToString()));
    }

    /// <summary>goutils.Uncapitalize: the first letter of every whitespace-separated word in lower case.</summary>
    private static string Untitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        var next = true;
        foreach (var r in s.EnumerateRunes())
        {
            if (GoUnicode.IsSpace(r))
            {
                next = true;
                sb.Append(r.ToString());
            }
            else
            {
                sb.Append((next ? Rune.ToLowerInvariant(r) : r).ToString());
                next = false;
            }
        }

        return sb.ToString();
    }

    /// <summary>goutils.AbbreviateFull: "..." marks what was cut; widths below 4 (7 with an offset) are refused.</summary>
    private static string Abbreviate(string s, int offset, int maxWidth)
    {
        if (maxWidth < 4 || s.Length == 0)
        {
            return s;
        }

        var length = GoBytes.Length(s);
        if (length <= maxWidth)
        {
            return s;
        }

        if (offset > length)
        {
            offset = length;
        }

        if (length - offset < maxWidth - 3)
        {
            offset = length - (maxWidth - 3);
        }

        if (offset <= 4)
        {
            return GoBytes.Slice(s, 0, maxWidth - 3) + "...";
        }

        if (maxWidth < 7)
        {
            return s;
        }

        if (offset + maxWidth - 3 < length)
        {
            return "..." + Abbreviate(GoBytes.Slice(s, offset, length), 0, maxWidth - 3);
        }

        return "..." + GoBytes.Slice(s, length - (maxWidth - 3), length);
    }

    private static string AbbrevBoth(int left, int right, string s)
    {
        if (right < 4 || (left > 0 && right < 7))
        {
            return s;
        }

        return Abbreviate(s, left, right);
    }

    private static string Initials(string s)
    {
        var sb = new StringBuilder();
        var gap = true;
        foreach (var r in s.EnumerateRunes())
        {
            if (GoUnicode.IsSpace(r))
            {
                gap = true;
            }
            else if (gap)
            {
                sb.Append(r.ToString());
                gap = false;
            }
        }

        return sb.ToString();
    }

    private static string SwapCase(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            var swapped = Rune.IsUpper(r) || GoUnicode.IsTitle(r) ? Rune.ToLowerInvariant(r) : Rune.IsLower(r) ? Rune.ToUpperInvariant(r) : r;
            sb.Append(swapped.ToString());
        }

        return sb.ToString();
    }

    /// <summary>goutils.WrapCustom (commons-lang's WordUtils.wrap): break at the last space within the width.</summary>
    private static string Wrap(string s, int width, string newline, bool wrapLongWords)
    {
        if (s.Length == 0)
        {
            return string.Empty;
        }

        if (newline.Length == 0)
        {
            newline = "\n";
        }

        width = Math.Max(width, 1);
        var bytes = GoBytes.Of(s);
        var text = Encoding.Latin1.GetString(bytes);
        var sb = new StringBuilder();
        var offset = 0;
        var length = text.Length;
        while (length - offset > width)
        {
            if (text[offset] == ' ')
            {
                offset++;
                continue;
            }

            var end = Math.Min(width + offset + 1, length);
            var space = text.LastIndexOf(' ', end - 1, end - offset);
            if (space >= offset)
            {
                sb.Append(text, offset, space - offset).Append('\0');
                offset = space + 1;
            }
            else if (wrapLongWords)
            {
                sb.Append(text, offset, width).Append('\0');
                offset += width;
            }
            else
            {
                var next = text.IndexOf(' ', width + offset);
                if (next < 0)
                {
                    sb.Append(text, offset, length - offset);
                    offset = length;
                }
                else
                {
                    sb.Append(text, offset, next - offset).Append('\0');
                    offset = next + 1;
                }
            }
        }

        sb.Append(text, offset, length - offset);
        // Work on bytes as Go does, then give the pieces back their characters and the chosen line separator.
        var pieces = sb.ToString().Split('\0');
        return string.Join(newline, pieces.Select(p => GoBytes.ToText(Encoding.Latin1.GetBytes(p))));
    }

    private static string Indent(int spaces, string s)
    {
        var pad = new string(' ', Math.Max(spaces, 0));
        return pad + s.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    /// <summary>strings.Replace with n = -1: an empty "old" inserts the new text around every character.</summary>
    private static string Replace(string s, string old, string replacement)
    {
        if (old.Length > 0)
        {
            return s.Replace(old, replacement, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(replacement);
        foreach (var r in s.EnumerateRunes())
        {
            sb.Append(r.ToString()).Append(replacement);
        }

        return sb.ToString();
    }

    /// <summary>strings.SplitN: an empty separator splits into characters; n &lt; 0 means all, n == 0 none.</summary>
    public static List<string> GoSplit(string s, string separator, int n)
    {
        if (n == 0)
        {
            return [];
        }

        if (separator.Length == 0)
        {
            var runes = s.EnumerateRunes().Select(r => r.ToString()).ToList();
            if (n > 0 && runes.Count > n)
            {
                var head = runes.Take(n - 1).ToList();
                head.Add(string.Concat(runes.Skip(n - 1)));
                return head;
            }

            return runes;
        }

        var parts = n > 0 ? s.Split(separator, n) : s.Split(separator);
        return [.. parts];
    }

    private static Dictionary<string, string> Numbered(List<string> parts)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            map["_" + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        }

        return map;
    }
}
