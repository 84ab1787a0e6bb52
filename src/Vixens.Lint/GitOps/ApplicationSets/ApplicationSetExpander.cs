using System.Globalization;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// Expands an ArgoCD ApplicationSet offline into the Applications its controller would generate, following ArgoCD's
/// <c>GenerateApplications</c>: generator by generator (a generator's own template merged over <c>spec.template</c>),
/// parameter set by parameter set, render, <c>templatePatch</c>, then the ApplicationSet's namespace. Everything that
/// stops ArgoCD is a located VX03xx error; generators that need outside data are listed as unrendered (VX0303).
/// </summary>
public sealed class ApplicationSetExpander
{
    private readonly ExpansionOptions _options;

    public ApplicationSetExpander(ExpansionOptions options) => _options = options;

    /// <summary>Whether a document is an ApplicationSet (<c>argoproj.io/*</c>, <c>kind: ApplicationSet</c>).</summary>
    public static bool IsApplicationSet(YamlMapping document) =>
        document.GetString("kind") == "ApplicationSet" && (document.GetString("apiVersion")?.StartsWith("argoproj.io/", StringComparison.Ordinal) ?? false);

    /// <summary>Expands one ApplicationSet document.</summary>
    /// <param name="applicationSet">The document's root mapping.</param>
    /// <param name="sourceText">The text of its file, when known: it lets templatePatch findings land on the exact column.</param>
    public ApplicationSetExpansion Expand(YamlMapping applicationSet, string? sourceText = null)
    {
        var run = new Run(applicationSet, _options, sourceText);
        run.Execute();
        return new ApplicationSetExpansion(run.Name, applicationSet.Span, run.Applications, run.Unrendered, run.Diagnostics);
    }

    /// <summary>The state of one expansion.</summary>
    private sealed class Run
    {
        private readonly YamlMapping _document;
        private readonly ExpansionOptions _options;
        private readonly string? _sourceText;
        private readonly HashSet<(SourceSpan, string)> _reported = [];

        public Run(YamlMapping document, ExpansionOptions options, string? sourceText)
        {
            _document = document;
            _options = options;
            _sourceText = sourceText;
            Name = document.GetPath("metadata", "name") is YamlScalar { IsNull: false } name ? name.Value : string.Empty;
        }

        public string Name { get; }

        public List<GeneratedApplication> Applications { get; } = [];

