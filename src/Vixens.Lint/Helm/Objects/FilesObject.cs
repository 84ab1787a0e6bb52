using Vixens.Lint.Foundation;
using Vixens.Lint.Helm.Charts;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Objects;

/// <summary>
/// <c>.Files</c>: the chart's non-template files (Helm's <c>engine.files</c>, a map of name to bytes, so <c>range</c>
/// walks it) with Get, GetBytes, Glob, Lines, AsConfig and AsSecrets. <c>AsConfig</c>/<c>AsSecrets</c> print through
/// the engine's <c>toYaml</c>.
/// </summary>
public sealed class FilesObject : Dictionary<string, object?>, IGoObject
{
    private readonly SortedDictionary<string, byte[]> _files;
    private readonly Func<object?, string> _toYaml;

    public FilesObject(IEnumerable<ChartFile> files, Func<object?, string> toYaml)
        : this(new SortedDictionary<string, byte[]>(files.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Last().Data), StringComparer.Ordinal), toYaml)
    {
    }

    private FilesObject(SortedDictionary<string, byte[]> files, Func<object?, string> toYaml)
        : base(StringComparer.Ordinal)
    {
        _files = files;
        _toYaml = toYaml;
        foreach (var (name, data) in files)
        {
            this[name] = data;
        }
    }

    public string GoTypeName => "engine.files";

    public bool IsPointer => false;

    /// <summary>Printed as Go prints the map (<c>map[name:[bytes…]]</c>): the entries, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _files.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value)).ToList();

    /// <summary>A key of the map (Go reads <c>.Files.name</c> as a map lookup: a missing name is an empty byte slice).</summary>
    public bool TryGetField(string name, out object? value)
    {
        value = _files.TryGetValue(name, out var data) ? data : Array.Empty<byte>();
        return true;
    }

    public bool TryGetMethod(string name, out GoFunction? method)
    {
        method = name switch
        {
            "Get" => new GoFunction(name, [GoType.String], null, a => System.Text.Encoding.UTF8.GetString(GetBytes((string)a[0]!))),
            "GetBytes" => new GoFunction(name, [GoType.String], null, a => GetBytes((string)a[0]!)),
            "Glob" => new GoFunction(name, [GoType.String], null, a => Glob((string)a[0]!)),
            "Lines" => new GoFunction(name, [GoType.String], null, a => Lines((string)a[0]!)),
            "AsConfig" => new GoFunction(name, [], null, _ => AsConfig()),
            "AsSecrets" => new GoFunction(name, [], null, _ => AsSecrets()),
            _ => null,
        };
        return method is not null;
    }

    public byte[] GetBytes(string name) => _files.TryGetValue(name, out var data) ? data : [];

    public FilesObject Glob(string pattern) =>
        new(new SortedDictionary<string, byte[]>(_files.Where(kv => FileGlob.Match(pattern, kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal), _toYaml);

    public List<string> Lines(string name)
    {
        if (!_files.TryGetValue(name, out var data))
        {
            return [];
        }

        var text = System.Text.Encoding.UTF8.GetString(data);
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        return [.. text.Split('\n')];
    }

    public string AsConfig() => _toYaml(ByBaseName(data => System.Text.Encoding.UTF8.GetString(data)));

    public string AsSecrets() => _toYaml(ByBaseName(Convert.ToBase64String));

    private Dictionary<string, string> ByBaseName(Func<byte[], string> encode)
    {
        // Helm keys by base name; when two files share one, the later in Go's map order wins (random there): name order here.
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, data) in _files)
        {
            map[GoPath.Base(name)] = encode(data);
        }

        return map;
    }
}
