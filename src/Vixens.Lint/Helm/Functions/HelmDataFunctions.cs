using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Functions;

/// <summary>
/// Helm v3.17.2's own data functions (pkg/engine/funcs.go): toYaml, toYamlPretty, fromYaml, fromYamlArray, toJson,
/// fromJson, fromJsonArray, toToml, fromToml. They swallow errors as Helm does: the to* forms give "" (toToml its
/// error text), the from* forms put the error under "Error" (or as the only list element).
/// include, tpl, required, lookup and fail belong to the render loop.
/// </summary>
public static class HelmDataFunctions
{
    private static readonly Lazy<IReadOnlyList<GoFunction>> Functions = new(() =>
    [
        new("toYaml", [GoType.Any], null, a => Swallow(() => GoYaml.Marshal(a[0]).TrimEnd1())),
        new("toYamlPretty", [GoType.Any], null, a => Swallow(() => GoYaml.MarshalPretty(a[0]).TrimEnd1())),
        new("fromYaml", [GoType.String], null, a => ErrorMap(() => GoYaml.UnmarshalMap((string)a[0]!))),
        new("fromYamlArray", [GoType.String], null, a => ErrorList(() => GoYaml.UnmarshalList((string)a[0]!))),
        new("toJson", [GoType.Any], null, a => Swallow(() => GoJson.Marshal(a[0]))),
        new("fromJson", [GoType.String], null, a => ErrorMap(() => JsonMap((string)a[0]!))),
        new("fromJsonArray", [GoType.String], null, a => ErrorList(() => JsonList((string)a[0]!))),
        new("toToml", [GoType.Any], null, a => GoToml.Marshal(a[0])),
        new("fromToml", [GoType.String], null, a => ErrorMap(() => GoToml.Unmarshal((string)a[0]!))),
    ]);

    /// <summary>The functions, each with its Go signature.</summary>
    public static IReadOnlyList<GoFunction> All => Functions.Value;

    private static string TrimEnd1(this string s) => s.EndsWith('\n') ? s[..^1] : s;

    private static string Swallow(Func<string> marshal)
    {
        try
        {
            return marshal();
        }
        catch (GoYamlException)
        {
            return string.Empty;
        }
    }

    private static Dictionary<string, object?> ErrorMap(Func<Dictionary<string, object?>> read)
    {
        try
        {
            return read();
        }
        catch (GoYamlException e)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = e.Message };
        }
    }

    private static List<object?> ErrorList(Func<List<object?>> read)
    {
        try
        {
            return read();
        }
        catch (GoYamlException e)
        {
            return [e.Message];
        }
    }

    private static Dictionary<string, object?> JsonMap(string text) => GoJson.Unmarshal(text) switch
    {
        Dictionary<string, object?> map => map,
        null => new Dictionary<string, object?>(StringComparer.Ordinal),
        var other => throw new GoYamlException($"json: cannot unmarshal {GoYaml.JsonKind(other)} into Go value of type map[string]interface {{}}"),
    };

    private static List<object?> JsonList(string text) => GoJson.Unmarshal(text) switch
    {
        List<object?> list => list,
        null => [],
        var other => throw new GoYamlException($"json: cannot unmarshal {GoYaml.JsonKind(other)} into Go value of type []interface {{}}"),
    };
}
