using System.Globalization;
using Vixens.Lint.GitOps;

namespace Vixens.Lint.Reporting.Inventory;

/// <summary>The <c>apps</c> listing for a terminal: one block per environment, aligned columns, repository-relative paths.</summary>
public static class InventoryTextWriter
{
    public static void Write(ApplicationInventory inventory, TextWriter output)
    {
        foreach (var environment in inventory.Environments)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Environment {environment.Name} ({environment.Root}): {environment.Applications.Count} Application(s), {environment.Unrendered.Count} unrendered source(s), {environment.UnlistedApplications.Count} unlisted Application manifest(s), {environment.OrphanedOverlays.Count} orphaned overlay(s)"));
            output.WriteLine();
            WriteApplications(environment, output);
            WriteSection(output, "Unrendered sources", environment.Unrendered.Select(u => $"{u.Application}: {Describe(u.Source)} — {u.Source.Reason}"));
            WriteSection(output, "Application manifests not listed by the root", environment.UnlistedApplications.Select(u => $"{u.Name} ({u.File}:{u.Line}): {string.Join(", ", u.Sources.Select(Describe))}"));
            WriteSection(output, "Orphaned overlays (no Application deploys them)", environment.OrphanedOverlays);
        }

        WriteSection(output, "Orphaned kustomizations outside any environment", inventory.OrphansWithoutEnvironment);
    }

    private static void WriteApplications(InventoryEnvironment environment, TextWriter output)
    {
        output.WriteLine("  Applications");
        var rows = environment.Applications
            .Select(a => new[] { a.SyncWave ?? "-", a.Name, a.Namespace ?? "-", a.ResourceCount.ToString(CultureInfo.InvariantCulture), string.Join(", ", a.Sources.Where(s => s.Kind != "ref").Select(Describe)) })
            .Prepend(["WAVE", "NAME", "NAMESPACE", "RESOURCES", "SOURCES"])
            .ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(("    " + string.Join("  ", row.Take(4).Select((cell, i) => cell.PadRight(widths[i]))) + "  " + row[4]).TrimEnd());
        }

        output.WriteLine();
    }

    private static void WriteSection(TextWriter output, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {title} ({items.Count})"));
        foreach (var item in items)
        {
            output.WriteLine("    " + item);
        }

        output.WriteLine();
    }

    /// <summary><c>chart prometheus 25.30.1 (https://…)</c>, <c>apps/x/overlays/prod</c>, or a path with its state when not rendered.</summary>
    internal static string Describe(InventorySource source) => source.Kind switch
    {
        "chart" => $"chart {source.Chart} {source.Version ?? "(no version)"} ({source.RepoUrl ?? "no repoURL"})",
        "path" when source.State is SourceState.Rendered or SourceState.NotDeployed => source.Path!,
        "path" => $"{source.Path} [{StateText(source.State)}]",
        "ref" => "values ref",
        _ => $"[{StateText(source.State)}]",
    };

    public static string StateText(SourceState state) => state switch
    {
        SourceState.Rendered => "rendered",
        SourceState.HelmChart => "helm-chart",
        SourceState.ValuesReference => "values-ref",
        SourceState.RemoteRepository => "remote-repository",
        SourceState.PathMissing => "path-missing",
        SourceState.BuildFailed => "build-failed",
        SourceState.NotRenderedOffline => "not-rendered-offline",
        SourceState.Incomplete => "incomplete",
        _ => "not-deployed",
    };
}
