using System.Runtime.CompilerServices;

namespace Vixens.Lint.Helm.Template.Execution;

/// <summary>
/// The budgets of one top-level execution, shared with every execution nested in it on the same thread (a function
/// such as Helm's <c>include</c> starts those), so recursion through functions is bounded too.
/// </summary>
internal sealed class Budget
{
    [ThreadStatic]
    private static Budget? t_current;

    private readonly GoTemplateLimits _limits;
    private long _steps;
    private long _written;

    private Budget(GoTemplateLimits limits)
    {
        _limits = limits;
    }

    /// <summary>The nesting depth: template calls plus nested executions.</summary>
    public int Depth { get; private set; }

    /// <summary>Joins the running budget of this thread, or starts one; dispose to leave.</summary>
    public static Scope Enter(GoTemplateLimits limits, string templateName)
    {
        var current = t_current;
        if (current is null)
        {
            current = new Budget(limits);
            t_current = current;
            return new Scope(current, owner: true);
        }

        current.Descend(templateName);
        return new Scope(current, owner: false);
    }

    /// <summary>One level deeper (a template call or a nested execution); fails past the depth budget or near the stack's end.</summary>
    public void Descend(string templateName)
    {
        if (Depth >= _limits.MaxDepth)
        {
            throw new GoTemplateBudgetException($"template: {templateName}: exceeded the nesting budget of {_limits.MaxDepth} template calls and nested executions");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new GoTemplateBudgetException(
                $"template: {templateName}: template nesting exhausted the thread's stack at depth {Depth} (run the render through GoTemplateSet.RunWithLargeStack)");
        }

        Depth++;
    }

    public void Ascend() => Depth--;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Step()
    {
        if (++_steps > _limits.MaxSteps)
        {
            throw new GoTemplateBudgetException($"template execution exceeded its budget of {_limits.MaxSteps} steps");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Wrote(int chars)
    {
        _written += chars;
        if (_written > _limits.MaxOutputChars)
        {
            throw new GoTemplateBudgetException($"template execution exceeded its output budget of {_limits.MaxOutputChars} characters");
        }
    }

    /// <summary>Membership of one execution in the thread's budget.</summary>
    internal readonly struct Scope(Budget budget, bool owner) : IDisposable
    {
        public Budget Budget { get; } = budget;

        public void Dispose()
        {
            if (owner)
            {
                t_current = null;
            }
            else
            {
                Budget.Ascend();
            }
        }
    }
}
