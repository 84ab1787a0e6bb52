namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>The generator fields of an ApplicationSet generator entry, in ArgoCD's struct order (it decides result order).</summary>
internal static class GeneratorKinds
{
    public const string List = "list";
    public const string Clusters = "clusters";
    public const string Git = "git";
    public const string ScmProvider = "scmProvider";
    public const string ClusterDecisionResource = "clusterDecisionResource";
    public const string PullRequest = "pullRequest";
    public const string Matrix = "matrix";
    public const string Merge = "merge";
    public const string Plugin = "plugin";

    public static IReadOnlyList<string> All { get; } = [List, Clusters, Git, ScmProvider, ClusterDecisionResource, PullRequest, Matrix, Merge, Plugin];

    /// <summary>Generator types whose <c>values</c> map is pre-resolved (not plainly rendered) when a matrix interpolates it.</summary>
    public static bool HasValues(string kind) => kind is Clusters or Git or ScmProvider or ClusterDecisionResource or PullRequest or Plugin;

    /// <summary>Why a generator needs data an offline check cannot have; null for the generators expanded offline.</summary>
    public static string? OutsideDataReason(string kind) => kind switch
    {
        ScmProvider => "it lists repositories through an SCM provider's API (GitHub, GitLab, Bitbucket…), which needs the network and credentials",
        PullRequest => "it lists open pull requests through an SCM provider's API, which needs the network and credentials",
        ClusterDecisionResource => "it reads a duck-typed resource (such as an OCM PlacementDecision) from the live cluster",
        Plugin => "it calls a plugin service over HTTP, configured in the live ArgoCD installation",
        _ => null,
    };
}
