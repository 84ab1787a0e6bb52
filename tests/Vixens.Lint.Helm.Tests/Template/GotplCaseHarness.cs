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
    public static (string? Output, string? Error) Render(string caseName) => RenderDirectory(Path.Combine(CasesRoot, caseName));

    /// <summary>Renders the case in <paramref name="caseDir"/> (a folder holding chart/ and meta.json).</summary>
    public static (string? Output, string? Error) RenderDirectory(string caseDir)
    {
        var dir = Path.Combine(caseDir, "chart");
        var valuesPath = Path.Combine(dir, "values.yaml");
        var templates = Directory.GetFiles(Path.Combine(dir, "templates"))
            .OrderBy(static f => f, StringComparer.Ordinal)
            .Select(static f => KeyValuePair.Create(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        var values = ReadValues(File.Exists(valuesPath) ? File.ReadAllText(valuesPath) : null);
        ApplySetFlags(Path.Combine(caseDir, "meta.json"), values);
        return RenderFiles(ReadChartName(dir), templates, values);
    }

    /// <summary>Renders templates (file name and text, in parse order) of chart <paramref name="chartName"/>.</summary>
    public static (string? Output, string? Error) RenderFiles(string chartName, IReadOnlyList<KeyValuePair<string, string>> templates, Dictionary<string, object?> values)
    {
        var set = new GoTemplateSet("gotpl") { MissingKey = GoMissingKey.Zero };
        set.Funcs(Functions(set));
        try
        {
            foreach (var (file, text) in templates)
            {
                set.Parse($"{chartName}/templates/{file}", text);
            }
        }
        catch (GoTemplateParseException ex)
        {
            var tokens = ex.Message.Split(": ");
            return (null, $"parse error at ({tokens[1]}): {tokens[^1]}");
        }

        var sb = new StringBuilder();
        foreach (var (file, _) in templates.Where(static t => !t.Key.StartsWith('_')))
        {
            var name = $"{chartName}/templates/{file}";
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
        if (!File.Exists(metaPath))
        {
            return;
        }

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

    /// <summary>values.yaml read as Helm reads it (sigs.k8s.io/yaml: go-yaml v2 scalars, float64 numbers) into chartutil.Values.</summary>
    public static Dictionary<string, object?> ReadValues(string? text)
    {
        var values = new ChartValues();
        if (text is not null && Vixens.Lint.Helm.Functions.GoYaml.Unmarshal(text) is Dictionary<string, object?> map)
        {
            foreach (var (k, v) in map)
            {
                values[k] = v;
            }
        }

        return values;
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
