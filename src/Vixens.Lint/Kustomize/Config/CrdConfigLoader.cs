using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Config;

/// <summary>
/// <c>crds:</c> files: a map from Go type names to OpenAPI schemas. For every type that looks like a Kubernetes object
/// (kind, apiVersion, metadata), properties tagged with kustomize's x-kubernetes-* extensions become field specs:
/// name references (object-ref-kind/api-version/name-key), annotations, label selectors and identity (name prefix).
/// </summary>
internal static class CrdConfigLoader
{
    public static TransformerConfig Load(YamlFile file, SourceSpan at)
    {
        var root = file.Documents.Count > 0 ? file.Documents[0].Root as YamlMapping : null;
        if (root is null || file.HasErrors)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, at, $"unable to parse open API definition from '{file.Path}'");
        }

        var collected = new Collected();
        foreach (var def in root.Entries)
        {
            var props = SchemaOf(def.Value)?.GetMapping("properties");
            if (props is null || !props.ContainsKey("kind") || !props.ContainsKey("apiVersion") || !props.ContainsKey("metadata"))
            {
                continue;
            }

            var name = def.Key.Value;
            var kind = new Gvk(string.Empty, string.Empty, name[(name.LastIndexOf('.') + 1)..]);
            Walk(root, name, kind, [], collected, 0);
        }

        var map = new YamlMapping(at);
        var config = TransformerConfig.Parse(map);
        return config.WithExtra(collected.NameReferences, collected.Annotations, collected.Labels, collected.Prefix);
    }

    private sealed class Collected
    {
        public List<NameBackReference> NameReferences { get; } = [];
        public List<FieldSpec> Annotations { get; } = [];
        public List<FieldSpec> Labels { get; } = [];
        public List<FieldSpec> Prefix { get; } = [];
    }

    private static YamlMapping? SchemaOf(YamlNode node) =>
        node is YamlMapping m ? (m.GetMapping("Schema") ?? m) : null;

    private static void Walk(YamlMapping definitions, string typeName, Gvk gvk, List<string> path, Collected into, int depth)
    {
        if (depth > 32 || definitions[typeName] is not { } def || SchemaOf(def)?.GetMapping("properties") is not { } props)
        {
            return;
        }

        foreach (var prop in props.Entries)
        {
            if (prop.Value is not YamlMapping p)
            {
                continue;
            }

            var here = new List<string>(path) { prop.Key.Value };
            var fieldPath = string.Join("/", here);
            if (p.ContainsKey("x-kubernetes-annotation"))
            {
                into.Annotations.Add(new FieldSpec(gvk, fieldPath, false));
            }

            if (p.ContainsKey("x-kubernetes-label-selector"))
            {
                into.Labels.Add(new FieldSpec(gvk, fieldPath, false));
            }

            if (p.ContainsKey("x-kubernetes-identity"))
            {
                into.Prefix.Add(new FieldSpec(gvk, fieldPath, false));
            }

            if (p.GetString("x-kubernetes-object-ref-api-version") is { } version && p.GetString("x-kubernetes-object-ref-kind") is { } targetKind)
            {
                var nameKey = p.GetString("x-kubernetes-object-ref-name-key") ?? "name";
                into.NameReferences.Add(new NameBackReference(new Gvk(string.Empty, version, targetKind), [new FieldSpec(gvk, fieldPath + "/" + nameKey, false)]));
            }

            if (p.GetString("$ref") is { Length: > 0 } reference)
            {
                Walk(definitions, reference.StartsWith("#/definitions/", StringComparison.Ordinal) ? reference["#/definitions/".Length..] : reference, gvk, here, into, depth + 1);
            }
        }
    }
}
