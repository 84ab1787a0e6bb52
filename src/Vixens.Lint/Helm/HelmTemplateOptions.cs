using Vixens.Lint.Helm.Charts;
using Vixens.Lint.Helm.Objects;
using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm;

/// <summary>What <c>helm template NAME CHART [flags]</c> is asked to do (the flags Vixens.Lint understands).</summary>
public sealed record HelmTemplateOptions
{
    /// <summary>The release name (<c>.Release.Name</c>).</summary>
    public required string ReleaseName { get; init; }

    /// <summary><c>--name-template</c>: a template (Sprig functions) whose output is the release name, used instead of <see cref="ReleaseName"/>.</summary>
    public string? NameTemplate { get; init; }

    /// <summary>The chart: a directory or a <c>.tgz</c> file.</summary>
    public required string ChartPath { get; init; }

    /// <summary><c>--namespace</c> (Helm's default is <c>default</c>).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Values files and <c>--set*</c> flags.</summary>
    public UserValues Values { get; init; } = new();

    /// <summary>The directory relative paths (values files, <c>--set-file</c>) are read from.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary><c>--kube-version</c> and <c>--api-versions</c> (plus any other source of API versions).</summary>
    public HelmCapabilities Capabilities { get; init; } = new();

    /// <summary><c>--include-crds</c>: print <c>crds/</c> files first.</summary>
    public bool IncludeCrds { get; init; }

    /// <summary><c>--skip-tests</c>: leave test hooks out.</summary>
    public bool SkipTests { get; init; }

    /// <summary><c>--no-hooks</c>: leave every hook out.</summary>
    public bool NoHooks { get; init; }

    /// <summary><c>--is-upgrade</c>: <c>.Release.IsUpgrade</c> true, <c>.Release.IsInstall</c> false.</summary>
    public bool IsUpgrade { get; init; }

    /// <summary><c>--skip-schema-validation</c>.</summary>
    public bool SkipSchemaValidation { get; init; }

    /// <summary><c>--show-only</c> patterns (templates to print), in order.</summary>
    public IReadOnlyList<string> ShowOnly { get; init; } = [];

    /// <summary>Bounds on the chart read.</summary>
    public ChartLoadLimits LoadLimits { get; init; } = ChartLoadLimits.Default;
}
