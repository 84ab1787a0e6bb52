namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// ArgoCD's <c>Render.Replace</c>: one string rendered with one parameter set, in the ApplicationSet's template mode.
/// </summary>
internal sealed class TemplateStrings
{
    private readonly IGoTemplateEngine? _engine;

    public TemplateStrings(bool goTemplate, IReadOnlyList<string> goTemplateOptions, IGoTemplateEngine? engine)
    {
        GoTemplate = goTemplate;
        Options = goTemplateOptions;
        _engine = engine;
    }

    public bool GoTemplate { get; }

    public IReadOnlyList<string> Options { get; }

    /// <summary>Whether rendering can change <paramref name="text"/>: in both modes a string without <c>{{</c> is itself.</summary>
    public static bool MayChange(string text) => text.Contains("{{", StringComparison.Ordinal);

    public string Replace(string text, IReadOnlyDictionary<string, object?> parameters) => Replace(text, parameters, Options);

    /// <summary>Renders with explicit Go template options (generator interpolation forces <c>missingkey=error</c>).</summary>
    public string Replace(string text, IReadOnlyDictionary<string, object?> parameters, IReadOnlyList<string> options)
    {
        if (!GoTemplate)
        {
            return FastTemplate.Replace(text, parameters);
        }

        if (!MayChange(text))
        {
            return text;
        }

        if (_engine is null)
        {
            // Checked once per ApplicationSet before expanding; reaching here is a programming error.
            throw new InvalidOperationException("goTemplate rendering without an engine");
        }

        try
        {
            return _engine.Execute(text, parameters, options);
        }
        catch (GoTemplateException ex)
        {
            // ArgoCD's Replace words parse and execution failures differently.
            var action = ex.InnerException is Helm.Template.GoTemplateParseException ? "failed to parse template" : "failed to execute go template";
            throw new TemplateException($"{action} {text}: {ex.Message}");
        }
        catch (GoTemplateFunctionUnavailableException ex)
        {
            throw new UnrenderedException("goTemplate", ex.Message);
        }
    }
}
