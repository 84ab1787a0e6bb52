using Vixens.Lint.Diagnostics;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Kustomize.Generators;
using Vixens.Lint.Kustomize.Transformers;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize;

/// <summary>
/// An offline <c>kustomize build</c> (kustomize v5.7.1 as embedded in kubectl 1.34): same objects, same order, and
/// every rendered node keeps where it comes from. Never throws for bad input; a failed build returns the diagnostic
/// kustomize's error corresponds to, at the line of the kustomization entry to fix.
/// </summary>
public sealed class KustomizeRenderer
{
    private readonly KustomizeCache _defaultCache = new();

    public RenderResult Render(string kustomizationDirectory, KustomizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kustomizationDirectory);
        options ??= KustomizeOptions.Default;
        var cache = options.Cache ?? _defaultCache;
        var directory = Path.GetFullPath(kustomizationDirectory);
        var session = new BuildSession(new FileLoader(options with { Cache = options.Cache }, cache));
        try
        {
            if (!Directory.Exists(directory))
            {
                return Failed(Diagnostic.Create(KustomizeDescriptors.NotAKustomization, SourceSpan.StartOf(directory), directory));
            }

            var (ra, kustomization) = session.BuildRoot(directory);
            Finish(ra, kustomization, options);
            var origin = options.RepositoryRoot is { } repo
                ? Path.GetRelativePath(Path.GetFullPath(repo), directory).Replace(Path.DirectorySeparatorChar, '/')
                : directory;
            var resources = ra.Resources.Items.Select(r => new KubeResource(r.Root) { Origin = origin }).ToList();
            return new RenderResult(resources, session.Warnings);
        }
        catch (KustomizeException ex) when (ex.Diagnostic is not null)
        {
            return new RenderResult([], [.. session.Warnings, ex.Diagnostic]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or FormatException or NotSupportedException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return Failed(Diagnostic.Create(KustomizeDescriptors.TransformerError, SourceSpan.StartOf(directory), $"kustomize build failed: {ex.Message}"));
        }
    }

    /// <summary>The steps kustomize runs once, after the whole tree is accumulated.</summary>
    private static void Finish(ResAccumulator ra, Kustomization kustomization, KustomizeOptions options)
    {
        AddHashSuffixes(ra.Resources);
        NameReferenceFixer.Apply(ra.Resources, ra.Config);
        VarsTransformer.Resolve(ra);
        DropLocalConfig(ra.Resources);
        var buildMetadata = Kustomization.EntriesOf(kustomization["buildMetadata"]).Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
        if (buildMetadata.Contains("originAnnotations"))
        {
            OriginAnnotations.Apply(ra.Resources, kustomization);
        }

        if (buildMetadata.Contains("transformerAnnotations"))
        {
            OriginAnnotations.ApplyTransformations(ra.Resources, kustomization);
        }

        if (buildMetadata.Contains("managedByLabel"))
        {
            OriginAnnotations.ApplyManagedByLabel(ra.Resources, kustomization);
        }

        FinalAnnotations.Apply(ra.Resources);
        foreach (var r in ra.Resources.Items)
        {
            // The output is each object's JSON form, which kustomize reaches through a YAML write and read.
            FoldedScalars.Serialize(r.Root);
        }

        var sortOptions = kustomization["sortOptions"] as YamlMapping;
        if (sortOptions is not null || options.LegacyReorder)
        {
            LegacySorter.Apply(ra.Resources, sortOptions);
        }
    }

    private static void AddHashSuffixes(ResourceList resources)
    {
        foreach (var r in resources.Items)
        {
            if (!r.NeedsHashSuffix)
            {
                continue;
            }

            var hash = NameHasher.Hash(r);
            r.StorePreviousId();
            var nameNode = r.Metadata?.GetScalar("name");
            var provenance = nameNode?.Provenance ?? (r.GeneratorSpan is { } span ? new Provenance(ProvenanceKind.Generator, span, "hash") : null);
            r.SetName($"{r.Name}-{hash}", provenance);
            r.NeedsHashSuffix = false;
        }
    }

    /// <summary>Objects annotated <c>config.kubernetes.io/local-config: "true"</c> are not part of the output.</summary>
    private static void DropLocalConfig(ResourceList resources)
    {
        foreach (var r in resources.Items.ToList())
        {
            if (r.Metadata?.GetMapping("annotations")?.GetString("config.kubernetes.io/local-config") == "true")
            {
                resources.Remove(r);
            }
        }
    }

    private static RenderResult Failed(Diagnostic diagnostic) => new([], [diagnostic]);
}
