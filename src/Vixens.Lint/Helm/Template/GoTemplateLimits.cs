namespace Vixens.Lint.Helm.Template;

/// <summary>
/// Budgets that keep a hostile template from hanging or exhausting memory. They are shared by every execution nested
/// in one top-level <see cref="GoTemplateSet.Execute(string, object?, System.Text.StringBuilder)"/> on a thread
/// (Helm's <c>include</c> and <c>tpl</c> run nested executions), and each failure is a
/// <see cref="GoTemplateBudgetException"/> naming the budget.
/// </summary>
public sealed record GoTemplateLimits
{
    /// <summary>The defaults: generous for real charts (the largest render a few MB, a few million steps).</summary>
    public static GoTemplateLimits Default { get; } = new();

    /// <summary>
    /// How deep <c>{{template}}</c> calls and nested executions together may go. Go stops one execution at 100,000
    /// nested template calls ("exceeded maximum template depth (100000)", reproduced as Go's error); this budget
    /// bounds the total across nested executions too. Whatever the budget, the thread's stack is checked before each
    /// level, so a small stack ends in this exception rather than a crash.
    /// </summary>
    public int MaxDepth { get; init; } = 150_000;

    /// <summary>The most characters all executions of one top-level render may write.</summary>
    public long MaxOutputChars { get; init; } = 256L * 1024 * 1024;

    /// <summary>The most evaluation steps (nodes walked, commands evaluated, range iterations) of one top-level render.</summary>
    public long MaxSteps { get; init; } = 200_000_000;
}
