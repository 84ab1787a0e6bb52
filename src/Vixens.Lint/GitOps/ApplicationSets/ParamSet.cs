using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// One parameter set produced by a generator, with where its values come from (a list element, a Git file or
/// directory, a cluster Secret), so a finding on a generated Application can point at both the template line and the
/// element that fed it.
/// </summary>
public sealed record ParamSet(Dictionary<string, object?> Values, IReadOnlyList<SourceSpan> Origins)
{
    public static ParamSet Of(Dictionary<string, object?> values, SourceSpan? origin) => new(values, origin is null ? [] : [origin]);
}
