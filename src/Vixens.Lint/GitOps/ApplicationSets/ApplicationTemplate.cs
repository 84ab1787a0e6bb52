using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// ArgoCD's template Application and <c>RenderTemplateParams</c>: the template's <c>metadata</c> (name, namespace,
/// labels, annotations, finalizers) and <c>spec</c>, every string of which is rendered with one parameter set. Nodes
/// keep the span of the template line they come from, stamped as generator provenance, so a finding on a generated
/// Application lands where a human edits.
/// </summary>
internal static class ApplicationTemplate
{
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";

    private static readonly string[] MetadataFields = ["name", "namespace", "labels", "annotations", "finalizers"];

    /// <summary>Clones a template and stamps every node with generator provenance naming <paramref name="field"/>.</summary>
    public static YamlMapping Stamped(YamlMapping template, string field)
    {
        var clone = (YamlMapping)template.DeepClone();
        foreach (var node in clone.DescendantsAndSelf())
        {
            node.Provenance = new Provenance(ProvenanceKind.Generator, node.Provenance?.Span ?? node.Span, node.Provenance?.Field ?? field);
        }

        return clone;
    }

    /// <summary>The Application ArgoCD starts from: apiVersion, kind, the template's metadata fields and its spec.</summary>
    public static YamlMapping ToApplication(YamlMapping template, SourceSpan anchor)
    {
        var application = new YamlMapping(template.Span);
        var provenance = new Provenance(ProvenanceKind.Generator, anchor, "spec.template");
        application.Set("apiVersion", Synthetic("argoproj.io/v1alpha1", anchor, provenance));
        application.Set("kind", Synthetic("Application", anchor, provenance));

        var metadata = new YamlMapping(template.GetMapping("metadata")?.Span ?? anchor) { Provenance = provenance };
        foreach (var field in MetadataFields)
        {
            if (template.GetPath("metadata", field) is { } value && template.GetMapping("metadata")!.GetEntry(field) is { } entry)
            {
                metadata.Entries.Add(new YamlEntry(entry.Key, value));
            }
        }

        application.Set("metadata", metadata);
        if (template.GetEntry("spec") is { } spec)
        {
            application.Entries.Add(new YamlEntry(spec.Key, spec.Value));
        }

        return application;
    }

    /// <summary>Renders a fresh copy of <paramref name="application"/> with one parameter set; an empty set renders nothing, as in ArgoCD.</summary>
    public static YamlMapping Render(YamlMapping application, IReadOnlyDictionary<string, object?> parameters, TemplateStrings strings, bool preserveResourcesOnDeletion)
    {
        var rendered = (YamlMapping)application.DeepClone();
        if (parameters.Count == 0)
        {
            // ArgoCD returns the template untouched, without even the resources finalizer.
            return rendered;
        }

        foreach (var node in rendered.DescendantsAndSelf())
        {
            if (node is YamlScalar { Kind: ScalarKind.String } scalar && TemplateStrings.MayChange(scalar.Value))
            {
                scalar.Value = RenderScalar(scalar, parameters, strings);
                if (scalar.Style == ScalarStyle.Plain && (YamlScalar.ResolvePlain(scalar.Value) != ScalarKind.String || scalar.Value.AsSpan().IndexOfAny("\n:#") >= 0))
                {
                    // The field is a Go string whatever the text: keep it a string in the tree.
                    scalar.Style = ScalarStyle.DoubleQuoted;
                }
            }
        }

        var metadata = rendered.GetMapping("metadata")!;
        if (metadata.GetSequence("finalizers") is not { Count: > 0 } && !preserveResourcesOnDeletion)
        {
            var anchor = metadata.Provenance?.Span ?? metadata.Span;
            var finalizers = new YamlSequence(anchor) { Provenance = metadata.Provenance };
            finalizers.Items.Add(Synthetic(ResourcesFinalizer, anchor, metadata.Provenance));
            metadata.Set("finalizers", finalizers);
        }

        return rendered;
    }

    /// <summary>Renders one scalar; a failure is located on the template line it comes from.</summary>
    internal static string RenderScalar(YamlScalar scalar, IReadOnlyDictionary<string, object?> parameters, TemplateStrings strings)
    {
        try
        {
            return strings.Replace(scalar.Value, parameters);
        }
        catch (TemplateException ex) when (ex.Location is null)
        {
            throw new TemplateException(ex.Message, scalar.EditLocation);
        }
    }

    /// <summary>Sets the namespace ArgoCD gives every generated Application: the ApplicationSet's own.</summary>
    public static void SetNamespace(YamlMapping application, string? @namespace, SourceSpan anchor)
    {
        var metadata = application.GetMapping("metadata")!;
        if (@namespace is null)
        {
            metadata.Remove("namespace");
            return;
        }

        metadata.Set("namespace", Synthetic(@namespace, anchor, new Provenance(ProvenanceKind.Generator, anchor, "metadata.namespace")));
    }

    public static YamlScalar Synthetic(string value, SourceSpan span, Provenance? provenance)
    {
        var style = YamlScalar.ResolvePlain(value) == ScalarKind.String ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        return new YamlScalar(value, span, style) { Provenance = provenance };
    }
}
