using NUnit.Framework;
using Vixens.Lint.Analysis;

namespace Vixens.Lint.Tests.Layers;

/// <summary>
/// The library's layers (docs/architecture.md, "Layers"), read from the compiled assembly: no namespace cycle, and every
/// dependency points down. A component is the first namespace segment below <c>Vixens.Lint</c>; components on one level
/// (Kustomize and Helm; Suppressions and Baselines) must not use each other.
/// </summary>
[TestFixture]
public sealed class LayerTests
{
    /// <summary>Bottom to top. A component may use the components of lower levels only.</summary>
    internal static readonly string[][] Levels =
    [
        ["Foundation"],
        ["Diagnostics"],
        ["Yaml"],
        ["Model"],
        ["Kustomize", "Helm"],
        ["Schemas"],
        ["GitOps"],
        ["Configuration"],
        ["Rules"],
        ["Suppressions", "Baselines"],
        ["Analysis"],
        ["Reporting"],
    ];

    private static readonly Lazy<NamespaceGraph> Library = new(() => NamespaceGraph.Of(typeof(LintEngine).Assembly, "Vixens.Lint"));

    [Test]
    public void The_library_has_no_namespace_cycle()
    {
        var cycles = Library.Value.Cycles();
        Assert.That(cycles.Select(c => string.Join(" ↔ ", c)), Is.Empty, () => Explain(Library.Value, cycles));
    }

    [Test]
    public void Every_dependency_points_down() =>
        Assert.That(Violations(Library.Value), Is.Empty);

    [Test]
    public void Every_component_has_a_level()
    {
        var known = Levels.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        Assert.That(Library.Value.Components.Where(c => !known.Contains(c)).Order(StringComparer.Ordinal), Is.Empty,
            "a new top-level namespace needs its place in LayerTests.Levels and docs/architecture.md");
    }

    // The test of the test: a graph with a planted cycle and an upward edge must fail both checks.

    [Test]
    public void A_planted_cycle_is_found()
    {
        var graph = NamespaceGraph.FromEdges([("Yaml", "Diagnostics"), ("Diagnostics", "Model"), ("Model", "Yaml"), ("Rules", "Model")]);
        Assert.That(graph.Cycles().Select(c => string.Join(",", c)), Is.EqualTo(new[] { "Diagnostics,Model,Yaml" }));
    }

    [Test]
    public void A_planted_upward_dependency_is_found()
    {
        var graph = NamespaceGraph.FromEdges([("Rules", "Model"), ("GitOps", "Analysis"), ("Kustomize", "Helm")]);
        Assert.That(Violations(graph), Is.EqualTo(new[] { "GitOps (level 6) uses Analysis (level 10): GitOps uses Analysis", "Kustomize (level 4) uses Helm (level 4): Kustomize uses Helm" }));
    }

    [Test]
    public void The_real_assembly_graph_sees_dependencies()
    {
        // Guards the reader itself: if IL reading broke and found nothing, the two checks above would pass on an empty graph.
        var edges = Library.Value.Edges.ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(edges, Does.Contain(("Yaml", "Diagnostics")));
            Assert.That(edges, Does.Contain(("Analysis", "Rules")));
            Assert.That(edges, Does.Contain(("Kustomize", "Model")));
        });
    }

    private static List<string> Violations(NamespaceGraph graph)
    {
        var level = Levels.SelectMany((names, i) => names.Select(n => (n, i))).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return graph.Edges
            .Where(e => level.TryGetValue(e.From, out var from) && level.TryGetValue(e.To, out var to) && to >= from)
            .Select(e => $"{e.From} (level {level[e.From]}) uses {e.To} (level {level[e.To]}): {graph.Evidence(e.From, e.To)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Explain(NamespaceGraph graph, IReadOnlyList<IReadOnlyList<string>> cycles) =>
        string.Join("\n", cycles.SelectMany(c => c.SelectMany(from => c.Where(to => graph.Edges.Contains((from, to))).Select(to => $"{from} -> {to}: {graph.Evidence(from, to)}"))));
}
