using System.Globalization;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Patching;

/// <summary>
/// The parent of the node a JSON pointer addresses, with the per-container operations of the JSON-patch library kustomize
/// uses (evanphx/json-patch v4): its error texts, negative indexes, and its leniencies (replacing a missing object key adds
/// it). Errors are returned as text in the library's wording so kustomize's messages can be reproduced.
/// </summary>
internal abstract class JsonPointerContainer
{
    public abstract YamlNode Node { get; }

    /// <summary>The child at <paramref name="key"/>; null with no error when an object has no such key.</summary>
    public abstract YamlNode? Get(string key, out string? error);

    public abstract string? Add(string key, YamlNode value);

    public abstract string? Set(string key, YamlNode value);

    public abstract string? Remove(string key);

    public static JsonPointerContainer? Wrap(YamlNode node) => node switch
    {
        YamlMapping mapping => new ObjectContainer(mapping),
        YamlSequence sequence => new ArrayContainer(sequence),
        _ => null,
    };

    /// <summary>
    /// Walks every segment but the last (an empty or slash-less path has no parent), as the library does: a missing step,
    /// a null or scalar step, or a bad array index means "missing path".
    /// </summary>
    public static JsonPointerContainer? FindParent(YamlNode root, string path, out string key)
    {
        key = string.Empty;
        var segments = path.Split('/');
        if (segments.Length < 2)
        {
            return null;
        }

        var container = Wrap(root);
        for (var i = 1; i < segments.Length - 1 && container is not null; i++)
        {
            var next = container.Get(Decode(segments[i]), out var error);
            container = error is null && next is not null && !YamlFacts.IsNullScalar(next) ? Wrap(next) : null;
        }

        key = Decode(segments[^1]);
        return container;
    }

    /// <summary>RFC 6901 unescaping: <c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>, read left to right.</summary>
    public static string Decode(string segment) =>
        segment.Contains('~', StringComparison.Ordinal) ? segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : segment;

    private sealed class ObjectContainer : JsonPointerContainer
    {
        private readonly YamlMapping _mapping;

        public ObjectContainer(YamlMapping mapping) => _mapping = mapping;

        public override YamlNode Node => _mapping;

        public override YamlNode? Get(string key, out string? error)
        {
            error = null;
            return _mapping[key];
        }

        public override string? Add(string key, YamlNode value) => Set(key, value);

        public override string? Set(string key, YamlNode value)
        {
            if (_mapping.GetEntry(key) is { } entry)
            {
                entry.Value = value;
            }
            else
            {
                _mapping.Entries.Add(new YamlEntry(new YamlScalar(key, value.Span) { Provenance = value.Provenance }, value));
            }

            return null;
        }

        public override string? Remove(string key) =>
            _mapping.Remove(key) ? null : $"Unable to remove nonexistent key: {key}: missing value";
    }

    private sealed class ArrayContainer : JsonPointerContainer
    {
        private readonly YamlSequence _sequence;

        public ArrayContainer(YamlSequence sequence) => _sequence = sequence;

        public override YamlNode Node => _sequence;

        public override YamlNode? Get(string key, out string? error)
        {
            error = ParseIndex(key, out var index);
            if (error is not null)
            {
                return null;
            }

            var count = _sequence.Count;
            if (index < 0)
            {
                if (index < -count)
                {
                    error = InvalidIndex(index);
                    return null;
                }

                index += count;
            }

            if (index >= count)
            {
                error = InvalidIndex(index);
                return null;
            }

            return _sequence.Items[(int)index];
        }

        public override string? Add(string key, YamlNode value)
        {
            if (key == "-")
            {
                _sequence.Items.Add(value);
                return null;
            }

            if (ParseIndex(key, out var index) is { } error)
            {
                return $"value was not a proper array index: '{key}': {error}";
            }

            var size = _sequence.Count + 1;
            if (index >= size || index < -size)
            {
                return InvalidIndex(index);
            }

            if (index < 0)
            {
                index += size;
            }

            _sequence.Items.Insert((int)index, value);
            return null;
        }

        public override string? Set(string key, YamlNode value)
        {
            Get(key, out var error);
            if (error is not null)
            {
                return error;
            }

            ParseIndex(key, out var index);
            _sequence.Items[(int)(index < 0 ? index + _sequence.Count : index)] = value;
            return null;
        }

        public override string? Remove(string key)
        {
            if (ParseIndex(key, out var index) is { } error)
            {
                return error;
            }

            var count = _sequence.Count;
            if (index >= count || index < -count)
            {
                return InvalidIndex(index);
            }

            _sequence.Items.RemoveAt((int)(index < 0 ? index + count : index));
            return null;
        }

        private static string InvalidIndex(long index) =>
            string.Create(CultureInfo.InvariantCulture, $"Unable to access invalid index: {index}: invalid index referenced");

        /// <summary>Go's <c>strconv.Atoi</c>: optional sign and decimal digits only, with its error wording.</summary>
        private static string? ParseIndex(string key, out long index)
        {
            index = 0;
            var digits = key.StartsWith('+') || key.StartsWith('-') ? key[1..] : key;
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            {
                return $"strconv.Atoi: parsing \"{key}\": invalid syntax";
            }

            if (!long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index) || index is > int.MaxValue or < int.MinValue)
            {
                return $"strconv.Atoi: parsing \"{key}\": value out of range";
            }

            return null;
        }
    }
}