        public List<UnrenderedGenerator> Unrendered { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public void Execute()
        {
            if (_document.GetMapping("spec") is not { } spec)
            {
                Report(ApplicationSetDescriptors.GeneratorInvalid, _document.Span, "it has no spec");
                return;
            }

            var goTemplate = spec.GetScalar("goTemplate") is { } flag && flag.AsBool();
            var options = (spec.GetSequence("goTemplateOptions")?.Items ?? []).OfType<YamlScalar>().Select(s => s.Value).ToList();
            var generators = spec.GetSequence("generators");
            if (spec.GetMapping("template") is not { } template)
            {
                Report(ApplicationSetDescriptors.TemplateInvalid, spec.GetEntry("template")?.Key.Span ?? spec.Span, "spec.template is missing or not a mapping");
                return;
            }

            if (goTemplate && _options.GoTemplates is null)
            {
                for (var i = 0; i < (generators?.Count ?? 0); i++)
                {
                    var kinds = generators![i] is YamlMapping entry ? string.Join("+", GeneratorEvaluator.KindsOf(entry)) : "?";
                    AddUnrendered(i, kinds, "goTemplate: true needs the Go template engine (text/template with Sprig), which is not available in this build", generators[i].Span);
                }

                return;
            }

            var strings = new TemplateStrings(goTemplate, options, _options.GoTemplates);
            var scope = new ExpansionScope(Name, strings, _options);
            var evaluator = new GeneratorEvaluator(scope);
            var patch = spec.GetScalar("templatePatch") is { IsNull: false } patchNode ? new TemplatePatcher(patchNode, _sourceText) : null;
            var preserve = spec.GetPath("syncPolicy", "preserveResourcesOnDeletion") is YamlScalar preserveNode && preserveNode.AsBool();
            var namespaceNode = _document.GetPath("metadata", "namespace") as YamlScalar;
            var @namespace = namespaceNode is { IsNull: false } ? namespaceNode.Value : _options.DefaultNamespace;
            var namespaceAnchor = namespaceNode?.Span ?? _document.GetMapping("metadata")?.Span ?? _document.Span;
            var specTemplate = ApplicationTemplate.Stamped(template, "spec.template");

            for (var i = 0; i < (generators?.Count ?? 0); i++)
            {
                if (generators![i] is not YamlMapping entry)
                {
                    Report(ApplicationSetDescriptors.GeneratorInvalid, generators[i].Span, $"spec.generators[{i}] must be a mapping");
                    continue;
                }

                var kinds = GeneratorEvaluator.KindsOf(entry);
                if (kinds.Count == 0)
                {
                    Report(ApplicationSetDescriptors.UnknownGenerator, entry.Span, i, string.Join(", ", entry.Keys));
                    continue;
                }

                foreach (var kind in kinds)
                {
                    ExpandGenerator(i, entry, kind, evaluator, strings, specTemplate, patch, preserve, @namespace, namespaceAnchor);
                }
            }

            CheckNames(template);
        }

        private void ExpandGenerator(
            int index, YamlMapping entry, string kind, GeneratorEvaluator evaluator, TemplateStrings strings, YamlMapping specTemplate,
            TemplatePatcher? patch, bool preserve, string? @namespace, SourceSpan namespaceAnchor)
        {
            List<ParamSet> sets;
            try
            {
                sets = evaluator.Evaluate(entry, kind, null);
            }
            catch (ExpansionException ex)
            {
                Fail(index, kind, entry, ex);
                return;
            }

            var field = $"spec.generators[{index.ToString(CultureInfo.InvariantCulture)}].{kind}.template";
            var merged = entry.GetPath(kind, "template") is YamlMapping own
                ? TemplateMerger.Merge(ApplicationTemplate.Stamped(own, field), (YamlMapping)specTemplate.DeepClone())
                : (YamlMapping)specTemplate.DeepClone();
            var application = ApplicationTemplate.ToApplication(merged, specTemplate.Span);

            foreach (var set in sets)
            {
                try
                {
                    var rendered = ApplicationTemplate.Render(application, set.Values, strings, preserve);
                    patch?.Apply(rendered, set.Values, strings);
                    ApplicationTemplate.SetNamespace(rendered, @namespace, namespaceAnchor);
                    var name = rendered.GetPath("metadata", "name") is YamlScalar { IsNull: false } nameNode ? nameNode.Value : string.Empty;
                    Applications.Add(new GeneratedApplication(rendered, name, index, set.Values, set.Origins));
                }
                catch (ExpansionException ex)
                {
                    // ArgoCD records the error and goes on with the next parameter set.
                    Fail(index, kind, entry, ex);
                }
            }
        }

        private void Fail(int index, string kind, YamlMapping entry, ExpansionException ex)
        {
            var location = ex.Location ?? entry.Span;
            switch (ex)
            {
                case UnrenderedException unrendered:
                    AddUnrendered(index, unrendered.Generator == kind ? kind : $"{kind} ({unrendered.Generator})", unrendered.Message, location);
                    break;
                case TemplateException:
                    Report(ApplicationSetDescriptors.TemplateInvalid, location, ex.Message);
                    break;
                default:
                    Report(ApplicationSetDescriptors.GeneratorInvalid, location, $"spec.generators[{index}].{kind}: {ex.Message}");
                    break;
            }
        }

        private void AddUnrendered(int index, string generator, string reason, SourceSpan location)
        {
            // Once per generator and reason, however many parameter sets hit it.
            if (Report(ApplicationSetDescriptors.NotRendered, location, [generator, reason], []))
            {
                Unrendered.Add(new UnrenderedGenerator(index, generator, reason, location));
            }
        }

        /// <summary>ArgoCD's validation of the generated set: every Application needs a name, and names are unique.</summary>
        private void CheckNames(YamlMapping template)
        {
            var nameSpan = template.GetPath("metadata", "name")?.Span ?? template.Span;
            var seen = new Dictionary<string, GeneratedApplication>(StringComparer.Ordinal);
            foreach (var application in Applications)
            {
                var location = application.Root.GetPath("metadata", "name")?.EditLocation ?? nameSpan;
                if (application.Name.Length == 0)
                {
                    Report(ApplicationSetDescriptors.GeneratedNameInvalid, location, "an Application renders with no name (metadata.name is empty)", application.ParameterOrigins);
                }
                else if (!seen.TryAdd(application.Name, application))
                {
                    Report(ApplicationSetDescriptors.GeneratedNameInvalid, location, $"two parameter sets render the same Application name \"{application.Name}\"", [.. seen[application.Name].ParameterOrigins, .. application.ParameterOrigins]);
                }
            }
        }

        private void Report(DiagnosticDescriptor descriptor, SourceSpan location, params object[] args) => Report(descriptor, location, args, []);

        private void Report(DiagnosticDescriptor descriptor, SourceSpan location, string detail, IReadOnlyList<SourceSpan> related) => Report(descriptor, location, [detail], related);

        /// <summary>Adds a diagnostic unless the same one is already there (one per location and message); false when it was.</summary>
        private bool Report(DiagnosticDescriptor descriptor, SourceSpan location, object[] args, IReadOnlyList<SourceSpan> related)
        {
            var message = descriptor.FormatMessage([Name, .. args]);
            if (!_reported.Add((location, message)))
            {
                return false;
            }

            Diagnostics.Add(new Diagnostic(descriptor, location, message, relatedLocations: related,
                properties: new Dictionary<string, string>(StringComparer.Ordinal) { ["applicationSet"] = Name }));
            return true;
        }
    }
}
