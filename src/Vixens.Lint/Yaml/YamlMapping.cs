using Vixens.Lint.Diagnostics;
namespace Vixens.Lint.Yaml;

/// <summary>One <c>key: value</c> pair of a mapping. Keys are scalars: Kubernetes manifests use nothing else.</summary>
public sealed class YamlEntry
{
    public YamlEntry(YamlScalar key, YamlNode value)
    {
        Key = key;
        Value = value;
    }

    public YamlScalar Key { get; set; }

    public YamlNode Value { get; set; }
}

/// <summary>A mapping that keeps its keys in source order.</summary>
public sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourceSpan span, CollectionStyle flow = CollectionStyle.Block)
        : base(span) => Flow = flow;

    public List<YamlEntry> Entries { get; } = [];

    /// <summary>Whether the mapping was written in flow style (<c>{a: 1}</c>).</summary>
    public CollectionStyle Flow { get; set; }

    public int Count => Entries.Count;

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Value);

    public YamlNode? this[string key] => TryGetValue(key, out var value) ? value : null;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public int IndexOf(string key)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (string.Equals(Entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public bool TryGetValue(string key, out YamlNode value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? Entries[index].Value : null!;
        return index >= 0;
    }

    public YamlEntry? GetEntry(string key)
    {
        var index = IndexOf(key);
        return index >= 0 ? Entries[index] : null;
    }

    public YamlScalar? GetScalar(string key) => this[key] as YamlScalar;

    /// <summary>The text of a scalar child, or null when absent, null-valued or not a scalar.</summary>
    public string? GetString(string key) => GetScalar(key) is { IsNull: false } s ? s.Value : null;

    public YamlMapping? GetMapping(string key) => this[key] as YamlMapping;

    public YamlSequence? GetSequence(string key) => this[key] as YamlSequence;

    /// <summary>Follows a path of mapping keys; null when any step is missing or not a mapping.</summary>
    public YamlNode? GetPath(params string[] keys)
    {
        YamlNode? current = this;
        foreach (var key in keys)
        {
            current = (current as YamlMapping)?[key];
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Replaces the value of <paramref name="key"/>, or appends the entry; the key keeps its original span when present.</summary>
    public YamlEntry Set(string key, YamlNode value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            Entries[index].Value = value;
            return Entries[index];
        }

        var entry = new YamlEntry(new YamlScalar(key, value.Span) { Provenance = value.Provenance }, value);
        Entries.Add(entry);
        return entry;
    }

    public bool Remove(string key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        Entries.RemoveAt(index);
        return true;
    }

    public override YamlNode DeepClone()
    {
        var clone = new YamlMapping(Span, Flow);
        foreach (var entry in Entries)
        {
            clone.Entries.Add(new YamlEntry((YamlScalar)entry.Key.DeepClone(), entry.Value.DeepClone()));
        }

        return CopyCommonTo(clone);
    }
}
