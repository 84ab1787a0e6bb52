namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// Go text/template with ArgoCD's function map (Sprig without <c>env</c>, <c>expandenv</c> and <c>getHostByName</c>,
/// plus <c>normalize</c>, <c>slugify</c>, <c>toYaml</c>, <c>fromYaml</c>, <c>fromYamlArray</c>), as the ApplicationSet
/// controller runs it for <c>goTemplate: true</c>. The engine itself lives with the Helm renderer; this seam keeps the
/// ApplicationSet expander free of it, and without an engine goTemplate ApplicationSets are reported unrendered.
/// </summary>
public interface IGoTemplateEngine
{
    /// <summary>
    /// Parses and executes <paramref name="template"/> with <paramref name="data"/> as <c>.</c>, applying each of
    /// <paramref name="options"/> (<c>missingkey=error</c>…) as <c>template.Option</c> does.
    /// </summary>
    /// <exception cref="GoTemplateException">The template does not parse or its execution fails; the message is Go's.</exception>
    string Execute(string template, IReadOnlyDictionary<string, object?> data, IReadOnlyList<string> options);
}

/// <summary>A Go template parse or execution error, with Go's message.</summary>
public sealed class GoTemplateException : Exception
{
    public GoTemplateException(string message)
        : base(message)
    {
    }

    public GoTemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GoTemplateException()
    {
    }
}
