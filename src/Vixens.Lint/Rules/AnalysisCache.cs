using System.Runtime.CompilerServices;
using Vixens.Lint.Rules.Packs;
using Vixens.Lint.Yaml;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Rules;

/// <summary>
/// Work shared by all rules of one analysis run (rules run in parallel, so everything here is thread-safe): the JSON
/// form of YAML nodes for schema rules. Lives as long as the run.
/// </summary>
public sealed class AnalysisCache
{
    private readonly ConditionalWeakTable<YamlNode, YamlJsonDocument> _json = [];
    public YamlJsonDocument Json(YamlNode node) => _json.GetValue(node, YamlJson.Convert);
}
