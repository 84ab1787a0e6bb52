using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.Storage;

/// <summary>VX6003: a workload keeping data on a Retain class declares how it is backed up.</summary>
public sealed class RetainWithoutBackupRule : Rule
{
    public const string BackupProfileLabel = "vixens.io/backup-profile";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX6003", "RetainedVolumeNeedsBackupProfile", "Retained volume without a backup profile",
        "{0} mounts PersistentVolumeClaim \"{1}\" on StorageClass \"{2}\" (reclaimPolicy Retain), but its pod template has no {3} label. The data is meant to outlive the app, yet nothing says it is backed up.",
        "storage", Severity.Note,
        "A Retain StorageClass (Vixens: synelia-iscsi-retain, synelia-iscsi-xfs-retain, local-path-retain, prod's default) keeps the volume when the claim is deleted: the data matters. Vixens declares how each app's data is protected with the pod label vixens.io/backup-profile (critical, standard, relaxed or ephemeral; Emerald VX-E01, read by Kyverno check-backup and the dataangel/velero tooling). A workload on retained storage without it has no stated backup.",
        ["storage", "backup"]);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var pod in context.Resources.Select(PodSpecView.Of).OfType<PodSpecView>())
        {
            if (pod.Labels.ContainsKey(BackupProfileLabel))
            {
                continue;
            }

            foreach (var claim in StorageSupport.Claims(context.EnvironmentIndex, pod))
            {
                if (claim.ClaimSpec is not { } spec || RetainedClass(context.EnvironmentIndex, spec) is not { } className)
                {
                    continue;
                }

                context.Report(Descriptor, pod.Owner, claim.Reference, pod.Owner.Id.Display, claim.ClaimName, className, BackupProfileLabel);
                break;
            }
        }
    }

    private static string? RetainedClass(ResourceIndex index, Yaml.YamlMapping claimSpec)
    {
        var storageClass = StorageSupport.ClassOf(index, claimSpec);
        var name = storageClass?.Name ?? claimSpec.GetString("storageClassName");
        var retained = storageClass?.Root.GetString("reclaimPolicy") == "Retain" || (name?.EndsWith("-retain", StringComparison.Ordinal) ?? false);
        return retained ? name : null;
    }
}
