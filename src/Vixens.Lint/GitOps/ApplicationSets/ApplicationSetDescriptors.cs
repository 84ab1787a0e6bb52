using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// VX03xx: ApplicationSet expansion (DESIGN §3 gives the VX03xx range to it). Errors are what makes ArgoCD's
/// ApplicationSet controller set <c>ErrorOccurred</c> and generate nothing; the note keeps every generator that an
/// offline check cannot expand visible.
/// </summary>
public static class ApplicationSetDescriptors
{
    private const string Category = "build";

    /// <summary>VX0301: a generator that ArgoCD rejects (bad shape, bad parameters, unreadable files).</summary>
    public static readonly DiagnosticDescriptor GeneratorInvalid = new(
        "VX0301", "ApplicationSetGeneratorMustGenerate", "ApplicationSet generator fails",
        "ApplicationSet \"{0}\": {1}; ArgoCD sets ErrorOccurred and creates or updates none of its Applications", Category, Severity.Error,
        "When any generator of an ApplicationSet fails (a matrix without exactly two children, a merge without mergeKeys, a list element that is not a string in the default template mode, a Git files generator reading a file that does not parse, an invalid selector), the ApplicationSet controller stops: it reports ErrorOccurred and leaves every Application as it was, so new ones are not created and changes are not applied.",
        ["gitops", "argocd", "applicationset"], precision: "very-high");

    /// <summary>VX0302: the template (or templatePatch) does not render.</summary>
    public static readonly DiagnosticDescriptor TemplateInvalid = new(
        "VX0302", "ApplicationSetTemplateMustRender", "ApplicationSet template does not render",
        "ApplicationSet \"{0}\": {1}; ArgoCD sets ErrorOccurred and creates or updates none of its Applications", Category, Severity.Error,
        "A template that does not parse or execute (an unterminated {{ tag, a Go template error, a missing key under missingkey=error, a templatePatch that is not a valid Application patch) stops the ApplicationSet controller for the whole ApplicationSet.",
        ["gitops", "argocd", "applicationset"], precision: "very-high");

    /// <summary>VX0303: a generator that needs data an offline check does not have.</summary>
    public static readonly DiagnosticDescriptor NotRendered = new(
        "VX0303", "ApplicationSetGeneratorNotRenderedOffline", "ApplicationSet generator not expanded offline",
        "ApplicationSet \"{0}\": the {1} generator is not expanded offline: {2}; the Applications it generates are not analysed", Category, Severity.Note,
        "Some generators need data from outside the repository: an SCM provider or pull-request API, a cluster-decision resource or a plugin service running in the cluster, or a Git repository other than the one being checked. An offline check cannot know what they generate, so it says so instead of silently analysing fewer Applications.",
        ["gitops", "argocd", "applicationset"], precision: "very-high");

    /// <summary>VX0304: the generated Applications cannot all be created (empty or duplicate names).</summary>
    public static readonly DiagnosticDescriptor GeneratedNameInvalid = new(
        "VX0304", "ApplicationSetNamesMustBeUnique", "ApplicationSet generates an unnamed or duplicate Application",
        "ApplicationSet \"{0}\": {1}; ArgoCD rejects the generated Applications and creates or updates none of them", Category, Severity.Error,
        "ArgoCD tracks generated Applications by name. Two parameter sets that render the same name (a basename shared by two directories, a list element repeated) or a name that renders empty make the controller's validation fail, and nothing of the ApplicationSet is applied.",
        ["gitops", "argocd", "applicationset"], precision: "very-high");

    /// <summary>VX0305: a generator entry with no generator ArgoCD knows (a typo, a generator of a newer ArgoCD).</summary>
    public static readonly DiagnosticDescriptor UnknownGenerator = new(
        "VX0305", "ApplicationSetGeneratorMustBeKnown", "ApplicationSet generator entry has no known generator",
        "ApplicationSet \"{0}\": spec.generators[{1}] holds no generator ArgoCD knows ({2}); it generates nothing", Category, Severity.Warning,
        "ArgoCD recognises the list, clusters, git, scmProvider, clusterDecisionResource, pullRequest, matrix, merge and plugin generators. An entry with none of them (a misspelt key such as `lists` or `cluster`) is dropped when the ApplicationSet is stored, and the controller only logs a warning: the Applications it was meant to create never appear.",
        ["gitops", "argocd", "applicationset"], precision: "very-high");

    /// <summary>Every VX03xx descriptor, for the rule catalog and the docs check.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [GeneratorInvalid, TemplateInvalid, NotRendered, GeneratedNameInvalid, UnknownGenerator];
}
