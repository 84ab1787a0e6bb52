using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Kustomize.Generators;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// Configurations of kustomize's builtin plugins listed under <c>generators:</c> / <c>transformers:</c>
/// (<c>apiVersion: builtin</c>). Anything else is an exec or KRM plugin, which cannot run offline.
/// </summary>
internal static class BuiltinPlugins
{
    public static IEnumerable<Generated> Generate(PluginConfig plugin, FileLoader loader, Kustomization k)
    {
        var config = plugin.Config;
        var kind = config.GetString("kind") ?? string.Empty;
        RequireBuiltin(plugin, kind);
        var generator = new ConfigMapSecretGenerator(loader, k);
        switch (kind)
        {
            case "ConfigMapGenerator":
                yield return WithOrigin(generator.Generate(ArgsOf(config), "ConfigMap", "generators", null, plugin.Directory), plugin);
                break;
            case "SecretGenerator":
                yield return WithOrigin(generator.Generate(ArgsOf(config), "Secret", "generators", null, plugin.Directory), plugin);
                break;
            case "IAMPolicyGenerator":
                yield return IamServiceAccount(plugin);
                break;
            default:
                throw new KustomizeException(KustomizeDescriptors.Unsupported, plugin.Span, kind, "this builtin generator is not supported offline");
        }
    }

    public static void Transform(PluginConfig plugin, ResAccumulator ra, FileLoader loader, Kustomization k)
    {
        var config = plugin.Config;
        var kind = config.GetString("kind") ?? string.Empty;
        RequireBuiltin(plugin, kind);
        var resources = ra.Resources;
        var provenance = new Provenance(ProvenanceKind.Transformer, plugin.Span, "transformers");
        var specs = FieldSpec.ParseList(config["fieldSpecs"]);
        switch (kind)
        {
            case "PatchTransformer":
            case "PatchJson6902Transformer":
                PatchApplier.ApplyPatchEntry(resources, config, k, loader, "transformers", requireTargetForJson: true);
                break;
            case "PatchStrategicMergeTransformer":
                foreach (var entry in Kustomization.EntriesOf(config["paths"]))
                {
                    var single = new YamlMapping(config.Span);
                    single.Set("path", new YamlScalar(entry.Value, entry.Span));
                    PatchApplier.ApplyPatchEntry(resources, single, k, loader, "transformers", requireTargetForJson: true);
                }

                if (config.GetScalar("patches") is { } inlinePatches)
                {
                    var single = new YamlMapping(config.Span);
                    single.Set("patch", inlinePatches);
                    PatchApplier.ApplyPatchEntry(resources, single, k, loader, "transformers", requireTargetForJson: true);
                }

                break;
            case "PrefixSuffixTransformer":
            case "PrefixTransformer":
            case "SuffixTransformer":
                PrefixSuffixTransformer.Apply(resources, config.GetString("prefix") ?? string.Empty, config.GetString("suffix") ?? string.Empty, specs, provenance);
                break;
            case "NamespaceTransformer":
                var ns = config.GetMapping("metadata")?.GetString("namespace") ?? string.Empty;
                NamespaceTransformer.Apply(resources, ns, specs, provenance,
                    config.GetScalar("unsetOnly") is { } u && u.AsBool(), config.GetString("setRoleBindingSubjects") ?? "defaultOnly");
                break;
            case "LabelTransformer":
                MapFieldSetter.Apply(resources, Kustomization.PairsOf(config["labels"]), specs, "transformers");
                break;
            case "AnnotationsTransformer":
                MapFieldSetter.Apply(resources, Kustomization.PairsOf(config["annotations"]), specs, "transformers");
                break;
            case "ImageTagTransformer":
                if (config.GetMapping("imageTag") is { } imageTag)
                {
                    ImageTransformer.Apply(resources, ImageRule.Parse(imageTag), specs.Count > 0 ? specs : ra.Config.Images, provenance);
                }

                break;
            case "ReplacementTransformer":
                if (config["replacements"] is YamlSequence replacements)
                {
                    foreach (var r in replacements.Items.OfType<YamlMapping>())
                    {
                        ReplacementTransformer.Apply(resources, r, "transformers");
                    }
                }

                break;
            default:
                throw new KustomizeException(KustomizeDescriptors.Unsupported, plugin.Span, kind, "this builtin transformer is not supported offline");
        }
    }

