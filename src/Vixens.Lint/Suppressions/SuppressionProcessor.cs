using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Rules;
using Vixens.Lint.Yaml;
using Vixens.Lint.Configuration;

namespace Vixens.Lint.Suppressions;

/// <summary>
/// In-source suppressions: the annotation <c>lint.vixens.io/suppress: "VX4003,VX4010"</c> (with
/// <c>lint.vixens.io/suppress-reason</c>) on a resource or on its pod template. Suppressed findings are kept, marked
/// with a <see cref="DiagnosticSuppression"/> of kind <c>inSource</c>; an id that suppresses nothing is reported as VX0901.
/// </summary>
public static class SuppressionProcessor
{
    public const string SuppressAnnotation = "lint.vixens.io/suppress";
    public const string ReasonAnnotation = "lint.vixens.io/suppress-reason";

    /// <summary>Returns <paramref name="diagnostics"/> with suppressions applied, plus VX0901 notes for unused ones.</summary>
    public static List<Diagnostic> Apply(IReadOnlyList<KubeResource> resources, IReadOnlyList<Diagnostic> diagnostics, RuleCatalog? catalog = null)
    {
        var result = diagnostics.ToList();
        var byResource = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Properties.TryGetValue("resource", out var resource))
            {
                if (!byResource.TryGetValue(resource, out var list))
                {
                    byResource[resource] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var resource in resources)
        {
            foreach (var suppression in SuppressionsOf(resource))
            {
                var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (byResource.TryGetValue(resource.Id.Display, out var indices))
                {
                    foreach (var index in indices)
                    {
                        var diagnostic = result[index];
                        if (!suppression.Ids.Contains(diagnostic.Id) || !SameResource(diagnostic, resource))
                        {
                            continue;
                        }

                        used.Add(diagnostic.Id);
                        if (!diagnostic.IsSuppressed)
                        {
                            result[index] = diagnostic.WithSuppression(new DiagnosticSuppression("inSource", suppression.Reason, suppression.Node.EditLocation));
                        }
                    }
                }

                foreach (var id in suppression.Ids.Where(id => !used.Contains(id)).Order(StringComparer.Ordinal))
                {
                    var known = DiagnosticId.IsValid(id) && (catalog is null || catalog.Find(id) is not null);
                    var message = known
                        ? $"Suppression of {id} on {resource.Id.Display} is unused: {id} reports nothing there; remove it from {SuppressAnnotation}"
                        : $"\"{id}\" in {SuppressAnnotation} on {resource.Id.Display} is not a known rule id";
                    result.Add(new Diagnostic(ConfigurationDescriptors.UnusedSuppression, suppression.Node.EditLocation, message, properties: RuleContext.PropertiesOf(resource)));
                }
            }
        }

        return result;
    }

    /// <summary>The suppress annotations of a resource: its own metadata, then its pod template's.</summary>
    public static IEnumerable<ResourceSuppression> SuppressionsOf(KubeResource resource)
    {
        var sources = new List<YamlMapping?> { resource.Metadata?.GetMapping("annotations") };
        if (PodSpecView.Of(resource) is { } pod && !ReferenceEquals(pod.Template, resource.Root))
        {
            sources.Add(pod.Template.GetMapping("metadata")?.GetMapping("annotations"));
        }

        foreach (var annotations in sources)
        {
            if (annotations?.GetScalar(SuppressAnnotation) is not { IsNull: false } node)
            {
                continue;
            }

            var ids = node.Value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => id.ToUpperInvariant())
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (ids.Count > 0)
            {
                yield return new ResourceSuppression(ids, annotations.GetString(ReasonAnnotation), node);
            }
        }
    }

    /// <summary>Same object in the same analysis unit: identity, plus origin/environment/application when known.</summary>
    private static bool SameResource(Diagnostic diagnostic, KubeResource resource) =>
        Same(diagnostic, "origin", resource.Origin) && Same(diagnostic, "environment", resource.Environment) && Same(diagnostic, "application", resource.Application);

    private static bool Same(Diagnostic diagnostic, string key, string? value) =>
        !diagnostic.Properties.TryGetValue(key, out var actual) || value is null || string.Equals(actual, value, StringComparison.Ordinal);
}

/// <summary>One <c>lint.vixens.io/suppress</c> annotation: the ids, the reason, and the annotation's node.</summary>
public sealed record ResourceSuppression(IReadOnlySet<string> Ids, string? Reason, YamlScalar Node);
