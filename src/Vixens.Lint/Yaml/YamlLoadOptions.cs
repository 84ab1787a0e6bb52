namespace Vixens.Lint.Yaml;

/// <summary>Limits that keep loading bounded in time and memory whatever the input.</summary>
public sealed record YamlLoadOptions
{
    public static readonly YamlLoadOptions Default = new();

    /// <summary>Files larger than this are refused with VX0007 (default 16 MiB).</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Nodes that alias expansion may create in one file before VX0004 (default 100,000).</summary>
    public int MaxAliasExpansionNodes { get; init; } = 100_000;

    /// <summary>Maximum nesting of collections before VX0006 (default 256).</summary>
    public int MaxDepth { get; init; } = 256;
}
