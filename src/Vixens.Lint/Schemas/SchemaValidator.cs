using System.Text.Json;
using Json.Schema;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Schemas.Bundle;
using Vixens.Lint.Schemas.Conversion;
using Vixens.Lint.Schemas.Validation;
using Vixens.Lint.Yaml;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Schemas;

/// <summary>
/// Validates resources against their schemas (see <see cref="SchemaStore"/> for where they come from) and the API
/// server's metadata rules, reporting VX10xx diagnostics on the YAML node a human must edit. Never throws for bad
/// input; resources are checked in parallel and the result is in <see cref="DiagnosticComparer"/> order.
/// </summary>
public sealed class SchemaValidator
{
    /// <summary>Groups whose documents are build inputs, not cluster objects (kustomization.yaml and components).</summary>
    private static readonly HashSet<string> NonResourceGroups = new(StringComparer.Ordinal) { "kustomize.config.k8s.io", "config.kubernetes.io" };

    private static readonly EvaluationOptions FastCheck = WithoutAnnotations(OutputFormat.Flag);
    private static readonly EvaluationOptions FastCheckWithAnnotations = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions Explain = WithoutAnnotations(OutputFormat.Hierarchical);
    private static readonly EvaluationOptions ExplainWithAnnotations = new() { OutputFormat = OutputFormat.Hierarchical };

    public IReadOnlyList<Diagnostic> Validate(IReadOnlyList<KubeResource> resources, SchemaSettings settings)
    {
        resources = ExpandLists(resources);
        var store = new SchemaStore(settings, resources);
        var perResource = new List<Diagnostic>[resources.Count];
        Parallel.For(0, resources.Count, i => perResource[i] = ValidateOne(resources[i], store, settings));

        var all = perResource.SelectMany(d => d).ToList();
        if (!store.HasKubernetesBundle)
        {
            var at = resources.Count > 0 ? SourceSpan.StartOf(resources[0].Span.File) : SourceSpan.StartOf(string.Empty);
            all.Add(Diagnostic.Create(SchemaDescriptors.UnsupportedKubernetesVersion, at, settings.KubernetesVersion, string.Join(", ", BundledSchemas.KubernetesVersions)));
        }

        all.Sort(DiagnosticComparer.Instance);
        var reportedSchemas = new HashSet<string>(StringComparer.Ordinal);
        return [.. all.Where(d => d.Descriptor != SchemaDescriptors.UnusableSchema || reportedSchemas.Add(d.Message))];
    }

    /// <summary>A <c>v1 List</c> (as kubectl writes it) is its items: each is validated as a resource of its own.</summary>
    private static IReadOnlyList<KubeResource> ExpandLists(IReadOnlyList<KubeResource> resources)
    {
        if (!resources.Any(IsList))
        {
            return resources;
        }

        var expanded = new List<KubeResource>(resources.Count);
        foreach (var resource in resources)
        {
            if (IsList(resource))
            {
                expanded.AddRange(resource.Root.GetSequence("items")!.Items.OfType<YamlMapping>().Select(item => new KubeResource(item)
                {
                    Application = resource.Application,
                    Environment = resource.Environment,
                    Origin = resource.Origin,
                }));
            }
            else
            {
                expanded.Add(resource);
            }
        }

        return expanded;
    }

    private static bool IsList(KubeResource resource) =>
        resource.ApiVersion == "v1" && resource.Kind == "List" && resource.Root.GetSequence("items") is not null;

    /// <summary>Validates a single resource against an existing store (for callers that share one store).</summary>
    public static List<Diagnostic> ValidateOne(KubeResource resource, SchemaStore store, SchemaSettings settings)
    {
        var sink = new List<Diagnostic>();
        try
        {
            Check(resource, store, settings, sink);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of ours must not hide the other resources' findings; say what happened at the resource.
            sink.Add(Diagnostic.Create(SchemaDescriptors.SchemaViolation, resource.Root.EditLocation, "schema validation failed internally: " + ex.Message));
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["resource"] = resource.Id.Display };
        if (resource.Application is { } application)
        {
            properties["application"] = application;
        }

        if (resource.Environment is { } environment)
        {
            properties["environment"] = environment;
        }

        return [.. sink.Select(d => d.WithProperties(properties))];
    }

