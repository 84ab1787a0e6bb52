using Vixens.Lint.Helm.Values;

namespace Vixens.Lint.Helm.Charts;

/// <summary>
/// Decodes Chart.yaml (and requirements.yaml) from Go values into <see cref="ChartMetadata"/> as Go's
/// <c>encoding/json</c> does after sigs.k8s.io/yaml: unknown keys ignored, keys matched case-insensitively, null keeps
/// the zero value, a value of the wrong JSON kind is an error naming the Go field.
/// </summary>
internal static class ChartMetadataReader
{
    public static void Fill(ChartMetadata md, Dictionary<string, object?> map)
    {
        foreach (var (key, value) in map)
        {
            switch (key.ToLowerInvariant())
            {
                case "name": md.Name = Str(value, "Metadata", "name") ?? md.Name; break;
                case "home": md.Home = Str(value, "Metadata", "home") ?? md.Home; break;
                case "sources": md.Sources = StrList(value, "Metadata", "sources") ?? md.Sources; break;
                case "version": md.Version = Str(value, "Metadata", "version") ?? md.Version; break;
                case "description": md.Description = Str(value, "Metadata", "description") ?? md.Description; break;
                case "keywords": md.Keywords = StrList(value, "Metadata", "keywords") ?? md.Keywords; break;
                case "maintainers": md.Maintainers = Maintainers(value) ?? md.Maintainers; break;
                case "icon": md.Icon = Str(value, "Metadata", "icon") ?? md.Icon; break;
                case "apiversion": md.APIVersion = Str(value, "Metadata", "apiVersion") ?? md.APIVersion; break;
                case "condition": md.Condition = Str(value, "Metadata", "condition") ?? md.Condition; break;
                case "tags": md.Tags = Str(value, "Metadata", "tags") ?? md.Tags; break;
                case "appversion": md.AppVersion = Str(value, "Metadata", "appVersion") ?? md.AppVersion; break;
                case "deprecated": md.Deprecated = Bool(value, "Metadata", "deprecated") ?? md.Deprecated; break;
                case "annotations": md.Annotations = StrMap(value, "Metadata", "annotations") ?? md.Annotations; break;
                case "kubeversion": md.KubeVersion = Str(value, "Metadata", "kubeVersion") ?? md.KubeVersion; break;
                case "dependencies": md.Dependencies = Dependencies(value, "Metadata", "dependencies") ?? md.Dependencies; break;
                case "type": md.Type = Str(value, "Metadata", "type") ?? md.Type; break;
            }
        }
    }

    /// <summary>The dependency list of a Chart.lock map (its <c>dependencies</c> key).</summary>
    public static List<ChartDependency?> LockDependencies(Dictionary<string, object?> map) =>
        map.FirstOrDefault(kv => kv.Key.Equals("dependencies", StringComparison.OrdinalIgnoreCase)).Value is { } deps
            ? Dependencies(deps, "Lock", "dependencies") ?? []
            : [];

    private static List<ChartDependency?>? Dependencies(object? value, string owner, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not List<object?> list)
        {
            throw TypeError(value, owner, field, "[]*chart.Dependency");
        }

        return list.Select(item => item is null ? null : Dependency(item, field)).ToList();
    }

    private static ChartDependency Dependency(object item, string path)
    {
        if (item is not Dictionary<string, object?> map)
        {
            throw TypeError(item, "Metadata", path, "chart.Dependency");
        }

        var d = new ChartDependency();
        foreach (var (key, value) in map)
        {
            switch (key.ToLowerInvariant())
            {
                case "name": d.Name = Str(value, "Dependency", path + ".name") ?? d.Name; break;
                case "version": d.Version = Str(value, "Dependency", path + ".version") ?? d.Version; break;
                case "repository": d.Repository = Str(value, "Dependency", path + ".repository") ?? d.Repository; break;
                case "condition": d.Condition = Str(value, "Dependency", path + ".condition") ?? d.Condition; break;
                case "tags": d.Tags = StrList(value, "Dependency", path + ".tags") ?? d.Tags; break;
                case "enabled": d.Enabled = Bool(value, "Dependency", path + ".enabled") ?? d.Enabled; break;
                case "import-values":
                    d.ImportValues = value switch
                    {
                        null => d.ImportValues,
                        List<object?> l => l,
                        _ => throw TypeError(value, "Dependency", path + ".import-values", "[]interface {}"),
                    };
                    break;
                case "alias": d.Alias = Str(value, "Dependency", path + ".alias") ?? d.Alias; break;
            }
        }

        return d;
    }

    private static List<ChartMaintainer?>? Maintainers(object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not List<object?> list)
        {
            throw TypeError(value, "Metadata", "maintainers", "[]*chart.Maintainer");
        }

        return list.Select(item =>
        {
            if (item is null)
            {
                return null;
            }

            if (item is not Dictionary<string, object?> map)
            {
                throw TypeError(item, "Metadata", "maintainers", "chart.Maintainer");
            }

            var m = new ChartMaintainer();
            foreach (var (key, v) in map)
            {
                switch (key.ToLowerInvariant())
                {
                    case "name": m.Name = Str(v, "Maintainer", "maintainers.name") ?? m.Name; break;
                    case "email": m.Email = Str(v, "Maintainer", "maintainers.email") ?? m.Email; break;
                    case "url": m.URL = Str(v, "Maintainer", "maintainers.url") ?? m.URL; break;
                }
            }

            return (ChartMaintainer?)m;
        }).ToList();
    }

    private static string? Str(object? value, string owner, string field) => value switch
    {
        null => null,
        _ => ScalarText(value) ?? throw TypeError(value, owner, field, "string"),
    };

    /// <summary>
    /// sigs.k8s.io/yaml converts a YAML scalar to the string a Go string field wants (<c>appVersion: 1.10</c> is
    /// <c>"1.1"</c>: the number printed as a float32), so only maps and lists fail.
    /// </summary>
    internal static string? ScalarText(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatFloat32(d),
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string FormatFloat32(double d)
    {
        var text = ((float)d).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        // Go's %g exponent: at least two digits, explicit sign.
        var exponent = int.Parse(text[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return text[..e] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool? Bool(object? value, string owner, string field) => value switch
    {
        null => null,
        bool b => b,
        _ => throw TypeError(value, owner, field, "bool"),
    };

    private static List<string>? StrList(object? value, string owner, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not List<object?> list)
        {
            throw TypeError(value, owner, field, "[]string");
        }

        return list.Select(item => item is null ? string.Empty : ScalarText(item) ?? throw TypeError(item, owner, field, "string")).ToList();
    }

    private static Dictionary<string, string>? StrMap(object? value, string owner, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not Dictionary<string, object?> map)
        {
            throw TypeError(value, owner, field, "map[string]string");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map)
        {
            result[k] = v is null ? string.Empty : ScalarText(v) ?? throw TypeError(v, owner, field, "string");
        }

        return result;
    }

    private static HelmYamlException TypeError(object? value, string owner, string field, string goType) =>
        new($"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {HelmYaml.JsonKind(value)} into Go struct field {owner}.{field} of type {goType}");
}
