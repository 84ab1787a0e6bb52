using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Generators;
using Vixens.Lint.Kustomize.Transformers;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// Builds one kustomization in kustomize's order: resources, configurations/crds, generators, components, then the
/// built-in transformers (patches, namespace, prefix/suffix, labels, annotations, JSON 6902, replicas, images,
/// replacements), the <c>transformers:</c> list, and finally vars.
/// </summary>
internal sealed class KustTarget
{
    private readonly BuildSession _session;
    private readonly Kustomization _k;

    public KustTarget(BuildSession session, Kustomization kustomization)
    {
        _session = session;
        _k = kustomization;
    }

    public ResAccumulator AccumulateTarget(ResAccumulator ra)
    {
        RejectUnsupported();
        var resources = _k.GetEntries("resources");
        resources.AddRange(_k.GetEntries("bases"));
        foreach (var entry in resources)
        {
            AccumulateResource(ra, entry);
        }

        foreach (var entry in _k.GetEntries("configurations"))
        {
            var path = _session.Loader.ResolveFile(_k.Directory, entry, "configurations");
            var yaml = LoadSingleMapping(path, entry.Span);
            ra.MergeConfig(TransformerConfig.Parse(yaml));
        }

        foreach (var entry in _k.GetEntries("crds"))
        {
            var path = _session.Loader.ResolveFile(_k.Directory, entry, "crds");
            ra.MergeConfig(CrdConfigLoader.Load(_session.Loader.LoadYaml(path), entry.Span));
        }

        RunGenerators(ra);

        foreach (var entry in _k.GetEntries("components"))
        {
            if (FileLoader.IsRemote(entry.Value))
            {
                throw new KustomizeException(KustomizeDescriptors.Unsupported, entry.Span, entry.Value, "remote components need the network");
            }

            var dir = FileLoader.Combine(_k.Directory, entry.Value);
            if (!Directory.Exists(dir))
            {
                if (File.Exists(dir))
                {
                    throw new KustomizeException(KustomizeDescriptors.ComponentKind, entry.Span,
                        $"'{entry.Value}' is a file: components must be directories holding a kind: Component kustomization");
                }

                throw new KustomizeException(KustomizeDescriptors.ResourceNotFound, entry.Span, entry.Value, "components");
            }

            _session.AccumulateComponent(dir, entry.Span, ra);
        }

        RunTransformers(ra);
        VarsTransformer.MergeVars(_k, ra);
        return ra;
    }

    private void RejectUnsupported()
    {
        foreach (var field in new[] { "helmCharts", "helmChartInflationGenerator", "helmGlobals" })
        {
            if (_k[field] is not null)
            {
                throw new KustomizeException(KustomizeDescriptors.Unsupported, _k.SpanOf(field), field, "Helm charts need the helm binary and a chart download");
            }
        }

        if (_k.GetEntries("validators").FirstOrDefault() is { Value: not null } validator)
        {
            throw new KustomizeException(KustomizeDescriptors.Unsupported, validator.Span, "validators", "validator plugins run external programs");
        }
    }

    private void AccumulateResource(ResAccumulator ra, Entry entry)
    {
        if (FileLoader.IsRemote(entry.Value))
        {
            throw new KustomizeException(KustomizeDescriptors.Unsupported, entry.Span, entry.Value, "remote resources need the network");
        }

        var full = FileLoader.Combine(_k.Directory, entry.Value);
        if (File.Exists(full))
        {
            if (!_session.Options.AllowFilesOutsideRoot && (!FileLoader.IsWithin(full, _k.Directory) || !FileLoader.IsWithin(FileLoader.RealPath(full), FileLoader.RealPath(_k.Directory))))
            {
                throw new KustomizeException(KustomizeDescriptors.FileOutsideRoot, entry.Span, entry.Value, _k.Directory);
            }

            var list = ResourceReader.Read(_session.Loader.LoadYaml(full), entry.Span);
            ra.Resources.AppendAll(list, entry.Span);
            return;
        }

        if (Directory.Exists(full))
        {
            var built = _session.BuildBase(full, entry.Span);
            ra.MergeAccumulator(built, entry.Span);
            return;
        }

        throw new KustomizeException(KustomizeDescriptors.ResourceNotFound, entry.Span, entry.Value, "resources");
    }

