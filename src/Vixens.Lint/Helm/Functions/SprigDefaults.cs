using Vixens.Lint.Helm.Template;
using static Vixens.Lint.Helm.Functions.SprigValues;
using T = Vixens.Lint.Helm.Template.GoType;

namespace Vixens.Lint.Helm.Functions;

/// <summary>Sprig's defaults, JSON and reflection functions (defaults.go, reflect.go).</summary>
internal static class SprigDefaults
{
    public static IEnumerable<GoFunction> All()
    {
        yield return new("default", [T.Any], T.Any, a => a.Count < 2 || Empty(a[1]) ? a[0] : a[1]);
        yield return new("empty", [T.Any], null, a => Empty(a[0]));
        yield return new("coalesce", [], T.Any, a => a.FirstOrDefault(v => !Empty(v)));
        yield return new("all", [], T.Any, a => a.All(v => !Empty(v)));
        yield return new("any", [], T.Any, a => a.Any(v => !Empty(v)));
        yield return new("ternary", [T.Any, T.Any, T.Bool], null, a => (bool)a[2]! ? a[0] : a[1]);
        yield return new("fromJson", [T.String], null, a => TryJson(Str(a, 0)));
        yield return new("mustFromJson", [T.String], null, a => Json(() => GoJson.Unmarshal(Str(a, 0))));
        yield return new("toJson", [T.Any], null, a => TryJsonText(() => GoJson.Marshal(a[0])));
        yield return new("mustToJson", [T.Any], null, a => Json(() => GoJson.Marshal(a[0])));
        yield return new("toPrettyJson", [T.Any], null, a => TryJsonText(() => GoJson.MarshalIndent(a[0], "  ")));
        yield return new("mustToPrettyJson", [T.Any], null, a => Json(() => GoJson.MarshalIndent(a[0], "  ")));
        yield return new("toRawJson", [T.Any], null, a => Json(() => GoJson.MarshalRaw(a[0])));
        yield return new("mustToRawJson", [T.Any], null, a => Json(() => GoJson.MarshalRaw(a[0])));
        yield return new("typeOf", [T.Any], null, a => GoValues.TypeName(a[0]));
        yield return new("typeIs", [T.String, T.Any], null, a => Str(a, 0) == GoValues.TypeName(a[1]));
        yield return new("typeIsLike", [T.String, T.Any], null, a => Str(a, 0) == GoValues.TypeName(a[1]) || "*" + Str(a, 0) == GoValues.TypeName(a[1]));
        yield return new("kindOf", [T.Any], null, a => GoValues.KindName(a[0]));
        yield return new("kindIs", [T.String, T.Any], null, a => Str(a, 0) == GoValues.KindName(a[1]));
        yield return new("deepEqual", [T.Any, T.Any], null, a => DeepEqual(a[0], a[1]));
    }

    private static object? TryJson(string text)
    {
        try
        {
            return GoJson.Unmarshal(text);
        }
        catch (GoYamlException)
        {
            return null;
        }
    }

    private static string TryJsonText(Func<string> marshal)
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

    private static object? Json(Func<object?> run)
    {
        try
        {
            return run();
        }
        catch (GoYamlException e)
        {
            throw new GoFunctionException(e.Message, e);
        }
    }
}
