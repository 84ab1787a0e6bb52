using System.Globalization;
using System.Text;

namespace Vixens.Lint.Sarif;

/// <summary>
/// GitHub's <c>primaryLocationLineHash</c>, computed the way <c>github/codeql-action</c>'s <c>upload-sarif</c> computes it
/// (see docs/sarif.md): over UTF-16 code units, spaces and tabs ignored, CR and CRLF read as LF, a rolling base-37 hash
/// (64-bit wrap-around) over a 100-character window; the value for a line is the hash of the window that starts at the
/// line's first counted character, printed as lower-case hex without padding, plus <c>:n</c> where n numbers the lines
/// that share that hash so far. Keeping it identical to the action's means the action never warns about an
/// "inconsistent fingerprint", and API uploads (which compute nothing) still get stable alerts.
/// </summary>
public static class LineHash
{
    private const int Window = 100;
    private const ulong Base = 37;

    /// <summary>A pseudo character read after the last one, as the action does, so an empty file still hashes line 1.</summary>
    private const char EndOfInput = '\uffff';

    /// <summary>Base^Window: the weight of the character that leaves the window.</summary>
    private static readonly ulong OutgoingWeight = ComputeOutgoingWeight();

    /// <summary>Hashes every line of <paramref name="text"/>; index 0 is line 1.</summary>
    public static IReadOnlyList<string> Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new State();
        foreach (var c in text)
        {
            state.Feed(c);
        }

        state.Feed(EndOfInput);
        state.Flush();
        return state.Hashes;
    }

    /// <summary>Reads a file as the action does (UTF-8, a byte-order mark kept as a character) and hashes its lines.</summary>
    public static IReadOnlyList<string> ComputeForFile(string path) =>
        Compute(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(File.ReadAllBytes(path)));

    private static ulong ComputeOutgoingWeight()
    {
        ulong weight = 1;
        for (var i = 0; i < Window; i++)
        {
            weight = unchecked(weight * Base);
        }

        return weight;
    }

    private sealed class State
    {
        private readonly char[] _window = new char[Window];

        // The line that starts at each window slot, or 0 when no line starts there.
        private readonly int[] _lineAt = new int[Window];
        private readonly Dictionary<ulong, int> _seen = [];
        private ulong _hash;
        private int _slot;
        private int _lines;
        private bool _atLineStart = true;
        private bool _afterCarriageReturn;

        public List<string> Hashes { get; } = [];

        public void Feed(char c)
        {
            if (c is ' ' or '\t' || (c == '\n' && _afterCarriageReturn))
            {
                _afterCarriageReturn = false;
                return;
            }

            _afterCarriageReturn = c == '\r';
            if (c == '\r')
            {
                c = '\n';
            }

            EmitIfLineStartsHere();
            if (_atLineStart)
            {
                _atLineStart = false;
                _lines++;
                _lineAt[_slot] = _lines;
            }

            _atLineStart = c == '\n';
            Roll(c);
        }

        /// <summary>Pushes zeros until every pending line start has left the window.</summary>
        public void Flush()
        {
            for (var i = 0; i < Window; i++)
            {
                EmitIfLineStartsHere();
                Roll('\0');
            }
        }

        private void EmitIfLineStartsHere()
        {
            var line = _lineAt[_slot];
            if (line == 0)
            {
                return;
            }

            _seen[_hash] = _seen.GetValueOrDefault(_hash) + 1;
            var text = _hash.ToString("x", CultureInfo.InvariantCulture) + ":" + _seen[_hash].ToString(CultureInfo.InvariantCulture);
            while (Hashes.Count < line)
            {
                Hashes.Add(string.Empty);
            }

            Hashes[line - 1] = text;
            _lineAt[_slot] = 0;
        }

        private void Roll(char incoming)
        {
            var outgoing = _window[_slot];
            _window[_slot] = incoming;
            _hash = unchecked((_hash * Base) + incoming - (OutgoingWeight * outgoing));
            _slot = (_slot + 1) % Window;
        }
    }
}
