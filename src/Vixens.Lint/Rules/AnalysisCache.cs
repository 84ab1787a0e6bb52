using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Vixens.Lint.Model;
using Vixens.Lint.Rules.Packs;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules;

/// <summary>
/// Work shared by all rules of one analysis run (rules run in parallel, so everything here is thread-safe): the JSON
/// form of YAML nodes for schema rules, and resources indexed by kind for cross-resource rules. Lives as long as the run.
/// </summary>
public sealed class AnalysisCache
{
    private readonly ConditionalWeakTable<YamlNode, YamlJsonDocument> _json = [];
    private readonly ConcurrentDictionary<string, IReadOnlyList<KubeResource>> _byKind = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<KubeResource> _resources;

    public AnalysisCache(IReadOnlyList<KubeResource> resources) => _resources = resources;

    public YamlJsonDocument Json(YamlNode node) => _json.GetValue(node, YamlJson.Convert);

    public IReadOnlyList<KubeResource> OfKind(string kind) =>
        _byKind.GetOrAdd(kind, k => _resources.Where(r => string.Equals(r.Kind, k, StringComparison.Ordinal)).ToList());
}