    private static void Check(KubeResource resource, SchemaStore store, SchemaSettings settings, List<Diagnostic> sink)
    {
        var apiVersion = resource.ApiVersion;
        var kind = resource.Kind;
        if (!string.IsNullOrEmpty(apiVersion) && NonResourceGroups.Contains(resource.Group))
        {
            return;
        }

        if (!MetadataChecker.CheckIdentity(resource, sink) || apiVersion is null || kind is null)
        {
            return;
        }

        MetadataChecker.CheckNames(resource, sink);
        if (SkipReason(settings, apiVersion, kind) is { } reason)
        {
            sink.Add(Diagnostic.Create(SchemaDescriptors.KindSkipped, resource.Root.GetScalar("kind")!.EditLocation, kind, reason));
            return;
        }

        if (!store.HasKubernetesBundle)
        {
            return;
        }

        if (CheckDeprecation(resource, apiVersion, kind, settings, sink))
        {
            return;
        }

        if (store.CustomResourceDeprecationOf(apiVersion, kind) is { } crdDeprecation)
        {
            var advice = (crdDeprecation.Alternatives.Count > 0 ? "; use " + string.Join(" or ", crdDeprecation.Alternatives) : string.Empty) +
                (string.IsNullOrWhiteSpace(crdDeprecation.Warning) ? string.Empty : " (\"" + crdDeprecation.Warning.Trim() + "\")");
            sink.Add(Diagnostic.Create(SchemaDescriptors.DeprecatedCustomResourceVersion, resource.Root.GetScalar("apiVersion")!.EditLocation, apiVersion, kind, advice));
        }

        var schema = store.Resolve(apiVersion, kind);
        if (schema is null)
        {
            var hint = store.SuggestFor(apiVersion, kind) is { } suggestion ? " (" + suggestion + ")" : string.Empty;
            sink.Add(Diagnostic.Create(SchemaDescriptors.UnknownKind, resource.Root.GetScalar("kind")!.EditLocation, apiVersion, kind, settings.KubernetesVersion, hint));
            return;
        }

        if (schema.Schema is null || schema.Document is null)
        {
            // Reported by every resource of the kind, then reduced to the first one in output order (see Validate).
            sink.Add(Diagnostic.Create(SchemaDescriptors.UnusableSchema, resource.Root.GetScalar("kind")!.EditLocation, apiVersion + " " + kind, schema.Origin, schema.Problem));

            return;
        }

        var verdict = schema.Fast?.Check(resource.Root) ?? FastVerdict.Unknown;
        if (verdict == FastVerdict.Valid)
        {
            return;
        }

        using var instance = YamlJsonWriter.ToDocument(resource.Root);
        if (verdict == FastVerdict.Unknown && schema.Schema.Evaluate(instance.RootElement, schema.NeedsAnnotations ? FastCheckWithAnnotations : FastCheck).IsValid)
        {
            return;
        }

        var results = schema.Schema.Evaluate(instance.RootElement, schema.NeedsAnnotations ? ExplainWithAnnotations : Explain);
        var violations = new ViolationCollector(schema.Document.RootElement, instance.RootElement).Collect(results);
        var partialAllowed = IsServerSideApplied(resource, settings);
        foreach (var violation in violations)
        {
            if (partialAllowed && violation.Kind == ViolationKind.MissingRequired)
            {
                continue;
            }

            sink.Add(ToDiagnostic(resource, violation));
        }
    }

    /// <summary>Reports a removed (then stops: the server has no schema for it) or deprecated API version.</summary>
    private static bool CheckDeprecation(KubeResource resource, string apiVersion, string kind, SchemaSettings settings, List<Diagnostic> sink)
    {
        if (ApiDeprecations.Find(apiVersion, kind) is not { } deprecation)
        {
            return false;
        }

        var at = resource.Root.GetScalar("apiVersion")!.EditLocation;
        if (deprecation.RemovedIn is { } removed && ApiDeprecations.CompareVersions(settings.KubernetesVersion, removed) >= 0)
        {
            sink.Add(Diagnostic.Create(SchemaDescriptors.RemovedApiVersion, at, apiVersion, kind, removed, deprecation.Replacement));
            return true;
        }

        if (ApiDeprecations.CompareVersions(settings.KubernetesVersion, deprecation.DeprecatedIn) >= 0)
        {
            var removal = deprecation.RemovedIn is null ? string.Empty : " and removed in " + deprecation.RemovedIn;
            sink.Add(Diagnostic.Create(SchemaDescriptors.DeprecatedApiVersion, at, apiVersion, kind, deprecation.DeprecatedIn, removal, deprecation.Replacement));
        }

        return false;
    }

    private static EvaluationOptions WithoutAnnotations(OutputFormat format)
    {
        var options = new EvaluationOptions { OutputFormat = format };
        options.IgnoreAllAnnotations();
        return options;
    }

    private static bool IsServerSideApplied(KubeResource resource, SchemaSettings settings) =>
        resource.GetAnnotation("argocd.argoproj.io/sync-options")?.Contains("ServerSideApply=true", StringComparison.Ordinal) == true ||
        settings.IsServerSideApplied?.Invoke(resource) == true;

    private static string? SkipReason(SchemaSettings settings, string apiVersion, string kind) =>
        settings.SkipKinds.TryGetValue(apiVersion + "/" + kind, out var reason) || settings.SkipKinds.TryGetValue(kind, out reason) ? reason : null;

    private static Diagnostic ToDiagnostic(KubeResource resource, Violation violation)
    {
        var target = YamlPointer.Resolve(resource.Root, violation.InstancePath);
        var node = violation.AtKey && target.Key is not null ? target.Key : target.Value ?? target.Deepest;
        var descriptor = violation.Kind switch
        {
            ViolationKind.UnknownField => SchemaDescriptors.UnknownField,
            ViolationKind.MissingRequired => SchemaDescriptors.MissingRequiredField,
            ViolationKind.WrongType => SchemaDescriptors.WrongType,
            ViolationKind.InvalidValue => SchemaDescriptors.InvalidValue,
            _ => SchemaDescriptors.SchemaViolation,
        };
        return Diagnostic.Create(descriptor, node.EditLocation, violation.Message);
    }
}
