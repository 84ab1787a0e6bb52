using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>
/// kustomize keeps its build bookkeeping (previous ids, name prefixes and suffixes, generator settings) as annotations
/// under <c>internal.config.kubernetes.io/</c> on the object itself and strips them only when the build ends. We keep
/// that bookkeeping in <see cref="Resource"/> fields; this class writes it out as annotations where kustomize's objects
/// show it. A JSON 6902 patch is one such place: kustomize records the object's previous id (three of these annotations)
/// just before the patch runs, so the patch sees a <c>metadata.annotations</c> map on every object. That is why
/// <c>add /metadata/annotations/key</c> works on an object without annotations, <c>remove /metadata/annotations</c>
/// succeeds, <c>test /metadata/annotations</c> never equals the user's own map, and <c>copy</c>/<c>move</c> from it carry
/// the bookkeeping along to wherever they write.
/// </summary>
internal static class BuildAnnotations
{
    /// <summary>The annotation domain kustomize reserves for its own bookkeeping.</summary>
    public const string Domain = "internal.config.kubernetes.io/";

    /// <summary>The bookkeeping of <paramref name="resource"/> as kustomize's annotations (key, value), sorted by key.</summary>
    public static List<(string Key, string Value)> Of(Resource resource)
    {
        var result = new List<(string Key, string Value)>();
        if (resource.Behavior != GeneratorBehavior.None)
        {
            result.Add((Domain + "generatorBehavior", BehaviorName(resource.Behavior)));
        }

        if (resource.NeedsHashSuffix)
        {
            result.Add((Domain + "needsHashSuffix", "enabled"));
        }

        // kustomize appends each part of an id to its own comma-separated list and skips empty parts.
        AddCsv(result, "prefixes", resource.NamePrefixes);
        AddCsv(result, "previousKinds", resource.PreviousIds.Select(id => id.Gvk.Kind));
        AddCsv(result, "previousNames", resource.PreviousIds.Select(id => id.Name));
        AddCsv(result, "previousNamespaces", resource.PreviousIds.Select(KustomizeNamespace));
        AddCsv(result, "suffixes", resource.NameSuffixes);
        result.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    /// <summary>
    /// Writes the bookkeeping into <c>metadata.annotations</c> (created when missing or null) before a JSON patch runs;
    /// returns the keys written, for <see cref="Withdraw"/>. An annotations field of another shape is left alone.
    /// </summary>
    public static List<string> Inject(Resource resource, Provenance provenance)
    {
        var written = new List<string>();
        var meta = resource.EnsureMetadata(provenance.Span);
        YamlMapping annotations;
        switch (meta["annotations"])
        {
            case YamlMapping existing:
                annotations = existing;
                break;
            case null:
            case YamlScalar { IsNull: true }:
                annotations = new YamlMapping(provenance.Span) { Provenance = provenance };
                meta.Set("annotations", annotations);
                break;
            default:
                return written;
        }

        foreach (var (key, value) in Of(resource))
        {
            annotations.Set(key, new YamlScalar(value, provenance.Span, ScalarStyle.DoubleQuoted) { Provenance = provenance });
            written.Add(key);
        }

        return written;
    }

    /// <summary>
    /// After the patch: kustomize reads the annotations back as a string map, puts its bookkeeping back and rewrites the
    /// field, so bookkeeping keys leave the user's view again, and a map left with nothing else (or a field the patch
    /// turned into a non-map) disappears, as it does at the end of the build.
    /// </summary>
    public static void Withdraw(YamlMapping root, IReadOnlyCollection<string> keys)
    {
        if (root.GetMapping("metadata") is not { } meta)
        {
            return;
        }

        switch (meta["annotations"])
        {
            case null:
                return;
            case YamlMapping annotations:
                foreach (var key in keys)
                {
                    annotations.Remove(key);
                }

                if (annotations.Count == 0)
                {
                    meta.Remove("annotations");
                }

                return;
            default:
                meta.Remove("annotations");
                return;
        }
    }

    private static void AddCsv(List<(string Key, string Value)> result, string name, IEnumerable<string> parts)
    {
        var values = parts.Where(p => p.Length > 0).ToList();
        if (values.Count > 0)
        {
            result.Add((Domain + name, string.Join(',', values)));
        }
    }

    /// <summary>kustomize's effective namespace: a marker for cluster-scoped kinds, <c>default</c> for an unset one.</summary>
    private static string KustomizeNamespace(ResId id) =>
        id.IsClusterScoped ? "_non_namespaceable_" : (id.Namespace.Length == 0 ? "default" : id.Namespace);

    private static string BehaviorName(GeneratorBehavior behavior) => behavior switch
    {
        GeneratorBehavior.Create => "create",
        GeneratorBehavior.Merge => "merge",
        GeneratorBehavior.Replace => "replace",
        _ => "unspecified",
    };
}
