namespace Vixens.Lint.Helm.Charts;

/// <summary>Chart.yaml, as Helm's <c>chart.Metadata</c> (Go field order kept: templates print it in that order).</summary>
public sealed class ChartMetadata
{
    public string Name { get; set; } = string.Empty;

    public string Home { get; set; } = string.Empty;

    public List<string>? Sources { get; set; }

    public string Version { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public List<string>? Keywords { get; set; }

    public List<ChartMaintainer?>? Maintainers { get; set; }

    public string Icon { get; set; } = string.Empty;

    public string APIVersion { get; set; } = string.Empty;

    public string Condition { get; set; } = string.Empty;

    public string Tags { get; set; } = string.Empty;

    public string AppVersion { get; set; } = string.Empty;

    public bool Deprecated { get; set; }

    public Dictionary<string, string>? Annotations { get; set; }

    public string KubeVersion { get; set; } = string.Empty;

    public List<ChartDependency?>? Dependencies { get; set; }

    public string Type { get; set; } = string.Empty;

    /// <summary>Whether this is a library chart (only its partials are used).</summary>
    public bool IsLibrary => string.Equals(Type, "library", StringComparison.OrdinalIgnoreCase);

    /// <summary>A copy whose name and dependency list may change (aliases, disabled subcharts) without touching the original.</summary>
    public ChartMetadata Clone()
    {
        var copy = (ChartMetadata)MemberwiseClone();
        copy.Dependencies = Dependencies?.Select(d => d?.Clone()).ToList();
        return copy;
    }
}

/// <summary>One <c>maintainers</c> entry of Chart.yaml.</summary>
public sealed class ChartMaintainer
{
    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string URL { get; set; } = string.Empty;
}
