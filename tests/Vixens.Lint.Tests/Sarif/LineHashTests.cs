using NUnit.Framework;
using System.Globalization;
using Vixens.Lint.Sarif;

namespace Vixens.Lint.Tests.Sarif;

/// <summary><see cref="LineHash"/> against github/codeql-action's own vectors (src/fingerprints.test.ts) and a naive reference.</summary>
public class LineHashTests
{
    [Test]
    public void Empty_file_hashes_line_one_like_the_action() =>
        Assert.That(LineHash.Compute(string.Empty), Is.EqualTo(new[] { "c129715d7a2bc9a3:1" }));

    [Test]
    public void Whitespace_is_ignored_like_the_action() =>
        Assert.That(
            LineHash.Compute(" a\nb\n  \t\tc\n d"),
            Is.EqualTo(new[] { "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1" }));

    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Carriage_returns_count_as_line_feeds(string newline)
    {
        var lf = "apiVersion: v1\nkind: ConfigMap\n\nmetadata:\n  name: x\n";
        Assert.That(LineHash.Compute(lf.Replace("\n", newline, StringComparison.Ordinal)), Is.EqualTo(LineHash.Compute(lf)));
    }

    [Test]
    public void Spaces_and_tabs_do_not_change_the_hash() =>
        Assert.That(LineHash.Compute("a: b\n  c:\td\n"), Is.EqualTo(LineHash.Compute("a:b\nc:d\n")));

    [Test]
    public void Lines_with_the_same_hash_are_numbered()
    {
        // Identical trailing content: the last two lines see the same 100-character window (the rest is zero padding).
        var hashes = LineHash.Compute("x\ny\ny");
        Assert.That(hashes[1].Split(':')[0], Is.Not.EqualTo(hashes[2].Split(':')[0]), "different windows");
        var repeated = LineHash.Compute(string.Concat(Enumerable.Repeat("same line of text\n", 20)));
        Assert.That(repeated, Has.Count.EqualTo(21));
    }

    [Test]
    public void Rolling_hash_matches_a_naive_computation_on_long_text()
    {
        var random = new Random(42);
        const string alphabet = "abcdefghij:- \t\n\r{}\"é€";
        for (var round = 0; round < 50; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 600)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.That(LineHash.Compute(text), Is.EqualTo(Naive(text)), text);
        }
    }

    /// <summary>The definition, computed directly: normalise, then hash the 100 characters from each line start.</summary>
    private static List<string> Naive(string text)
    {
        var chars = new List<char>();
        var starts = new List<int>();
        var lineStart = true;
        var previousCr = false;
        foreach (var original in text + '\uffff')
        {
            var c = original;
            if (c is ' ' or '\t' || (previousCr && c == '\n'))
            {
                previousCr = false;
                continue;
            }

            previousCr = c == '\r';
            if (c == '\r')
            {
                c = '\n';
            }

            if (lineStart)
            {
                starts.Add(chars.Count);
                lineStart = false;
            }

            lineStart = c == '\n';
            chars.Add(c);
        }

        var counts = new Dictionary<ulong, int>();
        var result = new List<string>();
        foreach (var start in starts)
        {
            ulong hash = 0;
            for (var i = 0; i < 100; i++)
            {
                var c = start + i < chars.Count ? chars[start + i] : '\0';
                hash = unchecked((hash * 37) + c);
            }

            counts[hash] = counts.GetValueOrDefault(hash) + 1;
            result.Add(hash.ToString("x", CultureInfo.InvariantCulture) + ":" + counts[hash].ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }
}
