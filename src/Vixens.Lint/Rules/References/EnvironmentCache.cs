using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.References;

/// <summary>
/// Facts derived from an environment's <see cref="ResourceIndex"/> (producers, Helm namespaces, name mentions), computed
/// once per index and shared by every unit of the environment and every rule, on any thread. Rules stay stateless: the
/// cache lives as long as the index does.
/// </summary>
internal static class EnvironmentCache
{
    private static readonly ConditionalWeakTable<ResourceIndex, ConcurrentDictionary<string, Lazy<object>>> Tables = new();

    public static T Get<T>(ResourceIndex index, string key, Func<ResourceIndex, T> factory)
        where T : class
    {
        var table = Tables.GetValue(index, _ => new ConcurrentDictionary<string, Lazy<object>>(StringComparer.Ordinal));
        return (T)table.GetOrAdd(key, _ => new Lazy<object>(() => factory(index), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
