using System.Reflection;

namespace Vixens.Lint.Tests.Layers;

/// <summary>
/// The dependencies between the namespaces of an assembly, grouped into components (the first namespace segment below
/// the assembly's root namespace: <c>Vixens.Lint.Kustomize.Patching</c> belongs to <c>Kustomize</c>), each edge with the
/// type-to-type uses that make it.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, List<string>>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    public IEnumerable<string> Components => _edges.Keys.Concat(_edges.Values.SelectMany(e => e.Keys)).Distinct(StringComparer.Ordinal);

    public IEnumerable<(string From, string To)> Edges =>
        _edges.SelectMany(e => e.Value.Keys.Select(to => (e.Key, to)));

    public static NamespaceGraph Of(Assembly assembly, string rootNamespace)
    {
        var graph = new NamespaceGraph();
        foreach (var (from, to) in TypeDependencies.Of(assembly))
        {
            // Compiler-generated helpers (collection-expression wrappers, generated regexes) live outside the root namespace.
            if (!InRoot(TypeDependencies.NamespaceOf(from), rootNamespace) || !InRoot(TypeDependencies.NamespaceOf(to), rootNamespace))
            {
                continue;
            }

            graph.Add(ComponentOf(TypeDependencies.NamespaceOf(from), rootNamespace), ComponentOf(TypeDependencies.NamespaceOf(to), rootNamespace),
                $"{from.FullName} uses {to.FullName}");
        }

        return graph;
    }

    /// <summary>Builds a graph from explicit edges (the test of the test).</summary>
    public static NamespaceGraph FromEdges(IEnumerable<(string From, string To)> edges)
    {
        var graph = new NamespaceGraph();
        foreach (var (from, to) in edges)
        {
            graph.Add(from, to, $"{from} uses {to}");
        }

        return graph;
    }

    private static bool InRoot(string ns, string rootNamespace) =>
        ns == rootNamespace || ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal);

    public static string ComponentOf(string ns, string rootNamespace)
    {
        if (ns == rootNamespace)
        {
            return rootNamespace;
        }

        var rest = ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal) ? ns[(rootNamespace.Length + 1)..] : ns;
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Why <paramref name="from"/> depends on <paramref name="to"/>: a few of the type uses, sorted.</summary>
    public string Evidence(string from, string to, int max = 3) =>
        _edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var reasons)
            ? string.Join("; ", reasons.Order(StringComparer.Ordinal).Distinct().Take(max)) + (reasons.Count > max ? $" (+{reasons.Count - max} more)" : string.Empty)
            : string.Empty;

    /// <summary>The strongly connected components with more than one member: every namespace cycle (Tarjan).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IReadOnlyList<string>>();
        var counter = 0;

        void Visit(string node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Targets(node))
            {
                if (index.TryGetValue(next, out var seen))
                {
                    if (onStack.Contains(next))
                    {
                        low[node] = Math.Min(low[node], seen);
                    }
                }
                else
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
            }

            if (low[node] == index[node])
            {
                var members = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    members.Add(member);
                }
                while (member != node);
                if (members.Count > 1)
                {
                    result.Add(members.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in Components.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return result;
    }

    private IEnumerable<string> Targets(string node) =>
        _edges.TryGetValue(node, out var targets) ? targets.Keys.Order(StringComparer.Ordinal) : [];

    private void Add(string from, string to, string reason)
    {
        if (from == to)
        {
            return;
        }

        if (!_edges.TryGetValue(from, out var targets))
        {
            _edges[from] = targets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        }

        if (!targets.TryGetValue(to, out var reasons))
        {
            targets[to] = reasons = [];
        }

        reasons.Add(reason);
    }
}
