using System.Text;
using Vixens.Lint.Helm.Functions;
using Vixens.Lint.Helm.Template;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Helm.Tests.Functions;

/// <summary>
/// A test-only stand-in for Helm's render loop, for the <c>sprig</c> conformance family (and the helm-family cases that
/// only call data functions): the chart's templates in one set (missingkey=zero) with every Sprig and Helm data function,
/// a minimal <c>include</c>, values read by <see cref="GoYaml"/>, <c>&lt;no value&gt;</c> removed, printed as
/// <c>helm template</c> prints one manifest. The real render loop is the charts engine's.
/// </summary>
internal static class SprigCaseHarness
{
    public static string CasesRoot => SharedPaths.HelmCases;

    public static IEnumerable<string> CaseNames(string family) =>
        File.ReadAllLines(Path.Combine(CasesRoot, "features.tsv"))
            .Skip(1)
            .Select(static l => l.Split('\t'))
            .Where(f => f.Length > 1 && f[1] == family)
            .Select(static f => f[0]);

    /// <summary>Renders a case; returns (stdout, null) or (null, the error message Helm prints after "Error: ").</summary>
    public static (string? Output, string? Error) Render(string caseName)
    {
        var dir = Path.Combine(CasesRoot, caseName, "chart");
        var chartName = (YamlLoader.LoadFile(Path.Combine(dir, "Chart.yaml")).Documents[0].Root as YamlMapping)?.GetString("name") ?? "case";
        var valuesPath = Path.Combine(dir, "values.yaml");
        var values = File.Exists(valuesPath) ? GoYaml.UnmarshalMap(File.ReadAllText(valuesPath)) : [];
        ApplySet(caseName, values);
        var set = new GoTemplateSet("gotpl") { MissingKey = GoMissingKey.Zero };
        set.Funcs(SprigFunctions.All).Funcs(HelmDataFunctions.All).Funcs(Include(set));
        var files = Directory.GetFiles(Path.Combine(dir, "templates")).OrderBy(static f => f, StringComparer.Ordinal).ToList();
        try
        {
            foreach (var file in files)
            {
                set.Parse($"{chartName}/templates/{Path.GetFileName(file)}", File.ReadAllText(file));
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
                return (null, ex.Message);
            }

            rendered = rendered.Replace("<no value>", string.Empty, StringComparison.Ordinal).Trim();
            if (rendered.Length > 0)
            {
                sb.Append("---\n# Source: ").Append(name).Append('\n').Append(rendered).Append('\n');
            }
        }

        return (sb.ToString(), null);
    }

    /// <summary>The simple <c>--set key=value</c> forms a few cases use: integers are int64, <c>{a,b}</c> a list, the rest strings.</summary>
    private static void ApplySet(string caseName, Dictionary<string, object?> values)
    {
        using var meta = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(CasesRoot, caseName, "meta.json")));
        if (!meta.RootElement.TryGetProperty("set", out var sets) || sets.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return;
        }

        static object? Scalar(string v) => long.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : v;
        foreach (var set in sets.EnumerateArray())
        {
            var text = set.GetString() ?? string.Empty;
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            var value = text[(eq + 1)..];
            values[text[..eq]] = value.StartsWith('{') && value.EndsWith('}')
                ? value[1..^1].Split(',').Select(Scalar).ToList()
                : Scalar(value);
        }
    }

    private static List<GoFunction> Include(GoTemplateSet set) =>
    [
        new GoFunction("include", [GoType.String, GoType.Any], null, args =>
        {
            try
            {
                return set.ExecuteToString((string)args[0]!, args[1]);
            }
            catch (GoTemplateExecException ex)
            {
                throw new GoFunctionException(ex.Message);
            }
        }),
    ];
}
