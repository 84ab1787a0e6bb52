namespace Vixens.Lint.Helm.Functions;

/// <summary>String comparisons as Go makes them: byte order of UTF-8, which is code point order.</summary>
internal static class GoStrings
{
    /// <summary>Compares by code point (UTF-16 ordinal order differs for characters above the surrogate range).</summary>
    public static int Compare(string? a, string? b)
    {
        a ??= string.Empty;
        b ??= string.Empty;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            // A surrogate (U+D800..DFFF) stands for a code point above U+FFFF: it sorts after U+E000..FFFF.
            var xs = char.IsSurrogate(x) ? x + 0x2000 : (x >= 0xE000 ? x - 0x800 : x);
            var ys = char.IsSurrogate(y) ? y + 0x2000 : (y >= 0xE000 ? y - 0x800 : y);
            return xs.CompareTo(ys);
        }

        return a.Length.CompareTo(b.Length);
    }
}