    private YamlMapping LoadSingleMapping(string path, SourceSpan at)
    {
        var yaml = _session.Loader.LoadYaml(path);
        if (yaml.HasErrors || yaml.Documents.Count == 0 || yaml.Documents[0].Root is not YamlMapping map)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, at, $"'{path}' is not a YAML mapping");
        }

        return map;
    }

    private void RunGenerators(ResAccumulator ra)
    {
        var generator = new ConfigMapSecretGenerator(_session.Loader, _k);
        foreach (var generated in generator.GenerateAll())
        {
            GeneratedMerger.Absorb(ra.Resources, generated.Resource, generated.Span);
        }

        foreach (var config in PluginConfigs("generators"))
        {
            foreach (var generated in BuiltinPlugins.Generate(config, _session.Loader, _k))
            {
                GeneratedMerger.Absorb(ra.Resources, generated.Resource, generated.Span);
            }
        }
    }

    private void RunTransformers(ResAccumulator ra)
    {
        var resources = ra.Resources;
        PatchApplier.ApplyStrategicMergeList(resources, _k, _session.Loader);
        PatchApplier.ApplyPatchesField(resources, _k, _session.Loader);
        if (_k.GetString("namespace") is { Length: > 0 } ns)
        {
            NamespaceTransformer.Apply(resources, ns, ra.Config.Namespace, Stamp("namespace"), unsetOnly: false, setRoleBindingSubjects: "defaultOnly");
        }

        var prefix = _k.GetString("namePrefix") ?? string.Empty;
        var suffix = _k.GetString("nameSuffix") ?? string.Empty;
        if (prefix.Length > 0)
        {
            PrefixSuffixTransformer.Apply(resources, prefix, string.Empty, ra.Config.NamePrefix, Stamp("namePrefix"));
        }

        if (suffix.Length > 0)
        {
            PrefixSuffixTransformer.Apply(resources, string.Empty, suffix, ra.Config.NameSuffix, Stamp("nameSuffix"));
        }

        LabelTransformer.ApplyKustomizationLabels(resources, _k, ra.Config);
        LabelTransformer.ApplyCommonAnnotations(resources, _k, ra.Config);
        PatchApplier.ApplyJson6902List(resources, _k, _session.Loader);
        ReplicaTransformer.Apply(resources, _k, ra.Config);
        ImageTransformer.Apply(resources, _k, ra.Config);
        ReplacementTransformer.ApplyKustomization(resources, _k, _session.Loader);
        foreach (var config in PluginConfigs("transformers"))
        {
            BuiltinPlugins.Transform(config, ra, _session.Loader, _k);
        }
    }

    private Provenance Stamp(string field) => new(ProvenanceKind.Transformer, _k.SpanOf(field), field);

    /// <summary>Plugin configurations of <c>generators:</c> or <c>transformers:</c>, inline or read from files/directories.</summary>
    private List<PluginConfig> PluginConfigs(string field)
    {
        var result = new List<PluginConfig>();
        foreach (var entry in _k.GetEntries(field))
        {
            if (entry.Value.Contains('\n', StringComparison.Ordinal) || entry.Value.TrimStart().StartsWith("apiVersion:", StringComparison.Ordinal))
            {
                var yaml = YamlLoader.Parse(_k.FilePath, entry.Value);
                foreach (var doc in yaml.Documents)
                {
                    if (doc.Root is YamlMapping map)
                    {
                        result.Add(new PluginConfig(map, entry.Span, _k.Directory));
                    }
                }

                continue;
            }

            var full = FileLoader.Combine(_k.Directory, entry.Value);
            if (Directory.Exists(full))
            {
                var built = _session.BuildBase(full, entry.Span);
                result.AddRange(built.Resources.Items.Select(r => new PluginConfig(r.Root, entry.Span, full)));
                continue;
            }

            var path = _session.Loader.ResolveFile(_k.Directory, entry, field);
            foreach (var doc in _session.Loader.LoadYaml(path).Documents)
            {
                if (doc.Root is YamlMapping map)
                {
                    result.Add(new PluginConfig((YamlMapping)map.DeepClone(), entry.Span, _k.Directory));
                }
            }
        }

        return result;
    }
}

/// <summary>A plugin configuration object and where it is listed.</summary>
internal sealed record PluginConfig(YamlMapping Config, SourceSpan Span, string Directory);
