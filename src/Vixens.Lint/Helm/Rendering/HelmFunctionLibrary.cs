using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Rendering;

/// <summary>
/// The functions a Helm template set starts with: Sprig v3.3.0 and Helm's data functions (toYaml, fromYaml, toJson,
/// …), without <c>env</c> and <c>expandenv</c>, which Helm removes. <c>include</c>, <c>tpl</c>, <c>required</c>,
/// <c>fail</c> and <c>lookup</c> are added per render by <see cref="HelmRenderer"/>.
/// </summary>
public sealed class HelmFunctionLibrary
{
    public HelmFunctionLibrary(IEnumerable<GoFunction> functions)
    {
        Functions = functions.Where(f => f.Name is not ("env" or "expandenv")).ToList();
        var toYaml = Functions.LastOrDefault(f => f.Name == "toYaml");
        ToYaml = toYaml is null ? _ => string.Empty : value => toYaml.Invoke([value]) as string ?? string.Empty;
    }

    /// <summary>The library every render uses: Sprig, then Helm's data functions (which replace Sprig's of the same name).</summary>
    public static HelmFunctionLibrary Default { get; } = new([.. Vixens.Lint.Helm.Functions.SprigFunctions.All, .. Vixens.Lint.Helm.Functions.HelmDataFunctions.All]);

    public IReadOnlyList<GoFunction> Functions { get; }

    /// <summary>Helm's <c>toYaml</c> (used by <c>.Files.AsConfig</c> and <c>.AsSecrets</c>).</summary>
    public Func<object?, string> ToYaml { get; }
}
