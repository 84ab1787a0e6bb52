using System.Collections.Concurrent;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Model;
using Vixens.Lint.Schemas;
using Vixens.Lint.Yaml;
using Vixens.Lint.Configuration;

namespace Vixens.Lint.Analysis;

/// <summary>
/// Schema validation of every unit's resources with one shared store: CRDs defined anywhere in the repository count,
/// compiled schemas are reused across units, and ArgoCD's ServerSideApply (partial objects are legal) is honoured.
/// </summary>
internal static class SchemaStage
{
    public static void Run(IReadOnlyList<AnalysisUnit> units, LintSettings settings, List<Diagnostic> diagnostics)
    {
        var serverSideApplied = units
            .Where(u => u.Application is not null && u.Application.HasSyncOption("ServerSideApply=true"))
            .Select(u => (u.Environment, u.Name))
            .ToHashSet();
        var schemaSettings = new SchemaSettings
        {
            KubernetesVersion = settings.KubernetesVersion,
            ExtraSchemaDirectories = settings.SchemaLocations,
            SkipKinds = settings.SkipKinds,
            IsServerSideApplied = resource => resource.Application is not null && serverSideApplied.Contains((resource.Environment, resource.Application)),
        };

        var all = units.SelectMany(u => u.Resources).ToList();
        var store = new SchemaStore(schemaSettings, all);
        if (!store.HasKubernetesBundle)
        {
            diagnostics.Add(Diagnostic.Create(
                SchemaDescriptors.UnsupportedKubernetesVersion,
                SourceSpan.StartOf(all.FirstOrDefault()?.Span.File ?? string.Empty),
                settings.KubernetesVersion,
                string.Join(", ", Schemas.Bundle.BundledSchemas.KubernetesVersions)));
            return;
        }

        var bag = new ConcurrentBag<List<Diagnostic>>();
        Parallel.ForEach(all, resource => bag.Add(SchemaValidator.ValidateOne(resource, store, schemaSettings).Select(d => WithContext(d, resource)).ToList()));
        foreach (var found in bag)
        {
            diagnostics.AddRange(found);
        }
    }

    private static Diagnostic WithContext(Diagnostic diagnostic, KubeResource resource) =>
        diagnostic.Properties.ContainsKey("resource") ? diagnostic : diagnostic.WithProperties(Rules.RuleContext.PropertiesOf(resource));
}
