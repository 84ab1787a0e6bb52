using Vixens.Lint.Foundation;
using System.Text;
using System.Text.RegularExpressions;
using Vixens.Lint.Helm.Charts;
using Vixens.Lint.Helm.Objects;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Rendering;

/// <summary>
/// Helm's engine: every template of the (dependency-processed) chart tree parsed into one Go template set, deepest
/// paths first and, at equal depth, in reverse name order (so the parent's and the alphabetically first definition
/// of a name win), then each non-partial template executed with its own chart's scope (<c>.Values</c>, <c>.Chart</c>,
/// <c>.Files</c>, <c>.Release</c>, <c>.Capabilities</c>, <c>.Template</c>, <c>.Subcharts</c>). Helm's functions
/// <c>include</c>, <c>tpl</c>, <c>required</c>, <c>fail</c> and <c>lookup</c> are defined here; errors are worded as
/// Helm rewords Go's.
/// </summary>
public static partial class HelmRenderer
{
    private const string SetName = "gotpl";

    [GeneratedRegex("HELM_ERR_START((?s).*)HELM_ERR_END")]
    private static partial Regex HelmError();

    /// <summary>Renders every non-partial template; keys are template names (<c>chart/templates/x.yaml</c>).</summary>
    public static Dictionary<string, string> Render(Chart chart, Dictionary<string, object?> values, Dictionary<string, object?> release, GoStruct capabilities, HelmFunctionLibrary functions)
    {
        var toYaml = functions.ToYaml;
        var templates = new Dictionary<string, (string Text, Dictionary<string, object?> Scope, string BasePath)>(StringComparer.Ordinal);
        var top = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Values"] = values, ["Release"] = release, ["Capabilities"] = capabilities };
        CollectTemplates(chart, top, templates, toYaml);

        var set = new GoTemplateSet(SetName) { MissingKey = GoMissingKey.Zero };
        var context = new RenderContext();
        set.Funcs(functions.Functions);
        set.Funcs(HelmFunctions(set, context));

        var order = templates.Keys.ToList();
        order.Sort(DeepestLastNameFirst);
        foreach (var name in order)
        {
            try
            {
                set.Parse(name, templates[name].Text);
            }
            catch (GoTemplateParseException e)
            {
                throw ParseError(name, e);
            }
        }

        return GoTemplateSet.RunWithLargeStack(() =>
        {
            var rendered = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in order)
            {
                if (GoPath.Base(name).StartsWith('_'))
                {
                    continue;
                }

                var (_, scope, basePath) = templates[name];
                scope["Template"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Name"] = name, ["BasePath"] = basePath };
                var output = new StringBuilder();
                try
                {
                    set.Execute(name, scope, output);
                }
                catch (GoTemplateExecException e)
                {
                    throw ExecError(name, e);
                }
                catch (GoTemplateBudgetException e)
                {
                    throw new HelmException(e.Message, HelmErrorKind.Template, name);
                }

                rendered[name] = output.Replace("<no value>", string.Empty).ToString();
            }

            return rendered;
        });
    }

    /// <summary>Evaluates <c>--name-template</c> with the Sprig functions and no data.</summary>
    public static string RenderNameTemplate(string text, HelmFunctionLibrary functions)
    {
        var set = new GoTemplateSet("name-template");
        set.Funcs(functions.Functions);
        try
        {
            set.Parse("name-template", text);
            return set.ExecuteToString("name-template", null);
        }
        catch (Exception e) when (e is GoTemplateParseException or GoTemplateExecException or GoTemplateBudgetException)
        {
            throw new HelmException(e.Message, HelmErrorKind.Usage);
        }
    }

    /// <summary>Helm's template order: more path segments first, then reverse byte order of names.</summary>
    private static int DeepestLastNameFirst(string a, string b)
    {
        var depth = b.Count(c => c == '/').CompareTo(a.Count(c => c == '/'));
        return depth != 0 ? depth : string.CompareOrdinal(b, a);
    }

    private static Dictionary<string, object?> CollectTemplates(
        Chart chart,
        Dictionary<string, object?> parent,
        Dictionary<string, (string, Dictionary<string, object?>, string)> templates,
        Func<object?, string> toYaml)
    {
        var subcharts = new Dictionary<string, object?>(StringComparer.Ordinal);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Chart"] = ChartObject.Create(chart),
            ["Files"] = new FilesObject(chart.Files, toYaml),
            ["Release"] = parent["Release"],
            ["Capabilities"] = parent["Capabilities"],
            ["Values"] = new Dictionary<string, object?>(StringComparer.Ordinal),
            ["Subcharts"] = subcharts,
        };
        if (chart.IsRoot)
        {
            scope["Values"] = parent["Values"];
        }
        else if (parent["Values"] is Dictionary<string, object?> parentValues && parentValues.GetValueOrDefault(chart.Name) is Dictionary<string, object?> own)
        {
            scope["Values"] = own;
        }

