using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// kustomize's namespace transformer: sets metadata.namespace on every namespaced object, renames v1 Namespace objects,
/// updates the configured extra fields, and the namespace of (Cluster)RoleBinding subjects named <c>default</c>.
/// </summary>
internal static class NamespaceTransformer
{
    public static void Apply(ResourceList resources, string ns, List<FieldSpec> specs, Provenance provenance, bool unsetOnly, string setRoleBindingSubjects)
    {
        foreach (var r in resources.Items)
        {
            r.StorePreviousId();
            var gvk = r.Gvk;
            FieldVisitor setter = (parent, key, value) => Set(parent, key, value, ns, provenance, unsetOnly);
            if (!ClusterScopedKinds.Contains(gvk))
            {
                FieldWalker.Walk(r.Root, new FieldSpec(Gvk.Any, "metadata/namespace", true), setter, createLeaf: true, provenance.Span);
            }

            var isBinding = gvk.Kind is "RoleBinding" or "ClusterRoleBinding";
            if (isBinding && setRoleBindingSubjects != "none" && r.Root.GetSequence("subjects") is { } subjects)
            {
                foreach (var subject in subjects.Items.OfType<YamlMapping>())
                {
                    var matches = setRoleBindingSubjects == "allServiceAccounts"
                        ? subject.GetString("kind") == "ServiceAccount"
                        : subject.GetString("name") == "default";
                    if (matches)
                    {
                        Set(subject, "namespace", subject["namespace"], ns, provenance, unsetOnly);
                    }
                }
            }

            foreach (var spec in specs)
            {
                if (spec.Path == "metadata/namespace" || (spec.Path == "metadata/name" && r.ApiVersion != "v1"))
                {
                    continue;
                }

                if (isBinding && spec.Path == "subjects/namespace")
                {
                    continue;
                }

                if (spec.Selects(gvk))
                {
                    FieldWalker.Walk(r.Root, spec, setter, createLeaf: true, provenance.Span);
                }
            }
        }

        EnsureUnique(resources, provenance.Span);
    }

    private static void Set(YamlMapping parent, string key, YamlNode? value, string ns, Provenance provenance, bool unsetOnly)
    {
        if (unsetOnly && value is YamlScalar { IsNull: false, Value.Length: > 0 })
        {
            return;
        }

        if (value is YamlScalar scalar)
        {
            ScalarFactory.Rewrite(scalar, ns, provenance);
        }
        else
        {
            parent.Set(key, ScalarFactory.String(ns, provenance));
        }
    }

    private static void EnsureUnique(ResourceList resources, SourceSpan at)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in resources.Items)
        {
            var id = r.CurId;
            if (!seen.Add($"{id.Gvk}|{id.EffectiveNamespace}|{id.Name}"))
            {
                throw new KustomizeException(KustomizeDescriptors.TransformerError, at,
                    $"namespace transformation produces ID conflict: {id}");
            }
        }
    }
}
