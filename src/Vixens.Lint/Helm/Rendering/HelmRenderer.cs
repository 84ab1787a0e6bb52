using Vixens.Lint.Helm.Charts;
using Vixens.Lint.Helm.Objects;

namespace Vixens.Lint.Helm.Rendering;

/// <summary>Helm's engine: every template of the chart tree in one template set, each executed with its chart's scope.</summary>
public static class HelmRenderer
{
    /// <summary>Renders every non-partial template; keys are template names (<c>chart/templates/x.yaml</c>).</summary>
    public static Dictionary<string, string> Render(Chart chart, Dictionary<string, object?> values, Dictionary<string, object?> release, GoStruct capabilities)
    {
        _ = chart;
        _ = values;
        _ = release;
        _ = capabilities;
        throw new HelmException("the Go template engine is not merged yet (branch gotpl)", HelmErrorKind.Template);
    }
}
