namespace Vixens.Lint.Helm.Values;

/// <summary>Helm's dotted paths into values (<c>Values.Table</c>, <c>Values.PathValue</c>, <c>pathToMap</c>).</summary>
public static class ValuePaths
{
    /// <summary>The table at a dotted path (<c>a.b</c>); false when a step is missing or not a table.</summary>
    public static bool TryTable(Dictionary<string, object?> values, string path, out Dictionary<string, object?> table)
    {
        table = values;
        foreach (var part in path.Split('.'))
        {
            if (!table.TryGetValue(part, out var next) || next is not Dictionary<string, object?> nextTable)
            {
                table = ValueMaps.NewMap();
                return false;
            }

            table = nextTable;
        }

        return true;
    }

    /// <summary>The non-table value at a dotted path; false when missing or a table.</summary>
    public static bool TryPathValue(Dictionary<string, object?> values, string path, out object? value)
    {
        value = null;
        if (path.Length == 0)
        {
            return false;
        }

        var parts = path.Split('.');
        var container = values;
        if (parts.Length > 1 && !TryTable(values, string.Join('.', parts[..^1]), out container))
        {
            return false;
        }

        if (container.TryGetValue(parts[^1], out var found) && found is not Dictionary<string, object?>)
        {
            value = found;
            return true;
        }

        return false;
    }

    /// <summary>Nests <paramref name="data"/> under a dotted path (<c>.</c> means the top).</summary>
    public static Dictionary<string, object?> PathToMap(string path, Dictionary<string, object?> data)
    {
        if (path == ".")
        {
            return data;
        }

        var current = data;
        var parts = path.Split('.');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            current = new Dictionary<string, object?>(StringComparer.Ordinal) { [parts[i]] = current };
        }

        return current;
    }
}
