using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Kustomize.Core;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Kustomize.Transformers;

/// <summary>
/// After names changed (prefix, suffix, hash), rewrites every field that refers to a renamed object by its old name:
/// ConfigMap/Secret refs, ServiceAccounts (also in RoleBinding subjects), PVC claims, Services... as listed in
/// kustomize's nameReference configuration, choosing among candidates like kustomize does.
/// </summary>
internal static class NameReferenceFixer
{
    public static void Apply(ResourceList resources, TransformerConfig config)
    {
        var all = resources.Items.ToList();
        RejectBlankSubjectNamespaces(all);
        var renamed = all.Where(r => r.PreviousIds.Count > 0).ToList();
        if (renamed.Count == 0)
        {
            return;
        }

        var orgIds = all.Select(r => r.OrgId).ToList();
        foreach (var backRef in config.NameReference)
        {
            // Only objects of the target kind that were renamed can be referred to by an old name.
            var targets = renamed.Where(r => HadGvk(r, backRef.Target)).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            foreach (var spec in backRef.Referrers)
            {
                for (var i = 0; i < all.Count; i++)
                {
                    if (!orgIds[i].Gvk.IsSelectedBy(spec.Gvk))
                    {
                        continue;
                    }

                    var referrer = all[i];
                    var candidates = CouldBeReferencedBy(referrer, targets);
                    var everything = new Lazy<List<Resource>>(() => CouldBeReferencedBy(referrer, all));
                    FieldWalker.Walk(referrer.Root, spec, (parent, key, value) =>
                        Fix(value, referrer, candidates, everything, backRef.Target, spec), createLeaf: false, referrer.Root.Span);
                }
            }
        }
    }

