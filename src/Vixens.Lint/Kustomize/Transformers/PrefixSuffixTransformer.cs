using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// namePrefix / nameSuffix: prepends/appends to the configured name fields. CRDs, APIServices and Namespaces keep their
/// names, as in kustomize. The previous id is stored so that references to the old name can be fixed at the end.
/// </summary>
internal static class PrefixSuffixTransformer
{
    public static void Apply(ResourceList resources, string prefix, string suffix, List<FieldSpec> specs, Provenance provenance)
    {
        foreach (var r in resources.Items)
        {
            var org = r.OrgId.Gvk;
            if (org.Kind is "CustomResourceDefinition" or "Namespace" || (org.Kind == "APIService" && org.Group == "apiregistration.k8s.io"))
            {
                continue;
            }

            // Specs are matched against the object's original kind, as kustomize does.
            var gvk = org;
            foreach (var spec in specs)
            {
                if (!spec.Selects(gvk))
                {
                    continue;
                }

                if (spec.Path == "metadata/name")
                {
                    r.StorePreviousId();
                    if (prefix.Length > 0)
                    {
                        r.NamePrefixes.Add(prefix);
                    }

                    if (suffix.Length > 0)
                    {
                        r.NameSuffixes.Add(suffix);
                    }
                }

                FieldWalker.Walk(r.Root, spec, (parent, key, value) =>
                {
                    if (value is YamlScalar scalar)
                    {
                        ScalarFactory.Rewrite(scalar, prefix + scalar.Value + suffix, provenance);
                    }
                }, createLeaf: false, provenance.Span);
            }
        }
    }
}
