using Vixens.Lint.Helm.Charts;

namespace Vixens.Lint.Helm.Values;

/// <summary>
/// Helm's values coalescing: user values over each chart's defaults, subchart tables under the subchart's name,
/// <c>global</c> copied down to every subchart. In coalesce mode a user <c>null</c> deletes the default key; in merge
/// mode (used while dependencies are processed) nulls are kept. Warnings Helm logs are collected, not printed.
/// </summary>
public sealed class ValuesCoalescer
{
    private const string GlobalKey = "global";

    private readonly bool _merge;
    private readonly List<string> _warnings;

    private ValuesCoalescer(bool merge, List<string> warnings)
    {
        _merge = merge;
        _warnings = warnings;
    }

    /// <summary>Helm's <c>CoalesceValues</c>: a coalesced deep copy of <paramref name="values"/> over the chart tree.</summary>
    public static Dictionary<string, object?> Coalesce(Chart chart, Dictionary<string, object?>? values, List<string>? warnings = null) =>
        new ValuesCoalescer(merge: false, warnings ?? []).Run(chart, values);

    /// <summary>Helm's <c>MergeValues</c>: like <see cref="Coalesce"/> but nulls survive.</summary>
    public static Dictionary<string, object?> Merge(Chart chart, Dictionary<string, object?>? values, List<string>? warnings = null) =>
        new ValuesCoalescer(merge: true, warnings ?? []).Run(chart, values);

    /// <summary>Helm's <c>CoalesceTables</c> (<paramref name="merge"/> false) or <c>MergeTables</c>: src fills dst in place.</summary>
    public static Dictionary<string, object?> Tables(Dictionary<string, object?>? dst, Dictionary<string, object?>? src, bool merge, List<string>? warnings = null) =>
        new ValuesCoalescer(merge, warnings ?? []).TablesFullKey(dst, src, string.Empty, merge)!;

    private Dictionary<string, object?> Run(Chart chart, Dictionary<string, object?>? values)
    {
        var copy = values is null ? ValueMaps.NewMap() : ValueMaps.DeepCopyMap(values);
        return ChartAndDeps(chart, copy, string.Empty);
    }

    private Dictionary<string, object?> ChartAndDeps(Chart chart, Dictionary<string, object?> dest, string prefix)
    {
        ChartValues(chart, dest, prefix);
        foreach (var sub in chart.Dependencies)
        {
            if (!dest.TryGetValue(sub.Name, out var existing))
            {
                dest[sub.Name] = existing = ValueMaps.NewMap();
            }
            else if (existing is not Dictionary<string, object?>)
            {
                throw new HelmException($"type mismatch on {sub.Name}: %!t({GoTypeText(existing)})", HelmErrorKind.Values);
            }

            var subValues = (Dictionary<string, object?>)existing!;
            var subPrefix = Concat(prefix, chart.Name);
            Globals(subValues, dest, subPrefix);
            dest[sub.Name] = ChartAndDeps(sub, subValues, subPrefix);
        }

        return dest;
    }

    private void Globals(Dictionary<string, object?> dest, Dictionary<string, object?> src, string prefix)
    {
        Dictionary<string, object?> destGlobals;
        if (!dest.TryGetValue(GlobalKey, out var dg))
        {
            destGlobals = ValueMaps.NewMap();
        }
        else if (dg is Dictionary<string, object?> dgm)
        {
            destGlobals = dgm;
        }
        else
        {
            _warnings.Add($"warning: skipping globals because destination {GlobalKey} is not a table.");
            return;
        }

        Dictionary<string, object?> srcGlobals;
        if (!src.TryGetValue(GlobalKey, out var sg))
        {
            srcGlobals = ValueMaps.NewMap();
        }
        else if (sg is Dictionary<string, object?> sgm)
        {
            srcGlobals = sgm;
        }
        else
        {
            _warnings.Add($"warning: skipping globals because source {GlobalKey} is not a table.");
            return;
        }

        foreach (var (key, value) in srcGlobals)
        {
            if (value is Dictionary<string, object?> table)
            {
                var copy = new Dictionary<string, object?>(table, StringComparer.Ordinal);
                if (!destGlobals.TryGetValue(key, out var destValue))
                {
                    destGlobals[key] = copy;
                }
                else if (destValue is Dictionary<string, object?> destTable)
                {
                    TablesFullKey(copy, destTable, Concat(prefix, key), merge: true);
                    destGlobals[key] = copy;
                }
                else
                {
                    _warnings.Add($"Conflict: cannot merge map onto non-map for \"{key}\". Skipping.");
                }
            }
            else if (destGlobals.TryGetValue(key, out var existing) && existing is Dictionary<string, object?>)
            {
                _warnings.Add($"key {key} is table. Skipping");
            }
            else
            {
                destGlobals[key] = value;
            }
        }

        dest[GlobalKey] = destGlobals;
    }

    private void ChartValues(Chart chart, Dictionary<string, object?> values, string prefix)
    {
        var subPrefix = Concat(prefix, chart.Name);
        var defaults = ValueMaps.DeepCopyMap(chart.Values);
        foreach (var (key, defaultValue) in defaults)
        {
            if (!values.TryGetValue(key, out var value))
            {
                values[key] = defaultValue;
                continue;
            }

            if (value is null && !_merge)
            {
                values.Remove(key);
            }
            else if (value is Dictionary<string, object?> dest)
            {
                if (defaultValue is Dictionary<string, object?> src)
                {
                    // A subchart's table is always merged, so its own nulls survive until it is coalesced itself.
                    var merge = _merge || chart.Dependencies.Any(d => d.Name == key);
                    TablesFullKey(dest, src, Concat(subPrefix, key), merge);
                }
                else if (defaultValue is not null)
                {
                    _warnings.Add($"warning: skipped value for {subPrefix}.{key}: Not a table.");
                }
            }
        }
    }

    private Dictionary<string, object?>? TablesFullKey(Dictionary<string, object?>? dst, Dictionary<string, object?>? src, string prefix, bool merge)
    {
        if (src is null)
        {
            return dst;
        }

        if (dst is null)
        {
            return src;
        }

        foreach (var (key, value) in src)
        {
            var fullKey = Concat(prefix, key);
            var present = dst.TryGetValue(key, out var destValue);
            if (present && !merge && destValue is null)
            {
                dst.Remove(key);
            }
            else if (!present)
            {
                dst[key] = value;
            }
            else if (value is Dictionary<string, object?> srcTable)
            {
                if (destValue is Dictionary<string, object?> destTable)
                {
                    TablesFullKey(destTable, srcTable, fullKey, merge);
                }
                else
                {
                    _warnings.Add($"warning: cannot overwrite table with non table for {fullKey} (map)");
                }
            }
            else if (destValue is Dictionary<string, object?> && value is not null)
            {
                _warnings.Add($"warning: destination for {fullKey} is a table. Ignoring non-table value ({value})");
            }
        }

        return dst;
    }

    private static string Concat(string a, string b) => a.Length == 0 ? b : a + "." + b;

    private static string GoTypeText(object? value) => value switch
    {
        string s => "string=" + s,
        bool b => b ? "true" : "false",
        double d => "float64=" + d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        long l => "int64=" + l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "[]interface {}",
    };
}
