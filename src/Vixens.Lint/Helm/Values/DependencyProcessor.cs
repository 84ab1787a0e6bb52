using Vixens.Lint.Helm.Charts;

namespace Vixens.Lint.Helm.Values;

/// <summary>
/// Helm's <c>ProcessDependenciesWithMerge</c>, run on a private copy of the chart tree before rendering: aliases
/// (a renamed copy of the subchart), <c>condition</c> and <c>tags</c> (disabled subcharts are dropped), then
/// <c>import-values</c> (child tables copied into the parent's values, which become the merged values of the parent).
/// </summary>
public static class DependencyProcessor
{
    public static void Process(Chart chart, Dictionary<string, object?> values, List<string> warnings)
    {
        ProcessEnabled(chart, values, string.Empty, warnings);
        ProcessImportValues(chart, warnings);
    }

    private static void ProcessEnabled(Chart chart, Dictionary<string, object?> values, string path, List<string> warnings)
    {
        var requirements = chart.Metadata.Dependencies;
        if (requirements is null)
        {
            return;
        }

        var kept = new List<Chart>();
        foreach (var existing in chart.Dependencies)
        {
            if (!requirements.Any(r => r is not null && existing.Name == r.Name && SemverConstraint.IsCompatibleRange(r.Version, existing.Metadata.Version)))
            {
                kept.Add(existing);
            }
        }

        foreach (var requirement in requirements)
        {
            if (requirement is null)
            {
                continue;
            }

            var match = chart.Dependencies.FirstOrDefault(c => c.Name == requirement.Name && SemverConstraint.IsCompatibleRange(requirement.Version, c.Metadata.Version));
            if (match is not null)
            {
                kept.Add(match.ShallowCopy(requirement.Alias.Length > 0 ? requirement.Alias : null));
            }

            if (requirement.Alias.Length > 0)
            {
                requirement.Name = requirement.Alias;
            }
        }

        chart.SetDependencies(kept);
        foreach (var requirement in requirements.OfType<ChartDependency>())
        {
            requirement.Enabled = true;
        }

        var coalesced = ValuesCoalescer.Coalesce(chart, values, warnings);
        ApplyTags(requirements, coalesced, warnings);
        ApplyConditions(requirements, coalesced, path, warnings);

        var disabled = requirements.OfType<ChartDependency>().Where(r => !r.Enabled).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var enabledCharts = chart.Dependencies.Where(c => !disabled.Contains(c.Name)).ToList();
        var enabledRequirements = requirements.Where(r => r is null || !disabled.Contains(r.Name)).ToList();
        foreach (var sub in enabledCharts)
        {
            ProcessEnabled(sub, coalesced, path + sub.Name + ".", warnings);
        }

        chart.Metadata.Dependencies = enabledRequirements;
        chart.SetDependencies(enabledCharts);
    }

    private static void ApplyConditions(List<ChartDependency?> requirements, Dictionary<string, object?> values, string path, List<string> warnings)
    {
        foreach (var requirement in requirements.OfType<ChartDependency>())
        {
            foreach (var condition in requirement.Condition.Trim().Split(','))
            {
                if (condition.Length == 0)
                {
                    continue;
                }

                if (ValuePaths.TryPathValue(values, path + condition, out var value))
                {
                    if (value is bool enabled)
                    {
                        requirement.Enabled = enabled;
                        break;
                    }

                    warnings.Add($"Warning: Condition path '{condition}' for chart {requirement.Name} returned non-bool value");
                }
            }
        }
    }

    private static void ApplyTags(List<ChartDependency?> requirements, Dictionary<string, object?> values, List<string> warnings)
    {
        if (!ValuePaths.TryTable(values, "tags", out var tags))
        {
            return;
        }

        foreach (var requirement in requirements.OfType<ChartDependency>())
        {
            bool anyTrue = false, anyFalse = false;
            foreach (var tag in requirement.Tags)
            {
                if (tags.TryGetValue(tag, out var value))
                {
                    if (value is bool b)
                    {
                        anyTrue |= b;
                        anyFalse |= !b;
                    }
                    else
                    {
                        warnings.Add($"Warning: Tag '{tag}' for chart {requirement.Name} returned non-bool value");
                    }
                }
            }

            if (!anyTrue && anyFalse)
            {
                requirement.Enabled = false;
            }
            else
            {
                requirement.Enabled = true;
            }
        }
    }

    private static void ProcessImportValues(Chart chart, List<string> warnings)
    {
        foreach (var sub in chart.Dependencies)
        {
            ProcessImportValues(sub, warnings);
        }

        if (chart.Metadata.Dependencies is not { } requirements)
        {
            return;
        }

        var merged = ValuesCoalescer.Merge(chart, null, warnings);
        var imported = ValueMaps.NewMap();
        foreach (var requirement in requirements.OfType<ChartDependency>())
        {
            var normalized = new List<object?>();
            foreach (var entry in requirement.ImportValues)
            {
                string child, parent;
                switch (entry)
                {
                    case Dictionary<string, object?> map:
                        child = map.GetValueOrDefault("child") as string
                            ?? throw new HelmException($"interface conversion: interface {{}} is {DescribeGoType(map.GetValueOrDefault("child"))}, not string", HelmErrorKind.Values);
                        parent = map.GetValueOrDefault("parent") as string
                            ?? throw new HelmException($"interface conversion: interface {{}} is {DescribeGoType(map.GetValueOrDefault("parent"))}, not string", HelmErrorKind.Values);
                        break;
                    case string export:
                        child = "exports." + export;
                        parent = ".";
                        break;
                    default:
                        continue;
                }

                normalized.Add(new Dictionary<string, string>(StringComparer.Ordinal) { ["child"] = child, ["parent"] = parent });
                if (!ValuePaths.TryTable(merged, requirement.Name + "." + child, out var table))
                {
                    warnings.Add($"Warning: ImportValues missing table from chart {requirement.Name}");
                    continue;
                }

                imported = ValuesCoalescer.Tables(imported, ValuePaths.PathToMap(parent, table), merge: true, warnings);
            }

            requirement.ImportValues = normalized;
        }

        chart.Values = ValuesCoalescer.Tables(ValueMaps.DeepCopyMap(merged), imported, merge: true, warnings);
    }

    private static string DescribeGoType(object? value) => value switch
    {
        null => "nil",
        string => "string",
        bool => "bool",
        double => "float64",
        _ => "map[string]interface {}",
    };
}
