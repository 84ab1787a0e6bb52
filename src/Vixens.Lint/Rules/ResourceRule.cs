using Vixens.Lint.Model;

namespace Vixens.Lint.Rules;

/// <summary>A rule that looks at one resource at a time (the common case, like kube-linter's per-object checks).</summary>
public abstract class ResourceRule : Rule
{
    public sealed override void Analyze(RuleContext context)
    {
        foreach (var resource in context.Resources)
        {
            AnalyzeResource(resource, context);
        }
    }

    protected abstract void AnalyzeResource(KubeResource resource, RuleContext context);
}

/// <summary>A rule over every container of every pod template.</summary>
public abstract class ContainerRule : ResourceRule
{
    /// <summary>Init containers are checked only when they are native sidecars unless a rule says otherwise.</summary>
    protected virtual bool IncludeInitContainers => false;

    protected sealed override void AnalyzeResource(KubeResource resource, RuleContext context)
    {
        if (PodSpecView.Of(resource) is not { } pod)
        {
            return;
        }

        foreach (var container in pod.Containers(includeInit: true))
        {
            if (container.Kind == ContainerKind.Init && !IncludeInitContainers && !container.IsNativeSidecar)
            {
                continue;
            }

            AnalyzeContainer(container, context);
        }
    }

    protected abstract void AnalyzeContainer(ContainerView container, RuleContext context);
}
