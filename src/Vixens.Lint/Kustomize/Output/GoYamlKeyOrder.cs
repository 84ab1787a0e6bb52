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
        var ar = ToRunes(a);
        var br = ToRunes(b);
        for (var i = 0; i < ar.Length && i < br.Length; i++)
        {
            if (ar[i] == br[i])
            {
                continue;
            }

            var al = Rune.IsLetter(ar[i]);
            var bl = Rune.IsLetter(br[i]);
            if (al && bl)
            {
                return ar[i].Value < br[i].Value;
            }

            if (al || bl)
            {
                return bl;
            }

            long an = 0, bn = 0;
            if (ar[i].Value == '0' || br[i].Value == '0')
            {
                // A zero inside a longer number (e.g. "10" vs "1a") is a digit like any other, not a leading zero.
                for (var j = i - 1; j >= 0 && Rune.IsDigit(ar[j]); j--)
                {
                    if (ar[j].Value != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }

            var ai = i;
            for (; ai < ar.Length && Rune.IsDigit(ar[ai]); ai++)
            {
                an = unchecked((an * 10) + (ar[ai].Value - '0'));
            }

            var bi = i;
            for (; bi < br.Length && Rune.IsDigit(br[bi]); bi++)
            {
                bn = unchecked((bn * 10) + (br[bi].Value - '0'));
            }

            if (an != bn)
            {
                return an < bn;
            }

            if (ai != bi)
            {
                return ai < bi;
            }

            return ar[i].Value < br[i].Value;
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
