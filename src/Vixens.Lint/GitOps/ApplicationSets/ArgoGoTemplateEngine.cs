using System.Text.RegularExpressions;
using Vixens.Lint.Helm.Functions;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// ArgoCD's goTemplate renderer on the Helm engine's Go text/template: a base set named <c>base</c> (so errors read
/// <c>template: base:1:…</c> as ArgoCD's do) holding the Sprig functions given (without <c>env</c>, <c>expandenv</c>,
/// <c>getHostByName</c>) and ArgoCD's own <c>normalize</c>, <c>slugify</c>, <c>toYaml</c>, <c>fromYaml</c>,
/// <c>fromYamlArray</c>; each string is parsed into a clone with the ApplicationSet's options.
/// </summary>
public sealed partial class ArgoGoTemplateEngine : IGoTemplateEngine
{
    /// <summary>ApplicationSet templates are short: tight budgets keep a hostile one cheap, on a normal thread stack.</summary>
    private static readonly GoTemplateLimits Limits = new() { MaxDepth = 200, MaxSteps = 10_000_000, MaxOutputChars = 16L * 1024 * 1024 };

    private readonly GoTemplateSet _base;
    private readonly HashSet<string> _provided;

    /// <summary>Creates the engine with the Sprig functions available (those missing make a template unrendered, not wrong).</summary>
    public ArgoGoTemplateEngine(IEnumerable<GoFunction> sprigFunctions)
    {
        var functions = sprigFunctions.Where(f => !SprigFunctionNames.RemovedByArgoCd.Contains(f.Name)).Concat(ArgoFunctions()).ToList();
        _provided = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        _base = new GoTemplateSet("base") { Limits = Limits };
        _base.Funcs(functions);
    }

    /// <summary>The engine with every Sprig function this build has (<c>Helm.Functions.SprigFunctions</c>).</summary>
    public static ArgoGoTemplateEngine Create() => new(SprigFunctions.All);

    /// <summary>The Sprig functions a template may call that this engine does not provide.</summary>
    public IEnumerable<string> MissingSprigFunctions =>
        SprigFunctionNames.All.Where(n => !SprigFunctionNames.RemovedByArgoCd.Contains(n) && !_provided.Contains(n) && !_base.HasFunction(n)).Order(StringComparer.Ordinal);

    public string Execute(string template, IReadOnlyDictionary<string, object?> data, IReadOnlyList<string> options)
    {
        var set = _base.Clone();
        foreach (var option in options)
        {
            set.MissingKey = option switch
            {
                "missingkey=default" or "missingkey=invalid" => GoMissingKey.Default,
                "missingkey=zero" => GoMissingKey.Zero,
                "missingkey=error" => GoMissingKey.Error,
                _ => throw new GoTemplateException("unrecognized option: " + option),
            };
        }

        try
        {
            set.Parse("base", template);
            return set.ExecuteToString("base", data as Dictionary<string, object?> ?? new Dictionary<string, object?>(data, StringComparer.Ordinal));
        }
        catch (GoTemplateParseException ex) when (UndefinedFunction().Match(ex.Message) is { Success: true } match && IsMissingSprig(match.Groups[1].Value))
        {
            throw new GoTemplateFunctionUnavailableException(match.Groups[1].Value);
        }
        catch (Exception ex) when (ex is GoTemplateParseException or GoTemplateExecException or GoTemplateBudgetException or GoRuntimePanicException)
        {
            throw new GoTemplateException(ex.Message, ex);
        }
    }

    private bool IsMissingSprig(string name) =>
        SprigFunctionNames.All.Contains(name) && !SprigFunctionNames.RemovedByArgoCd.Contains(name) && !_provided.Contains(name);

    /// <summary>ArgoCD's additions to Sprig (applicationset/utils/utils.go).</summary>
    private static IEnumerable<GoFunction> ArgoFunctions()
    {
        yield return new GoFunction("normalize", [GoType.String], null, args => ArgoNames.Normalize((string)args[0]!));
        yield return new GoFunction("slugify", [], GoType.Any, Slugify);
        yield return new GoFunction("toYaml", [GoType.Any], null, args => Yaml(() => GoYaml.Marshal(args[0]).TrimEnd('\n')));
        yield return new GoFunction("fromYaml", [GoType.String], null, args => Yaml(() => GoYaml.UnmarshalMap((string)args[0]!)));
        yield return new GoFunction("fromYamlArray", [GoType.String], null, args => Yaml(() => GoYaml.UnmarshalList((string)args[0]!)));
    }

    /// <summary><c>slugify [maxLength [smartTruncate]] name</c>: the last argument is the name.</summary>
    private static string Slugify(IReadOnlyList<object?> args)
    {
        var maxLength = 50;
        var smart = true;
        var name = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            if (i == args.Count - 1)
            {
                name = args[i] as string ?? throw new GoFunctionException($"interface conversion: interface {{}} is {GoValues.TypeName(args[i])}, not string");
            }
            else if (i == 0)
            {
                maxLength = args[i] is int length ? length : throw new GoFunctionException($"interface conversion: interface {{}} is {GoValues.TypeName(args[i])}, not int");
            }
            else if (i == 1)
            {
                smart = args[i] is bool flag ? flag : throw new GoFunctionException($"interface conversion: interface {{}} is {GoValues.TypeName(args[i])}, not bool");
            }
        }

        return ArgoNames.Slugify(name, maxLength, smart);
    }

    private static object? Yaml(Func<object?> work)
    {
        try
        {
            return work();
        }
        catch (GoYamlException ex)
        {
            throw new GoFunctionException(ex.Message, ex);
        }
    }

    [GeneratedRegex("function \"([^\"]+)\" not defined", RegexOptions.CultureInvariant)]
    private static partial Regex UndefinedFunction();
}

/// <summary>A template calls a Sprig function this build's engine does not provide yet: the template is unrendered, not wrong.</summary>
public sealed class GoTemplateFunctionUnavailableException : Exception
{
    public GoTemplateFunctionUnavailableException(string function)
        : base($"the template calls the Sprig function \"{function}\", which this build's Go template engine does not provide yet") => Function = function;

    public GoTemplateFunctionUnavailableException()
    {
        Function = string.Empty;
    }

    public GoTemplateFunctionUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
        Function = string.Empty;
    }

    /// <summary>The function's name.</summary>
    public string Function { get; }
}
