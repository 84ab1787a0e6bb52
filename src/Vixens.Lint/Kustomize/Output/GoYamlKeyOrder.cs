using System.Text;

namespace Vixens.Lint.Kustomize.Output;

/// <summary>
/// The key order of go-yaml v2 when it prints a map: not plain ordinal order. Letters sort after every non-letter,
/// and runs of digits compare as numbers (so <c>a9</c> comes before <c>a10</c>).
/// </summary>
internal sealed class GoYamlKeyOrder : IComparer<string>
{
    public static readonly GoYamlKeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return 0;
        }

        return Less(x, y) ? -1 : 1;
    }

    private static bool Less(string a, string b)
    {
        // Keys are almost always ASCII/BMP: compare UTF-16 units directly and only build rune arrays for surrogates.
        if (HasSurrogates(a) || HasSurrogates(b))
        {
            return Less(ToRunes(a), ToRunes(b));
        }

        return Less(a.AsSpan(), b.AsSpan());
    }

    private static bool HasSurrogates(string s)
    {
        foreach (var c in s)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Less(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var ar = new int[a.Length];
        var br = new int[b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            ar[i] = a[i];
        }

        for (var i = 0; i < b.Length; i++)
        {
            br[i] = b[i];
        }

        return LessCodePoints(ar, br);
    }

    private static bool Less(Rune[] a, Rune[] b) => LessCodePoints(a.Select(r => r.Value).ToArray(), b.Select(r => r.Value).ToArray());

    private static bool IsLetter(int c) => Rune.IsLetter(new Rune(c));

    private static bool IsDigit(int c) => Rune.IsDigit(new Rune(c));

    private static bool LessCodePoints(int[] ar, int[] br)
    {
        for (var i = 0; i < ar.Length && i < br.Length; i++)
        {
            if (ar[i] == br[i])
            {
                continue;
            }

            var al = IsLetter(ar[i]);
            var bl = IsLetter(br[i]);
            if (al && bl)
            {
                return ar[i] < br[i];
            }

            if (al || bl)
            {
                return bl;
            }

            long an = 0, bn = 0;
            if (ar[i] == '0' || br[i] == '0')
            {
                // A zero inside a longer number (e.g. "10" vs "1a") is a digit like any other, not a leading zero.
                for (var j = i - 1; j >= 0 && IsDigit(ar[j]); j--)
                {
                    if (ar[j] != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }

            var ai = i;
            for (; ai < ar.Length && IsDigit(ar[ai]); ai++)
            {
                an = unchecked((an * 10) + (ar[ai] - '0'));
            }

            var bi = i;
            for (; bi < br.Length && IsDigit(br[bi]); bi++)
            {
                bn = unchecked((bn * 10) + (br[bi] - '0'));
            }

            if (an != bn)
            {
                return an < bn;
            }

            if (ai != bi)
            {
                return ai < bi;
            }

            return ar[i] < br[i];
        }

        return ar.Length < br.Length;
    }

    private static Rune[] ToRunes(string s)
    {
        var list = new List<Rune>(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            list.Add(rune);
        }

        return [.. list];
    }
}
