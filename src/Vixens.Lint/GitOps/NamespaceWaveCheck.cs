using System.Globalization;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps;

/// <summary>
/// VX3010: an Application whose destination namespace is created only by another Application of a later sync wave
/// (rules-vixens VX-I03). Waves order the children of one app-of-apps, so only the root's direct children are compared.
/// </summary>
internal static class NamespaceWaveCheck
{
    public static IEnumerable<Diagnostic> Run(string environment, IReadOnlyList<AnalysisUnit> units)
    {
        var root = units.FirstOrDefault(u => u.Kind == UnitKind.EnvironmentRoot);
        if (root is null)
        {
            yield break;
        }

        var children = root.Resources.Where(ArgoApplication.IsApplication).Select(r => r.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var applicationUnits = units.Where(u => u.Kind == UnitKind.Application && u.Application is not null).ToList();
        // The root's own Namespace objects exist before any child syncs.
        var rootNamespaces = root.Resources.Where(IsNamespace).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in applicationUnits.Where(u => children.Contains(u.Name)))
        {
            var application = unit.Application!;
            var target = application.Destination?.GetScalar("namespace");
            if (target is null || target.IsNull || rootNamespaces.Contains(target.Value) || CreatesNamespace(unit, target.Value)
                || application.Spec?.GetMapping("syncPolicy")?.GetMapping("managedNamespaceMetadata") is not null)
            {
                continue;
            }

            var creators = applicationUnits.Where(u => u.Name != unit.Name && CreatesNamespace(u, target.Value)).ToList();
            // A creator outside the root's direct children (nested app-of-apps) has a wave of another scale: no verdict.
            if (creators.Count == 0 || creators.Any(c => !children.Contains(c.Name)))
            {
                continue;
            }

            var wave = Wave(application);
            var first = creators.OrderBy(c => Wave(c.Application!)).ThenBy(c => c.Name, StringComparer.Ordinal).First();
            var firstWave = Wave(first.Application!);
            if (firstWave <= wave)
            {
                continue;
            }

            yield return new Diagnostic(
                GitOpsDescriptors.NamespaceCreatedLater,
                target.Span,
                GitOpsDescriptors.NamespaceCreatedLater.FormatMessage(application.Name, wave.ToString(CultureInfo.InvariantCulture), target.Value, first.Name, firstWave.ToString(CultureInfo.InvariantCulture)),
                relatedLocations: [first.Application!.Resource.Span],
                properties: new Dictionary<string, string> { ["application"] = application.Name, ["environment"] = environment });
        }
    }

    /// <summary>ArgoCD reads the wave as an integer; a missing or unreadable annotation is wave 0.</summary>
    internal static int Wave(ArgoApplication application) =>
        int.TryParse(application.SyncWave, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var wave) ? wave : 0;

    private static bool CreatesNamespace(AnalysisUnit unit, string @namespace) =>
        (unit.Application!.HasSyncOption("CreateNamespace=true") && unit.Application.DestinationNamespace == @namespace)
        || unit.Resources.Any(r => IsNamespace(r) && r.Name == @namespace);

    private static bool IsNamespace(Model.KubeResource resource) => resource.Kind == "Namespace" && resource.Group.Length == 0;
}
