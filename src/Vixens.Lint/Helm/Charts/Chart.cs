using Vixens.Lint.Foundation;
using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// A loaded chart, as Helm's <c>chart.Chart</c>: metadata, templates, default values, schema, other files, and its
/// subcharts. Files are shared between copies (never changed); metadata, values and the subchart list are per copy,
/// because processing dependencies rewrites them (aliases, disabled subcharts, imported values).
/// </summary>
public sealed class Chart
{
    public Chart(ChartMetadata metadata)
    {
        Metadata = metadata;
    }

    public ChartMetadata Metadata { get; private set; }

    /// <summary>Chart.lock (or requirements.lock) as a Go map, when present.</summary>
    public Dictionary<string, object?>? Lock { get; init; }

    /// <summary>The files under <c>templates/</c>, in load order.</summary>
    public IReadOnlyList<ChartFile> Templates { get; init; } = [];

    /// <summary>values.yaml as Go values (never null).</summary>
    public Dictionary<string, object?> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>values.schema.json, when present.</summary>
    public byte[]? Schema { get; init; }

    /// <summary>Every other file (what <c>.Files</c> sees), including <c>crds/</c>.</summary>
    public IReadOnlyList<ChartFile> Files { get; init; } = [];

    public Chart? Parent { get; private set; }

    public IReadOnlyList<Chart> Dependencies => _dependencies;

    private List<Chart> _dependencies = [];

    public string Name => Metadata.Name;

    public bool IsRoot => Parent is null;

    /// <summary>Helm's <c>ChartFullPath</c>: <c>root/charts/sub/charts/subsub</c>, the prefix of template names.</summary>
    public string FullPath => Parent is null ? Name : Parent.FullPath + "/charts/" + Name;

    /// <summary>Helm's <c>ChartPath</c>: <c>root.sub.subsub</c>.</summary>
    public string DottedPath => Parent is null ? Name : Parent.DottedPath + "." + Name;

    public void AddDependency(Chart chart)
    {
        chart.Parent = this;
        _dependencies.Add(chart);
    }

    public void SetDependencies(IEnumerable<Chart> charts)
    {
        var list = charts.ToList();
        _dependencies = [];
        foreach (var chart in list)
        {
            AddDependency(chart);
        }
    }

    /// <summary>A copy of the whole tree whose metadata, values and subchart lists can be processed independently.</summary>
    public Chart CloneTree()
    {
        var copy = ShallowCopy();
        copy._dependencies = [];
        foreach (var dependency in _dependencies)
        {
            copy.AddDependency(dependency.CloneTree());
        }

        return copy;
    }

    /// <summary>A copy sharing files and subcharts, with its own metadata (Helm's alias copy).</summary>
    public Chart ShallowCopy(string? newName = null)
    {
        var metadata = Metadata.Clone();
        if (newName is not null)
        {
            metadata.Name = newName;
        }

        var copy = new Chart(metadata)
        {
            Lock = Lock,
            Templates = Templates,
            Values = ValueMaps.DeepCopyMap(Values),
            Schema = Schema,
            Files = Files,
        };
        copy._dependencies = [.. _dependencies];
        return copy;
    }

    /// <summary>The CRD files (<c>crds/*.yaml|yml|json</c>) of this chart, then of its subcharts, with their output names.</summary>
    public IEnumerable<(string OutputName, ChartFile File)> CrdObjects()
    {
        foreach (var file in Files)
        {
            if (file.Name.StartsWith("crds/", StringComparison.Ordinal) && HasManifestExtension(file.Name))
            {
                yield return (FullPath + "/" + file.Name, file);
            }
        }

        foreach (var dependency in _dependencies)
        {
            foreach (var crd in dependency.CrdObjects())
            {
                yield return crd;
            }
        }
    }

    private static bool HasManifestExtension(string name)
    {
        var ext = GoPath.Ext(name);
        return ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || ext.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".json", StringComparison.OrdinalIgnoreCase);
    }
}
