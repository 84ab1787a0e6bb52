namespace Vixens.Lint.Rules.Conventions;

/// <summary>
/// A rule over the whole repository as ArgoCD deploys it (every environment and Application, the docs folder) rather
/// than over one analysis unit. It is a <see cref="Rule"/> so the catalog lists its descriptors (rules, explain, SARIF);
/// the per-unit pass does nothing, and the engine calls <see cref="AnalyzeRepository"/> once per run, after the
/// workspace is built:
/// <code>
/// var context = RepositoryContext.From(root, workspace, sink);
/// foreach (var rule in catalog.Rules.OfType&lt;RepositoryRule&gt;()) rule.AnalyzeRepository(context);
/// </code>
/// </summary>
public abstract class RepositoryRule : Rule
{
    public sealed override void Analyze(RuleContext context)
    {
    }

    public abstract void AnalyzeRepository(RepositoryContext context);
}