    private static void RequireBuiltin(PluginConfig plugin, string kind)
    {
        var apiVersion = plugin.Config.GetString("apiVersion") ?? string.Empty;
        if (apiVersion != "builtin" && !apiVersion.StartsWith("builtin/", StringComparison.Ordinal))
        {
            throw new KustomizeException(KustomizeDescriptors.Unsupported, plugin.Span, $"{apiVersion} {kind}",
                "exec, Go and KRM function plugins run external code");
        }
    }

    /// <summary>IAMPolicyGenerator (cloud: gke): a ServiceAccount bound to a Google service account by annotation.</summary>
    private static Generated IamServiceAccount(PluginConfig plugin)
    {
        var config = plugin.Config;
        if (config.GetString("cloud") != "gke")
        {
            throw new KustomizeException(KustomizeDescriptors.GeneratorError, plugin.Span,
                $"cloud provider {config.GetString("cloud")} not supported yet");
        }

        var provenance = new Provenance(ProvenanceKind.Generator, plugin.Span, "generators");
        var service = config.GetMapping("kubernetesService");
        var account = config.GetMapping("serviceAccount");
        var text = $"apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  annotations:\n    iam.gke.io/gcp-service-account: \"{account?.GetString("name")}@{account?.GetString("projectId")}.iam.gserviceaccount.com\"\n  name: \"{service?.GetString("name")}\"\n";
        if (service?.GetString("namespace") is { Length: > 0 } ns)
        {
            text += $"  namespace: \"{ns}\"\n";
        }

        // kustomize fills the same text template; a value that breaks it (a quote, a line break) is a generator error.
        var generated = YamlLoader.Parse(plugin.Span.File, text);
        if (generated.HasErrors || generated.Documents.Count == 0 || generated.Documents[0].Root is not YamlMapping root)
        {
            throw new KustomizeException(KustomizeDescriptors.GeneratorError, plugin.Span,
                "IAMPolicyGenerator: the kubernetesService and serviceAccount values do not make a valid ServiceAccount (quotes or line breaks in a name?)");
        }

        root.StampProvenance(provenance);
        foreach (var node in root.DescendantsAndSelf())
        {
            node.Span = plugin.Span;
        }

        var resource = new Resource(root) { GeneratorSpan = plugin.Span, OriginGenerator = (config.Span.File, "IAMPolicyGenerator", config.GetMapping("metadata")?.GetString("name")) };
        return new Generated(resource, plugin.Span);
    }

    /// <summary>A generator plugin config carries its arguments at the top level; metadata.name names the plugin and is only a fallback.</summary>
    private static YamlMapping ArgsOf(YamlMapping config)
    {
        var args = (YamlMapping)config.DeepClone();
        if (config.GetMapping("metadata") is { } meta)
        {
            if (meta["name"] is { } name && !config.ContainsKey("name"))
            {
                args.Set("name", name.DeepClone());
            }

            if (meta["namespace"] is { } ns && !config.ContainsKey("namespace"))
            {
                args.Set("namespace", ns.DeepClone());
            }
        }

        return args;
    }

    /// <summary>A generator configured by a plugin file records that file and the plugin's name as its origin.</summary>
    private static Generated WithOrigin(Generated generated, PluginConfig plugin)
    {
        var kind = plugin.Config.GetString("kind") ?? string.Empty;
        generated.Resource.OriginGenerator = (plugin.Config.Span.File, kind, plugin.Config.GetMapping("metadata")?.GetString("name"));
        return generated;
    }
}
