using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// How expansion stops inside one top-level generator; the expander turns each into a located diagnostic and goes on
/// with the next generator, as ArgoCD records its first error and keeps going. Messages follow ArgoCD's wording.
/// </summary>
internal abstract class ExpansionException : Exception
{
    protected ExpansionException(string message, SourceSpan? location)
        : base(message) => Location = location;

    /// <summary>The node to edit, when the thrower knows it better than the generator entry does.</summary>
    public SourceSpan? Location { get; }
}

/// <summary>A generator ArgoCD rejects (VX0301).</summary>
internal sealed class GeneratorException : ExpansionException
{
    public GeneratorException(string message, SourceSpan? location = null)
        : base(message, location)
    {
    }
}

/// <summary>A template or templatePatch that does not render (VX0302).</summary>
internal sealed class TemplateException : ExpansionException
{
    public TemplateException(string message, SourceSpan? location = null)
        : base(message, location)
    {
    }
}

/// <summary>A generator that needs data the offline check does not have (VX0303): never an error, never silent.</summary>
internal sealed class UnrenderedException : ExpansionException
{
    public UnrenderedException(string generator, string reason, SourceSpan? location = null)
        : base(reason, location) => Generator = generator;

    /// <summary>The generator's name as written (<c>scmProvider</c>, <c>git</c>…).</summary>
    public string Generator { get; }
}
