namespace Vixens.Lint.Helm.Template;

/// <summary>
/// A template that does not parse. <see cref="Exception.Message"/> is Go's text,
/// <c>template: NAME:LINE: DESCRIPTION</c>; the parts are kept for callers that reword it (Helm does).
/// </summary>
public sealed class GoTemplateParseException : Exception
{
    public GoTemplateParseException(string templateName, int line, string description)
        : base($"template: {templateName}:{line}: {description}")
    {
        TemplateName = templateName;
        Line = line;
        Description = description;
    }

    public GoTemplateParseException()
    {
        TemplateName = string.Empty;
        Description = string.Empty;
    }

    public GoTemplateParseException(string message)
        : base(message)
    {
        TemplateName = string.Empty;
        Description = message;
    }

    public GoTemplateParseException(string message, Exception inner)
        : base(message, inner)
    {
        TemplateName = string.Empty;
        Description = message;
    }

    /// <summary>The name the text was parsed as (the file name in Helm).</summary>
    public string TemplateName { get; }

    /// <summary>The 1-based line of the token the parser stopped at.</summary>
    public int Line { get; }

    /// <summary>The message without the <c>template: NAME:LINE: </c> prefix.</summary>
    public string Description { get; }
}

/// <summary>
/// An execution error. <see cref="Exception.Message"/> is Go's text, e.g.
/// <c>template: x.yaml:3:5: executing "x.yaml" at &lt;index .l 9&gt;: error calling index: index out of range: 9</c>.
/// </summary>
public class GoTemplateExecException : Exception
{
    public GoTemplateExecException(string templateName, string message)
        : base(message)
    {
        TemplateName = templateName;
    }

    public GoTemplateExecException()
    {
        TemplateName = string.Empty;
    }

    public GoTemplateExecException(string message)
        : base(message)
    {
        TemplateName = string.Empty;
    }

    public GoTemplateExecException(string message, Exception inner)
        : base(message, inner)
    {
        TemplateName = string.Empty;
    }

    /// <summary>The template that was executing.</summary>
    public string TemplateName { get; }
}

/// <summary>
/// Execution stopped because a budget of <see cref="GoTemplateLimits"/> ran out (nesting depth, output size, steps).
/// Not a Go error: Go would run on (or overflow its stack); the message says which budget and its size. It is not a
/// <see cref="GoTemplateExecException"/> on purpose: a function that turns nested execution errors into its own error
/// (Helm's <c>include</c>) must let it through, so that the whole render stops.
/// </summary>
public sealed class GoTemplateBudgetException : Exception
{
    public GoTemplateBudgetException()
    {
    }

    public GoTemplateBudgetException(string message)
        : base(message)
    {
    }

    public GoTemplateBudgetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// A Go runtime panic inside text/template itself (Go re-panics these rather than return an error). It propagates to
/// the nearest enclosing function call, which reports it as <c>error calling NAME: runtime error: ...</c>, as Go's
/// recovering call does; with no enclosing call it ends the render (Helm would crash).
/// </summary>
public sealed class GoRuntimePanicException : Exception
{
    public GoRuntimePanicException()
    {
    }

    public GoRuntimePanicException(string message)
        : base(message)
    {
    }

    public GoRuntimePanicException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
