using System.Globalization;
using System.Text;
using Vixens.Lint.Helm.Template;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Helm.Tests.Template;

/// <summary>
/// A test-only stand-in for Helm's render loop, just enough for the <c>gotpl</c> conformance family: every file of
/// <c>chart/templates</c> parsed into one set (missingkey=zero), each non-partial file executed with the chart's
/// values, <c>&lt;no value&gt;</c> removed, printed as <c>helm template</c> prints one manifest. Helm's <c>include</c>
/// (with its 1,000-deep recursion guard), sprig's <c>nindent</c> and the few other functions the family's snippets call
/// are written here in their simplest form. The real render loop is the charts engine's.
/// </summary>
internal static class GotplCaseHarness
{
    public static string CasesRoot => SharedPaths.HelmCases;

    public static IEnumerable<string> CaseNames() =>
        File.ReadAllLines(Path.Combine(CasesRoot, "features.tsv"))
            .Skip(1)
            .Select(static l => l.Split('\t'))
            .Where(static f => f.Length > 1 && f[1] == "gotpl")
            .Select(static f => f[0]);

    /// <summary>Renders a case; returns (stdout, null) or (null, the error message Helm prints after "Error: ").</summary>
    public static (string? Output, string? Error) Render(string caseName)
    {
        var dir = Path.Combine(CasesRoot, caseName, "chart");
        var chartName = ReadChartName(dir);
        var values = ReadValues(Path.Combine(dir, "values.yaml"));
        ApplySetFlags(Path.Combine(CasesRoot, caseName, "meta.json"), values);
        var set = new GoTemplateSet("gotpl") { MissingKey = GoMissingKey.Zero };
        set.Funcs(Functions(set));
        var files = Directory.GetFiles(Path.Combine(dir, "templates")).OrderBy(static f => f, StringComparer.Ordinal).ToList();
        try
        {
            foreach (var file in files)
            {
                var name = $"{chartName}/templates/{Path.GetFileName(file)}";
                set.Parse(name, File.ReadAllText(file));
            }
        }
        catch (GoTemplateParseException ex)
        {
            var tokens = ex.Message.Split(": ");
            return (null, $"parse error at ({tokens[1]}): {tokens[^1]}");
        }

        var sb = new StringBuilder();
        foreach (var file in files.Where(static f => !Path.GetFileName(f).StartsWith('_')))
        {
            var name = $"{chartName}/templates/{Path.GetFileName(file)}";
            var top = new Dictionary<string, object?>
            {
                ["Values"] = values,
                ["Release"] = new Dictionary<string, object?> { ["Name"] = "rel", ["Namespace"] = "ns1", ["Service"] = "Helm", ["IsInstall"] = true, ["IsUpgrade"] = false, ["Revision"] = 1 },
                ["Template"] = new Dictionary<string, object?> { ["Name"] = name, ["BasePath"] = $"{chartName}/templates" },
            };
            string rendered;
            try
            {
                rendered = GoTemplateSet.RunWithLargeStack(() => set.ExecuteToString(name, top));
            }
            catch (GoTemplateExecException ex)
            {
                return (null, HelmExecError(ex.Message));
            }

            rendered = rendered.Replace("<no value>", string.Empty, StringComparison.Ordinal).Trim();
            if (rendered.Length > 0)
            {
                sb.Append("---\n# Source: ").Append(name).Append('\n').Append(rendered).Append('\n');
            }
        }

        return (sb.ToString(), null);
    }

    /// <summary>Helm's reformatExecErrorMsg: a <c>fail</c> message (wrapped in HELM[...]HELM) is shown alone.</summary>
    private static string HelmExecError(string message)
    {
        var tokens = message.Split(": ", 3);
        var start = message.IndexOf("HELM[", StringComparison.Ordinal);
        var end = message.LastIndexOf("]HELM", StringComparison.Ordinal);
        if (tokens.Length == 3 && start >= 0 && end > start)
        {
            return $"execution error at ({tokens[1]}): {message[(start + 5)..end]}";
        }

        return message;
    }

    /// <summary>Top-level <c>--set</c> (int64 for integers), <c>--set-string</c> and <c>--set-json</c> keys: all this family uses.</summary>
    private static void ApplySetFlags(string metaPath, Dictionary<string, object?> values)
    {
        using var meta = System.Text.Json.JsonDocument.Parse(File.ReadAllText(metaPath));
        foreach (var flag in new[] { "set_json", "set", "set_string" })
        {
            foreach (var item in meta.RootElement.GetProperty(flag).EnumerateArray())
            {
                var text = item.GetString()!;
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                var (key, raw) = (text[..eq], text[(eq + 1)..]);
                values[key] = flag switch
                {
                    "set_json" => FromJson(System.Text.Json.JsonDocument.Parse(raw).RootElement),
                    "set" when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
                    "set" when raw is "true" or "false" => raw == "true",
                    _ => raw,
                };
            }
        }
    }

