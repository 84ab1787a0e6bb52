using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// The cluster generator on the declared clusters: those its <c>selector</c> matches (on the Secret's labels), by name
/// (ArgoCD iterates a map, so its order is unspecified; sorting keeps ours stable), then ArgoCD's implicit
/// <c>in-cluster</c> when the selector is empty and no declared cluster already points at
/// <c>https://kubernetes.default.svc</c>. <c>flatList</c> puts them all in one parameter set under <c>clusters</c>.
/// </summary>
internal static class ClusterGenerator
{
    public static List<ParamSet> Generate(YamlMapping generator, ExpansionScope scope)
    {
        var selectorNode = generator.GetMapping("selector");
        var selector = selectorNode is null ? null : ParamSelector.Parse(selectorNode);
        var ignoreLocal = selectorNode is not null &&
            (selectorNode.GetMapping("matchLabels") is { Count: > 0 } || selectorNode.GetSequence("matchExpressions") is { Count: > 0 });

        // ArgoCD keys clusters by name: a later declaration of the same name replaces an earlier one.
        var byName = new Dictionary<string, ClusterDeclaration>(StringComparer.Ordinal);
        foreach (var cluster in scope.Options.Clusters)
        {
            if (selector is null || selector.Matches(WithSecretType(cluster.Labels)))
            {
                byName[cluster.Name] = cluster;
            }
        }

        var result = new List<ParamSet>();
        foreach (var cluster in byName.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var parameters = ClusterParameters(cluster, scope.GoTemplate);
            scope.AppendValues(generator, parameters);
            result.Add(ParamSet.Of(parameters, cluster.Location));
        }

        if (!ignoreLocal && !scope.Options.Clusters.Any(c => c.Server == ClusterDeclaration.InClusterServer))
        {
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = ClusterDeclaration.InClusterName,
                ["nameNormalized"] = ClusterDeclaration.InClusterName,
                ["server"] = ClusterDeclaration.InClusterServer,
                ["project"] = string.Empty,
            };
            scope.AppendValues(generator, parameters);
            result.Add(ParamSet.Of(parameters, generator.Span));
        }

        if (generator.GetScalar("flatList") is { } flat && flat.AsBool())
        {
            var clusters = result.Select(set => (object?)set.Values).ToList();
            return [new ParamSet(new Dictionary<string, object?>(StringComparer.Ordinal) { ["clusters"] = clusters }, result.SelectMany(s => s.Origins).ToList())];
        }

        return result;
    }

    private static Dictionary<string, string> WithSecretType(IReadOnlyDictionary<string, string> labels)
    {
        var withType = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        withType.TryAdd(ClusterDeclaration.SecretTypeLabel, "cluster");
        return withType;
    }

    private static Dictionary<string, object?> ClusterParameters(ClusterDeclaration cluster, bool goTemplate)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = cluster.Name,
            ["nameNormalized"] = ArgoNames.Normalize(cluster.Name),
            ["server"] = cluster.Server,
            ["project"] = cluster.Project ?? string.Empty,
        };

        if (goTemplate)
        {
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (cluster.Annotations.Count > 0)
            {
                metadata["annotations"] = new Dictionary<string, string>(cluster.Annotations, StringComparer.Ordinal);
            }

            if (cluster.Labels.Count > 0)
            {
                metadata["labels"] = new Dictionary<string, string>(cluster.Labels, StringComparer.Ordinal);
            }

            parameters["metadata"] = metadata;
        }
        else
        {
            foreach (var (key, value) in cluster.Annotations)
            {
                parameters["metadata.annotations." + key] = value;
            }

            foreach (var (key, value) in cluster.Labels)
            {
                parameters["metadata.labels." + key] = value;
            }
        }

        return parameters;
    }
}
