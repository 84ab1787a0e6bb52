using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Generators;
using Vixens.Lint.Kustomize.Transformers;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

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
        using (ra.Resources.IndexIds())
        {
            foreach (var entry in resources)
            {
                AccumulateResource(ra, entry);
            }
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

        ValidateOpenApi();
        if (_k.GetEntries("validators").FirstOrDefault() is { Value: not null } validator)
        {
            throw new KustomizeException(KustomizeDescriptors.Unsupported, validator.Span, "validators", "validator plugins run external programs");
        }
    }

    /// <summary>
    /// <c>openapi:</c> either names kustomize's one built-in schema version or a schema file. A custom schema only changes
    /// strategic-merge keys of custom types; the patch engine uses the built-in metadata, which the result notes.
    /// </summary>
    private void ValidateOpenApi()
    {
        if (_k["openapi"] is not YamlMapping openapi)
        {
            return;
        }

        var version = openapi.GetScalar("version");
        var path = openapi.GetScalar("path");
        if (version is not null && path is not null)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, openapi.Span, "builtin version and custom schema provided, cannot use both");
        }

        if (version is not null && version.Value != "v1.21.2")
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, version.Span,
                $"the specified OpenAPI version '{version.Value}' is not built in (kustomize has v1.21.2)");
        }

        string? full = null;
        if (path is not null)
        {
            full = _session.Loader.ResolveFile(_k.Directory, new Entry(path.Value, path.Span), "openapi");
        }

        // kustomize sets its schema once per build: later kustomizations cannot override it.
        if (_session.Loader.SchemaChosen || (version is null && path is null))
        {
            return;
        }

        _session.Loader.SchemaChosen = true;
        _session.Loader.CustomPatchSchema = full is null ? null : LoadSchema(full, path!);
    }

    /// <summary>The custom schema as patch metadata; YAML schemas are turned into the JSON the builder reads.</summary>
    private Patching.PatchMetadata? LoadSchema(string full, YamlScalar path)
    {
        var yaml = _session.Loader.LoadYaml(full);
        if (yaml.HasErrors || yaml.Documents.Count == 0 || yaml.Documents[0].Root is not YamlMapping root)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, path.Span, $"openapi.path '{path.Value}' is not an OpenAPI document");
        }

        var json = new System.Text.StringBuilder();
        Generators.GoJson.WriteNode(json, Config.OpenApiSchemaFlattener.Flatten(root));
        try
        {
            // kustomize resolves what the custom document does not define (core types it refers to) from its built-in schema.
            return Patching.PatchMetadata.Default.OverlaidWith(Patching.PatchMetadata.FromSwaggerJson(json.ToString(), full));
        }
        catch (NotSupportedException)
        {
            _session.Warn(Diagnostics.Diagnostic.Create(KustomizeDescriptors.CustomOpenApiIgnored, path.Span, path.Value));
            return null;
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, path.Span, $"openapi.path '{path.Value}': {ex.Message}");
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
            if (!_session.Options.AllowFilesOutsideRoot && !FileLoader.IsWithin(_session.Loader.CachedRealPath(full), _session.Loader.CachedRealPath(_k.Directory)))
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
        if (_k["patchesStrategicMerge"] is YamlSequence { Count: > 0 })
        {
            PatchApplier.ApplyStrategicMergeList(resources, _k, _session.Loader);
            Record(resources, "PatchStrategicMergeTransformer");
        }

        PatchApplier.ApplyPatchesField(resources, _k, _session.Loader, () => Record(resources, "PatchTransformer"));
        if (_k.GetString("namespace") is { Length: > 0 } ns)
        {
            NamespaceTransformer.Apply(resources, ns, ra.Config.Namespace, Stamp("namespace"), unsetOnly: false, setRoleBindingSubjects: "defaultOnly");
            Record(resources, "NamespaceTransformer");
        }

        var prefix = _k.GetString("namePrefix") ?? string.Empty;
        var suffix = _k.GetString("nameSuffix") ?? string.Empty;
        if (prefix.Length > 0)
        {
            PrefixSuffixTransformer.Apply(resources, prefix, string.Empty, ra.Config.NamePrefix, Stamp("namePrefix"));
            Record(resources, "PrefixTransformer");
        }

        if (suffix.Length > 0)
        {
            PrefixSuffixTransformer.Apply(resources, string.Empty, suffix, ra.Config.NameSuffix, Stamp("nameSuffix"));
            Record(resources, "SuffixTransformer");
        }

        LabelTransformer.ApplyKustomizationLabels(resources, _k, ra.Config, () => Record(resources, "LabelTransformer"));
        if (_k["commonAnnotations"] is YamlMapping { Count: > 0 })
        {
            LabelTransformer.ApplyCommonAnnotations(resources, _k, ra.Config);
            Record(resources, "AnnotationsTransformer");
        }

        PatchApplier.ApplyJson6902List(resources, _k, _session.Loader, () => Record(resources, "PatchJson6902Transformer"));
        ReplicaTransformer.Apply(resources, _k, ra.Config, () => Record(resources, "ReplicaCountTransformer"));
        ImageTransformer.Apply(resources, _k, ra.Config, () => Record(resources, "ImageTagTransformer"));
        if (_k["replacements"] is YamlSequence { Count: > 0 })
        {
            ReplacementTransformer.ApplyKustomization(resources, _k, _session.Loader);
            Record(resources, "ReplacementTransformer");
        }

        foreach (var config in PluginConfigs("transformers"))
        {
            BuiltinPlugins.Transform(config, ra, _session.Loader, _k);
            var pluginMeta = config.Config.GetMapping("metadata");
            Record(resources, config.Config.GetString("kind") ?? string.Empty, config.Config.Span.File, pluginMeta?.GetString("name"), pluginMeta?.GetString("namespace"));
        }
    }

    /// <summary>Notes on every current object that a transformer configured here ran (kustomize records it for all of them).</summary>
    private void Record(ResourceList resources, string kind, string? configuredIn = null, string? name = null, string? ns = null)
    {
        foreach (var r in resources.Items)
        {
            r.Transformations.Add((configuredIn ?? _k.FilePath, kind, name, ns));
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
                // Plugin files are read by the including kustomization's loader: paths inside resolve from here.
                result.AddRange(built.Resources.Items.Select(r => new PluginConfig(r.Root, entry.Span, _k.Directory)));
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
