using System.Text;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// go-yaml v2's order of string map keys: letters compare by code point, and a run of digits compares by its number
/// (so <c>a2</c> sorts before <c>a10</c>), a letter sorting after any other character.
/// </summary>
internal static class GoYamlKeyOrder
{
    public static int Compare(string a, string b)
    {
        if (Less(a, b))
        {
            return -1;
        }

        return Less(b, a) ? 1 : 0;
    }

    private static bool Less(string a, string b)
    {
        var ar = a.EnumerateRunes().ToArray();
        var br = b.EnumerateRunes().ToArray();
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
                // A zero inside a number (after a non-zero digit) still counts: only leading zeros are skipped.
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
                an = (an * 10) + (ar[ai].Value - '0');
            }

            var bi = i;
            for (; bi < br.Length && Rune.IsDigit(br[bi]); bi++)
            {
                bn = (bn * 10) + (br[bi].Value - '0');
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
}
