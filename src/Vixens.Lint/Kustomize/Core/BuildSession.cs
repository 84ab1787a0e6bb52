using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// State of one top-level render: the file loader, the chain of kustomization directories being built (for cycle
/// detection, as kustomize's loader does) and the base cache.
/// </summary>
internal sealed class BuildSession
{
    private readonly List<string> _visiting = [];
    private int _componentApplications;

    public BuildSession(FileLoader loader) => Loader = loader;

    public FileLoader Loader { get; }

    /// <summary>Non-fatal findings (warnings) gathered during the build, in order, without duplicates.</summary>
    public List<Diagnostics.Diagnostic> Warnings { get; } = [];

    public void Warn(Diagnostics.Diagnostic diagnostic)
    {
        if (!Warnings.Any(w => w.Id == diagnostic.Id && w.Location == diagnostic.Location))
        {
            Warnings.Add(diagnostic);
        }
    }

    public KustomizeOptions Options => Loader.Options;

    /// <summary>Reads and checks the kustomization file of <paramref name="directory"/>.</summary>
    public Kustomization LoadKustomization(string directory, SourceSpan referencedAt)
    {
        var file = FileLoader.FindKustomizationFile(directory, out var count);
        if (file is null)
        {
            throw new KustomizeException(KustomizeDescriptors.NotAKustomization, referencedAt, directory);
        }

        if (count > 1)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, referencedAt,
                $"Found multiple kustomization files under: {directory}");
        }

        var yaml = Loader.LoadYaml(file);
        // kustomize reads kustomization files with go-yaml v2, where a repeated key silently wins.
        var error = yaml.Diagnostics.FirstOrDefault(d => d.Severity == Diagnostics.Severity.Error && d.Descriptor != Diagnostics.InputDescriptors.DuplicateKey);
        if (error is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, error.Location,
                $"The kustomization file cannot be parsed: {error.Message}");
        }

        var docs = yaml.Documents.Where(d => d.Root is not null).ToList();
        if (docs.Count == 0 || docs[0].Root is YamlScalar { IsNull: true })
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, SourceSpan.StartOf(file),
                $"{Path.GetFileName(file)} is empty");
        }

        if (docs[0].Root is not YamlMapping root)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, docs[0].Root!.Span,
                "The kustomization file must be a mapping");
        }

        var kustomization = new Kustomization(directory, file, root, yaml.Text);
        var kind = kustomization.Kind;
        if (kind is not null and not "Kustomization" and not "Component")
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, kustomization.SpanOf("kind"),
                $"kind '{kind}' is not a kustomization: expected Kustomization or Component");
        }

        var required = kind == "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1";
        if (kustomization.GetString("apiVersion") is { } apiVersion && apiVersion != required)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, kustomization.SpanOf("apiVersion"),
                $"apiVersion for {kind ?? "Kustomization"} should be {required}");
        }

        // Only apiVersion/kind (or fields left null) is what kustomize calls an empty kustomization.
        if (root.Entries.All(e => e.Key.Value is "apiVersion" or "kind" || e.Value is YamlScalar { IsNull: true }))
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, root.Span, $"{Path.GetFileName(file)} is empty");
        }

        foreach (var (unknown, span) in kustomization.UnknownFields)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, span,
                $"invalid Kustomization: unknown field \"{unknown}\"");
        }

        return kustomization;
    }

    /// <summary>Builds a directory listed in resources (a base), once per process thanks to the cache.</summary>
    public ResAccumulator BuildBase(string directory, SourceSpan referencedAt)
    {
        EnterDirectory(directory, referencedAt);
        try
        {
            if (Options.Cache is not null && Options.Cache.Bases.TryGetValue(directory, out var cached))
            {
                return Unwrap(cached);
            }

            BuiltBase built;
            try
            {
                var kustomization = LoadKustomization(directory, referencedAt);
                if (kustomization.IsComponent)
                {
                    throw new KustomizeException(KustomizeDescriptors.ComponentKind, referencedAt,
                        $"expected kind != 'Component' for path '{directory}': a Component must be listed under components, not resources");
                }

                var result = new KustTarget(this, kustomization).AccumulateTarget(new ResAccumulator());
                built = new BuiltBase(result, null);
            }
            catch (KustomizeException ex) when (ex.Diagnostic is not null)
            {
                built = new BuiltBase(null, ex.Diagnostic);
            }

            // Only cache what does not depend on the chain being built (a cycle error does). The cache keeps the
            // original; every caller, this one included, works on a clone.
            if (Options.Cache is not null && built.Error?.Descriptor != KustomizeDescriptors.Cycle)
            {
                Options.Cache.Bases.TryAdd(directory, built);
                return Unwrap(built);
            }

            return built.Error is null ? built.Result! : Unwrap(built);
        }
        finally
        {
            _visiting.RemoveAt(_visiting.Count - 1);
        }
    }

    /// <summary>Adds a component's objects and transformations to the including kustomization's accumulator.</summary>
    public void AccumulateComponent(string directory, SourceSpan referencedAt, ResAccumulator into)
    {
        if (++_componentApplications > Options.MaxComponentApplications)
        {
            throw new KustomizeException(KustomizeDescriptors.ExpansionLimit, referencedAt, Options.MaxComponentApplications, directory);
        }

        EnterDirectory(directory, referencedAt);
        try
        {
            var kustomization = LoadKustomization(directory, referencedAt);
            if (!kustomization.IsComponent)
            {
                throw new KustomizeException(KustomizeDescriptors.ComponentKind, referencedAt,
                    $"expected kind 'Component' for path '{directory}' but got '{kustomization.Kind ?? "Kustomization"}'");
            }

            new KustTarget(this, kustomization).AccumulateTarget(into);
        }
        finally
        {
            _visiting.RemoveAt(_visiting.Count - 1);
        }
    }

    /// <summary>Builds the top-level kustomization.</summary>
    public (ResAccumulator Result, Kustomization Kustomization) BuildRoot(string directory)
    {
        var at = SourceSpan.StartOf(directory);
        _visiting.Add(directory);
        // kustomize builds a Component directory on its own like a Kustomization.
        var kustomization = LoadKustomization(directory, at);
        return (new KustTarget(this, kustomization).AccumulateTarget(new ResAccumulator()), kustomization);
    }

    private static ResAccumulator Unwrap(BuiltBase built)
    {
        if (built.Error is not null)
        {
            throw new KustomizeException(built.Error);
        }

        return built.Result!.Clone();
    }

    /// <summary>kustomize refuses a directory that is, or contains, one already being built.</summary>
    private void EnterDirectory(string directory, SourceSpan referencedAt)
    {
        foreach (var visited in _visiting)
        {
            if (string.Equals(visited, directory, StringComparison.Ordinal) || FileLoader.IsWithin(visited, directory))
            {
                throw new KustomizeException(KustomizeDescriptors.Cycle, referencedAt, directory,
                    string.Join(" -> ", _visiting.Append(directory)));
            }
        }

        if (Options.RepositoryRoot is { } repo && !FileLoader.IsWithin(directory, Path.GetFullPath(repo)))
        {
            throw new KustomizeException(KustomizeDescriptors.FileOutsideRoot, referencedAt, directory, repo);
        }

        _visiting.Add(directory);
    }
}
