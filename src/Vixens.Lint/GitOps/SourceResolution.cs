namespace Vixens.Lint.GitOps;

/// <summary>What the workspace did with one source of an Application.</summary>
public enum SourceState
{
    /// <summary>A local path, rendered and analysed.</summary>
    Rendered,

    /// <summary>A Helm chart: recorded, values files checked, not rendered offline.</summary>
    HelmChart,

    /// <summary>A <c>ref</c> source that only provides <c>$ref/…</c> values files to another source.</summary>
    ValuesReference,

    /// <summary>A path in a repository other than this one.</summary>
    RemoteRepository,

    /// <summary>A local path that does not exist (VX3001).</summary>
    PathMissing,

    /// <summary>A local path whose kustomization fails to build (VX3007).</summary>
    BuildFailed,

    /// <summary>A local path that needs what an offline check cannot do: remote bases, kustomize <c>helmCharts</c> (VX0106).</summary>
    NotRenderedOffline,

    /// <summary>A source with neither path nor chart (VX3004 when repoURL is missing too).</summary>
    Incomplete,

    /// <summary>A source of an Application manifest that its environment root does not list: nothing deploys it.</summary>
    NotDeployed,
}

/// <summary>One source of an Application in one environment and what became of it; <see cref="Reason"/> says why it was not rendered.</summary>
public sealed record SourceResolution(string Application, ApplicationSource Source, SourceState State, string Reason)
{
    /// <summary>Sources whose output is not analysed (the gap a user should know about); ref-only sources render nothing by design.</summary>
    public bool IsUnrendered => State is not (SourceState.Rendered or SourceState.ValuesReference);
}
