namespace Vixens.Lint.Helm;

/// <summary>
/// Why <c>helm template</c> fails, with Helm's own message (what follows <c>Error: </c> on its stderr) and, when the
/// failure has a place in the chart, the file (chart-relative template name or path on disk) and position.
/// </summary>
public sealed class HelmException : Exception
{
    public HelmException(string message, HelmErrorKind kind = HelmErrorKind.Chart, string? file = null, int line = 0, int column = 0)
        : base(message)
    {
        Kind = kind;
        File = file;
        Line = line;
        Column = column;
    }

    public HelmException()
    {
    }

    public HelmException(string message)
        : base(message)
    {
    }

    public HelmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Which stage failed; decides the VX02xx diagnostic.</summary>
    public HelmErrorKind Kind { get; }

    /// <summary>The file the error is in (a template name such as <c>mychart/templates/a.yaml</c>, or a path), if known.</summary>
    public string? File { get; }

    /// <summary>1-based line in <see cref="File"/>, or 0.</summary>
    public int Line { get; }

    /// <summary>1-based column in <see cref="File"/>, or 0.</summary>
    public int Column { get; }

    /// <summary>
    /// Whether Helm appends "Use --debug flag to render out invalid YAML" (errors raised once a release exists: rendering,
    /// manifest sorting, kubeVersion).
    /// </summary>
    public bool DuringRender => Kind is HelmErrorKind.Template or HelmErrorKind.Manifest or HelmErrorKind.KubeVersion;
}

/// <summary>The stage of <c>helm template</c> an error comes from.</summary>
public enum HelmErrorKind
{
    /// <summary>Loading the chart: archive, directory, Chart.yaml, dependencies.</summary>
    Chart,
    /// <summary>Values files, <c>--set*</c> flags, coalescing.</summary>
    Values,
    /// <summary><c>values.schema.json</c> validation.</summary>
    Schema,
    /// <summary>The chart's kubeVersion does not match.</summary>
    KubeVersion,
    /// <summary>Template parse or execution.</summary>
    Template,
    /// <summary>A rendered document that is not valid YAML or has a bad head.</summary>
    Manifest,
    /// <summary>Command-line arguments (release name, flags).</summary>
    Usage,
}