        foreach (var sub in chart.Dependencies)
        {
            subcharts[sub.Name] = CollectTemplates(sub, scope, templates, toYaml);
        }

        var prefix = chart.FullPath;
        foreach (var file in chart.Templates)
        {
            // A library chart contributes only its partials.
            if (chart.Metadata.IsLibrary && !GoPath.Base(file.Name).StartsWith('_'))
            {
                continue;
            }

            templates[GoPath.Join(prefix, file.Name)] = (file.Text, scope, GoPath.Join(prefix, "templates"));
        }

        return scope;
    }

    /// <summary>Per-render state shared by every include and tpl, however nested.</summary>
    private sealed class RenderContext
    {
        public Dictionary<string, int> IncludeDepth { get; } = new(StringComparer.Ordinal);
    }

    private const int MaxIncludeDepth = 1000;

    private static IEnumerable<GoFunction> HelmFunctions(GoTemplateSet set, RenderContext context) =>
    [
        Include(set, context),
        Tpl(set, context),
        new GoFunction("required", [GoType.String, GoType.Any], null, args =>
            args[1] is null or "" ? throw new GoFunctionException(Wrap((string)args[0]!)) : args[1]),
        new GoFunction("fail", [GoType.String], null, args => throw new GoFunctionException(Wrap((string)args[0]!))),
        // Offline, as `helm template` without a cluster: every lookup finds nothing.
        new GoFunction("lookup", [GoType.String, GoType.String, GoType.String, GoType.String], null, _ => new Dictionary<string, object?>(StringComparer.Ordinal)),
        new GoFunction("getHostByName", [GoType.String], null, _ => string.Empty),
    ];

    private static string Wrap(string message) => "HELM_ERR_START" + message + "HELM_ERR_END";

    private static GoFunction Include(GoTemplateSet set, RenderContext context) =>
        new("include", [GoType.String, GoType.Any], null, args =>
        {
            var name = (string)args[0]!;
            var depth = context.IncludeDepth.GetValueOrDefault(name);
            if (depth > MaxIncludeDepth)
            {
                throw new GoFunctionException($"rendering template has a nested reference name: {name}: unable to execute template");
            }

            context.IncludeDepth[name] = depth + 1;
            try
            {
                var output = new StringBuilder();
                set.Execute(name, args[1], output);
                return output.ToString();
            }
            catch (GoTemplateExecException e)
            {
                throw new GoFunctionException(e.Message, e);
            }
            finally
            {
                context.IncludeDepth[name]--;
            }
        });

    private static GoFunction Tpl(GoTemplateSet parent, RenderContext context) =>
        new("tpl", [GoType.String, GoType.Any], null, args =>
        {
            var text = (string)args[0]!;
            var clone = parent.Clone();
            clone.MissingKey = GoMissingKey.Zero;
            clone.Funcs([Include(clone, context), Tpl(clone, context)]);
            try
            {
                clone.Parse(SetName, text);
            }
            catch (GoTemplateParseException e)
            {
                throw new GoFunctionException($"cannot parse template {GoQuote.Quote(text)}: {e.Message}", e);
            }

            try
            {
                return clone.ExecuteToString(SetName, args[1]).Replace("<no value>", string.Empty, StringComparison.Ordinal);
            }
            catch (GoTemplateExecException e)
            {
                throw new GoFunctionException($"error during tpl function execution for {GoQuote.Quote(text)}: {e.Message}", e);
            }
        });

    /// <summary>Helm's <c>cleanupParseError</c>: <c>parse error at (NAME:LINE): DESCRIPTION</c>.</summary>
    private static HelmException ParseError(string name, GoTemplateParseException e)
    {
        var tokens = e.Message.Split(": ");
        if (tokens.Length == 1)
        {
            return new HelmException($"parse error in ({name}): {e.Message}", HelmErrorKind.Template, name);
        }

        return new HelmException($"parse error at ({tokens[1]}): {tokens[^1]}", HelmErrorKind.Template, e.TemplateName.Length > 0 ? e.TemplateName : name, e.Line);
    }

    /// <summary>Helm's <c>cleanupExecError</c>: <c>fail</c>/<c>required</c> messages shown alone, at the failing action.</summary>
    private static HelmException ExecError(string name, GoTemplateExecException e)
    {
        var tokens = e.Message.Split(": ", 3);
        if (tokens.Length != 3)
        {
            return new HelmException($"execution error in ({name}): {e.Message}", HelmErrorKind.Template, name);
        }

        var location = tokens[1];
        var match = HelmError().Match(tokens[2]);
        return match.Success
            ? new HelmException($"execution error at ({location}): {match.Groups[1].Value}", HelmErrorKind.Template)
            : new HelmException(e.Message, HelmErrorKind.Template);
    }
}
