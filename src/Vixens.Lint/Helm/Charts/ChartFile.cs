namespace Vixens.Lint.Helm.Charts;

/// <summary>One file of a chart, named by its path relative to the chart root with <c>/</c> separators.</summary>
/// <param name="Name">The chart-relative path, e.g. <c>templates/deployment.yaml</c>.</param>
/// <param name="Data">The content, without a leading UTF-8 byte order mark (Helm strips it).</param>
public sealed record ChartFile(string Name, byte[] Data)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The content as text (Go's <c>string([]byte)</c>: invalid UTF-8 becomes U+FFFD).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Data);

    /// <summary>A file with Helm's byte order mark stripping applied.</summary>
    public static ChartFile WithoutBom(string name, byte[] data) =>
        new(name, data.AsSpan().StartsWith(Utf8Bom) ? data[3..] : data);
}
