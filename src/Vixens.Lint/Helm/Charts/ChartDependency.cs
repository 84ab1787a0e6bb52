namespace Vixens.Lint.Helm.Charts;

/// <summary>One entry of Chart.yaml's <c>dependencies</c> (or a v1 chart's requirements.yaml), as Helm's <c>chart.Dependency</c>.</summary>
public sealed class ChartDependency
{
    public string Name { get; set; } = string.Empty;

    public string Version { get; set; } = string.Empty;

    public string Repository { get; set; } = string.Empty;

    public string Condition { get; set; } = string.Empty;

    public List<string> Tags { get; set; } = [];

    /// <summary>Set while dependencies are processed: whether conditions and tags keep this subchart.</summary>
    public bool Enabled { get; set; }

    /// <summary>The raw <c>import-values</c> entries: strings (exports) or <c>{child, parent}</c> maps.</summary>
    public List<object?> ImportValues { get; set; } = [];

    public string Alias { get; set; } = string.Empty;

    /// <summary>A copy that processing may change without touching the loaded chart.</summary>
    public ChartDependency Clone() => new()
    {
        Name = Name,
        Version = Version,
        Repository = Repository,
        Condition = Condition,
        Tags = [.. Tags],
        Enabled = Enabled,
        ImportValues = [.. ImportValues],
        Alias = Alias,
    };
}