    private static void Fix(YamlNode? value, Resource referrer, List<Resource> candidates, Lazy<List<Resource>> everything, Gvk target, FieldSpec spec)
    {
        switch (value)
        {
            case YamlScalar { IsNull: false } scalar:
                FixScalar(scalar, referrer, candidates, target, spec);
                break;
            case YamlMapping map:
                FixMapping(map, referrer, candidates, everything, target, spec);
                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    if (item is YamlScalar s)
                    {
                        FixScalar(s, referrer, candidates, target, spec);
                    }
                    else if (item is YamlMapping m)
                    {
                        FixMapping(m, referrer, candidates, everything, target, spec);
                    }
                }

                break;
        }
    }

    private static void FixScalar(YamlScalar scalar, Resource referrer, List<Resource> candidates, Gvk target, FieldSpec spec)
    {
        var referral = Select(scalar.Value, referrer, candidates, target, spec, sameNamespaceToo: false);
        if (referral is null || referral.Name == scalar.Value)
        {
            return;
        }

        SetFrom(scalar, referral.Name, referral);
    }

    private static void FixMapping(YamlMapping map, Resource referrer, List<Resource> candidates, Lazy<List<Resource>> everything, Gvk target, FieldSpec spec)
    {
        if (map.GetScalar("name") is not { } nameNode)
        {
            return;
        }

        if (map.GetString("namespace") is { } ns)
        {
            // kustomize groups every object the referrer may name by original (effective) namespace; if that group
            // exists it is used, otherwise the group by current namespace.
            static bool InNamespace(ResId id, string ns) => !id.IsClusterScoped && id.EffectiveNamespace == ns;
            var originalGroupExists = everything.Value.Any(c => InNamespace(c.OrgId, ns));
            candidates = originalGroupExists
                ? candidates.Where(c => InNamespace(c.OrgId, ns)).ToList()
                : candidates.Where(c => InNamespace(c.CurId, ns)).ToList();
        }

        var referral = Select(nameNode.Value, referrer, candidates, target, spec, sameNamespaceToo: true);
        if (referral is null)
        {
            return;
        }

        if (referral.Name == nameNode.Value && referral.Namespace.Length == 0)
        {
            return;
        }

        SetFrom(nameNode, referral.Name, referral);
        if (referral.Namespace.Length > 0)
        {
            if (map.GetScalar("namespace") is { } nsNode)
            {
                SetFrom(nsNode, referral.Namespace, referral);
            }
            else
            {
                map.Set("namespace", new YamlScalar(referral.Namespace, nameNode.Span, ScalarStyle.DoubleQuoted) { Provenance = referral.Metadata?.GetScalar("namespace")?.Provenance });
            }
        }
    }

    /// <summary>The renamed value points where the target's new name comes from (e.g. the namePrefix entry).</summary>
    private static void SetFrom(YamlScalar scalar, string value, Resource referral)
    {
        scalar.Value = value;
        scalar.Style = ScalarStyle.DoubleQuoted;
        scalar.Provenance = referral.Metadata?.GetScalar("name")?.Provenance ?? scalar.Provenance;
    }

    private static Resource? Select(string oldName, Resource referrer, List<Resource> candidates, Gvk target, FieldSpec spec, bool sameNamespaceToo)
    {
        var list = candidates.Where(c => HadName(c, oldName) && HadGvk(c, target)).ToList();
        if (spec.Path.EndsWith("roleRef/name", StringComparison.Ordinal) && referrer.Root.GetMapping("roleRef") is { } roleRef
            && roleRef.GetString("kind") is { } roleKind)
        {
            var roleGvk = new Gvk(roleRef.GetString("apiGroup") ?? string.Empty, string.Empty, roleKind);
            list = list.Where(c => HadGvk(c, roleGvk)).ToList();
        }

        var referrerId = referrer.CurId;
        if (!referrerId.IsClusterScoped)
        {
            list = list.Where(c => c.CurId.IsClusterScoped || c.Kind == "ServiceAccount" || referrerId.IsNsEquals(c.CurId)).ToList();
        }

        if (list.Count == 1)
        {
            return list[0];
        }

        list = list.Where(c => PrefixSuffixEquals(c, referrer, allowEmpty: true)).ToList();
        if (list.Count > 1)
        {
            list = list.Where(c => PrefixSuffixEquals(c, referrer, allowEmpty: false)).ToList();
        }

        if (list.Count == 1)
        {
            return list[0];
        }

        if (list.Count == 0)
        {
            return null;
        }

        var first = list[0];
        var identical = sameNamespaceToo
            ? list.All(c => c.Name == first.Name && c.Namespace == first.Namespace)
            : list.All(c => c.Name == first.Name);
        if (identical)
        {
            return first;
        }

        throw new KustomizeException(KustomizeDescriptors.TransformerError, referrer.Root.Span,
            $"found multiple possible referrals: {string.Join(", ", list.Select(c => c.CurId))} for '{oldName}' in {referrer.CurId}");
    }

    private static bool PrefixSuffixEquals(Resource a, Resource b, bool allowEmpty)
    {
        if (allowEmpty)
        {
            var prefixOk = a.NamePrefixes.Count == 0 || b.NamePrefixes.Count == 0 || SameEnding(a.NamePrefixes, b.NamePrefixes);
            var suffixOk = a.NameSuffixes.Count == 0 || b.NameSuffixes.Count == 0 || SameEnding(a.NameSuffixes, b.NameSuffixes);
            return prefixOk && suffixOk;
        }

        return SameEnding(a.NamePrefixes, b.NamePrefixes) && SameEnding(a.NameSuffixes, b.NameSuffixes);
    }

    /// <summary>One list ends with the other (kustomize's SameEndingSubSlice).</summary>
    private static bool SameEnding(List<string> a, List<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return a.Count == b.Count;
        }

        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        for (var i = 0; i < shorter.Count; i++)
        {
            if (shorter[shorter.Count - 1 - i] != longer[longer.Count - 1 - i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>kustomize refuses a RoleBinding subject whose <c>namespace</c> key has no value.</summary>
    private static void RejectBlankSubjectNamespaces(List<Resource> all)
    {
        foreach (var r in all)
        {
            if (r.Kind != "RoleBinding" || r.CurId.IsClusterScoped || r.Root.GetSequence("subjects") is not { } subjects)
            {
                continue;
            }

            foreach (var subject in subjects.Items.OfType<YamlMapping>())
            {
                if (subject.GetEntry("namespace") is { } ns && subject.ContainsKey("name") && ns.Value is not YamlScalar { IsNull: false })
                {
                    throw new KustomizeException(KustomizeDescriptors.TransformerError, ns.Key.Span,
                        $"Invalid Input: namespace is blank for resource \"{r.CurId}\"");
                }
            }
        }
    }

    /// <summary>Objects the referrer may name: same namespace, cluster-scoped, or (for a RoleBinding) its subjects' namespaces.</summary>
    private static List<Resource> CouldBeReferencedBy(Resource referrer, List<Resource> targets)
    {
        var referrerId = referrer.CurId;
        if (referrerId.IsClusterScoped)
        {
            return targets;
        }

        if (referrer.Kind != "RoleBinding" || referrer.Root.GetSequence("subjects") is not { } subjects)
        {
            return targets.Where(t => t.CurId.IsClusterScoped || t.CurId.IsNsEquals(referrerId)).ToList();
        }

        var subjectNamespaces = new HashSet<string>(StringComparer.Ordinal);
        {
            foreach (var s in subjects.Items.OfType<YamlMapping>())
            {
                if (s.GetString("kind") == "ServiceAccount" && s.GetString("namespace") is { } ns)
                {
                    subjectNamespaces.Add(ns);
                }
            }
        }

        return targets.Where(t => t.CurId.IsClusterScoped || t.CurId.IsNsEquals(referrerId) || subjectNamespaces.Contains(t.Namespace)).ToList();
    }

    // Loops rather than LINQ: these run for every referrer field of every overlay, and Any() over a List boxes its enumerator.
    private static bool HadGvk(Resource resource, Gvk selector)
    {
        foreach (var id in resource.PreviousIds)
        {
            if (id.Gvk.IsSelectedBy(selector))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HadName(Resource resource, string name)
    {
        foreach (var id in resource.PreviousIds)
        {
            if (id.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
