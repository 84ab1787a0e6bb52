using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Config;

/// <summary>
/// <c>crds:</c> files (OpenAPI definitions): properties tagged <c>x-kubernetes-object-ref-kind</c> /
/// <c>x-kubernetes-object-ref-name-key</c> become name references, as kustomize derives them.
/// </summary>
internal static class CrdConfigLoader
{
    public static TransformerConfig Load(YamlFile file, SourceSpan at)
    {
        var root = file.Documents.Count > 0 ? file.Documents[0].Root as YamlMapping : null;
        if (root is null)
        {
            throw new KustomizeException(KustomizeDescriptors.InvalidKustomization, at, $"'{file.Path}' is not a CRD OpenAPI definition file");
        }

        var definitions = root.GetMapping("definitions") ?? root;
        var refs = new List<NameBackReference>();
        foreach (var def in definitions.Entries)
        {
            if (def.Value is not YamlMapping schema)
            {
                continue;
            }

            // The definition key ends with .<Kind>; the referrer is that kind.
            var key = def.Key.Value;
            var kind = key[(key.LastIndexOf('.') + 1)..];
            Walk(schema, [], kind, definitions, refs, 0);
        }

        var config = TransformerConfig.Empty;
        foreach (var r in refs)
        {
            config = config.Merge(TransformerConfigBuilder.WithNameReference(r));
        }

        return config;
    }

    private static void Walk(YamlMapping schema, List<string> path, string kind, YamlMapping definitions, List<NameBackReference> refs, int depth)
    {
        if (depth > 20 || schema.GetMapping("properties") is not { } props)
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
            if (p.GetString("x-kubernetes-object-ref-kind") is { } targetKind)
            {
                var nameKey = p.GetString("x-kubernetes-object-ref-name-key") ?? "name";
                var fieldPath = string.Join("/", here) + "/" + nameKey;
                refs.Add(new NameBackReference(new Gvk(string.Empty, string.Empty, targetKind), [new FieldSpec(new Gvk(string.Empty, string.Empty, kind), fieldPath, false)]));
            }

            if (p.GetString("$ref") is { } reference && definitions.GetMapping(reference[(reference.LastIndexOf('/') + 1)..]) is { } target)
            {
                Walk(target, here, kind, definitions, refs, depth + 1);
            }
            else
            {
                Walk(p, here, kind, definitions, refs, depth + 1);
            }
        }
    }
}

internal static class TransformerConfigBuilder
{
    public static TransformerConfig WithNameReference(NameBackReference reference)
    {
        var map = new YamlMapping(SourceSpan.StartOf("<crd>"));
        var config = TransformerConfig.Parse(map);
        config.NameReference.Add(reference);
        return config;
    }
}