    private static object? FromJson(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().ToDictionary(static p => p.Name, static p => FromJson(p.Value), StringComparer.Ordinal),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().Select(FromJson).ToList(),
        System.Text.Json.JsonValueKind.Number => e.GetDouble(),
        System.Text.Json.JsonValueKind.String => e.GetString(),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => null,
    };

    private static string ReadChartName(string dir)
    {
        var file = YamlLoader.LoadFile(Path.Combine(dir, "Chart.yaml"));
        return (file.Documents[0].Root as YamlMapping)?.GetString("name") ?? "case";
    }

    private static Dictionary<string, object?> ReadValues(string path)
    {
        if (!File.Exists(path))
        {
            return new ChartValues();
        }

        var file = YamlLoader.LoadFile(path);
        var root = file.Documents.Count > 0 ? file.Documents[0].Root : null;
        var values = new ChartValues();
        if (ToGo(root) is Dictionary<string, object?> map)
        {
            foreach (var (k, v) in map)
            {
                values[k] = v;
            }
        }

        return values;
    }

    /// <summary>YAML to Go values as sigs.k8s.io/yaml gives them: every number a float64.</summary>
    private static object? ToGo(YamlNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlMapping m:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var e in m.Entries)
                {
                    map[e.Key.Value] = ToGo(e.Value);
                }

                return map;
            case YamlSequence s:
                return s.Items.Select(ToGo).ToList();
            case YamlScalar sc:
                switch (sc.Kind)
                {
                    case ScalarKind.Null:
                        return null;
                    case ScalarKind.Bool:
                        return sc.AsBool();
                    case ScalarKind.Int:
                        return sc.TryGetInt64(out var l) ? (double)l : double.Parse(sc.Value, CultureInfo.InvariantCulture);
                    case ScalarKind.Float:
                        return double.Parse(sc.Value.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                    default:
                        return sc.Value;
                }

            default:
                return null;
        }
    }

    private static List<GoFunction> Functions(GoTemplateSet set)
    {
        var included = new Dictionary<string, int>(StringComparer.Ordinal);
        return
        [
            new GoFunction("include", [GoType.String, GoType.Any], null, args =>
            {
                var name = (string)args[0]!;
                if (included.TryGetValue(name, out var n))
                {
                    if (n > 1000)
                    {
                        throw new GoFunctionException($"rendering template has a nested reference name: {name}: unable to execute template");
                    }

                    included[name] = n + 1;
                }
                else
                {
                    included[name] = 1;
                }

                try
                {
                    return set.ExecuteToString(name, args[1]);
                }
                catch (GoTemplateExecException ex)
                {
                    throw new GoFunctionException(ex.Message);
                }
                finally
                {
                    included[name]--;
                }
            }),
            new GoFunction("nindent", [GoType.Int, GoType.String], null, args =>
            {
                var pad = new string(' ', (int)args[0]!);
                return "\n" + pad + ((string)args[1]!).Replace("\n", "\n" + pad, StringComparison.Ordinal);
            }),
            new GoFunction("upper", [GoType.String], null, args => ((string)args[0]!).ToUpperInvariant()),
            new GoFunction("fail", [GoType.String], null, args => throw new GoFunctionException("HELM[" + (string)args[0]! + "]HELM")),
            new GoFunction("add", [], GoType.Any, args => args.Sum(static a => a switch { int i => i, long l => l, double d => (long)d, _ => 0L })),
            new GoFunction("typeOf", [GoType.Any], null, args => GoFmt.Sprintf("%T", args[0])),
            new GoFunction("replace", [GoType.String, GoType.String, GoType.String], null, args =>
                ((string)args[2]!).Replace((string)args[0]!, (string)args[1]!, StringComparison.Ordinal)),
            new GoFunction("dict", [], GoType.Any, args =>
            {
                var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i + 1 < args.Count; i += 2)
                {
                    d[GoFmt.Sprint(args[i])] = args[i + 1];
                }

                return d;
            }),
            new GoFunction("default", [GoType.Any], GoType.Any, args =>
                args.Count > 1 && GoValues.IsTrue(args[1]) ? args[1] : args[0]),
            new GoFunction("empty", [GoType.Any], null, args => !GoValues.IsTrue(args[0])),
        ];
    }
}

/// <summary>Helm's <c>chartutil.Values</c>: the type of <c>.Values</c>.</summary>
internal sealed class ChartValues : Dictionary<string, object?>, IGoNamedType
{
    public ChartValues()
        : base(StringComparer.Ordinal)
    {
    }

    public string GoTypeName => "chartutil.Values";
}
