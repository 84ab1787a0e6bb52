using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Maturity;

/// <summary>Shared reading of <c>resources.requests/limits</c> and the Vixens sizing label that replaces them.</summary>
internal static class ResourceFields
{
    public const string SizingLabelPrefix = "vixens.io/sizing.";

    /// <summary>The <c>vixens.io/sizing.&lt;container&gt;</c> pod label makes Kyverno's sizing-v2 policy inject requests and limits.</summary>
    public static bool HasSizingLabel(ContainerView container) =>
        container.Pod.Labels.ContainsKey(SizingLabelPrefix + container.Name);

    /// <summary>The resource names (<c>cpu</c>, <c>memory</c>) missing or empty under <c>resources.&lt;section&gt;</c>.</summary>
    public static IReadOnlyList<string> Missing(ContainerView container, string section)
    {
        var values = container.Node.GetMapping("resources")?.GetMapping(section);
        var missing = new List<string>(2);
        foreach (var name in new[] { "cpu", "memory" })
        {
            if (values?[name] is not YamlScalar { IsNull: false } scalar || scalar.Value.Length == 0)
            {
                missing.Add(name);
            }
        }

        return missing;
    }

    /// <summary>The most precise node to point at: the section's key, else the <c>resources</c> key, else the container's name.</summary>
    public static YamlNode Anchor(ContainerView container, string section)
    {
        var resources = container.Node.GetEntry("resources");
        return (resources?.Value as YamlMapping)?.GetEntry(section)?.Key
            ?? resources?.Key
            ?? (YamlNode?)container.Node.GetScalar("name")
            ?? container.Node;
    }
}
