using System.Globalization;
using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>Go's unicode package where .NET differs or has no direct counterpart (IsSpace, IsPunct, strings.Title).</summary>
internal static class GoUnicode
{
    /// <summary>unicode.IsSpace's characters, for strings.TrimSpace.</summary>
    public static readonly char[] SpaceChars =
        ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];

    public static bool IsSpace(Rune r) => r.Value < 0x10000 && Array.IndexOf(SpaceChars, (char)r.Value) >= 0;

    public static bool IsTitle(Rune r) => Rune.GetUnicodeCategory(r) == UnicodeCategory.TitlecaseLetter;

    /// <summary>unicode.IsPunct: the Unicode P categories.</summary>
    public static bool IsPunct(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
        or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
        or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    /// <summary>unicode.IsNumber: the Unicode N categories.</summary>
    public static bool IsNumber(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    public static string ToUpper(string s) => s.ToUpperInvariant();

    public static string ToLower(string s) => s.ToLowerInvariant();

    /// <summary>strings.Title: the first letter of each word in title case, words separated by anything but letters, digits, '_' and non-ASCII non-space.</summary>
    public static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previous = new Rune(' ');
        foreach (var r in s.EnumerateRunes())
        {
            sb.Append((IsSeparator(previous) ? ToTitle(r) : r).ToString());
            previous = r;
        }

        return sb.ToString();
    }

    private static Rune ToTitle(Rune r) => Rune.ToUpperInvariant(r);

    private static bool IsSeparator(Rune r)
    {
        if (r.Value <= 0x7F)
        {
            return !(char.IsAsciiLetterOrDigit((char)r.Value) || r.Value == '_');
        }

        if (Rune.IsLetter(r) || Rune.IsDigit(r))
        {
            return false;
        }

        return IsSpace(r);
    }
}
