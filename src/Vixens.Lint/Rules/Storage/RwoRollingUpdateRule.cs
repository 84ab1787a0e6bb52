using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Storage;

/// <summary>VX6002: a Deployment mounting a ReadWriteOnce block volume uses the Recreate strategy and a single replica.</summary>
public sealed class RwoRollingUpdateRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX6002", "ReadWriteOnceVolumeNeedsRecreate", "Deployment with a ReadWriteOnce volume can hit Multi-Attach errors",
        "Deployment \"{0}\" mounts ReadWriteOnce PersistentVolumeClaim \"{1}\" {2}. When the new pod lands on another node it stays ContainerCreating with a Multi-Attach error and the rollout never completes; use strategy.type: Recreate and one replica.",
        "storage", Severity.Warning,
        "A ReadWriteOnce volume (an iSCSI LUN from the Synology CSI driver) can be attached to one node at a time. A RollingUpdate starts the new pod before the old one stops; if the scheduler picks another node, or after a node failure, the new pod waits forever on \"Multi-Attach error for volume\". More than one replica has the same problem from the start. Vixens Silver (VX-S07) and the golden standard (VX-GS06) require strategy.type: Recreate for Deployments with RWO PVCs. Claims on NFS or local-path classes are not checked.",
        ["storage", "reliability", "iscsi", "strategy"]);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var deployment in context.Resources.Where(r => r.Kind == "Deployment" && r.Group == "apps"))
        {
            if (PodSpecView.Of(deployment) is not { } pod)
            {
                continue;
            }

            var claim = StorageSupport.Claims(context.EnvironmentIndex, pod).FirstOrDefault(c => c.ClaimSpec is { } spec && IsSingleNode(context.EnvironmentIndex, spec));
            if (claim is null)
            {
                continue;
            }

            var spec = deployment.Root.GetMapping("spec")!;
            var type = spec.GetMapping("strategy")?.GetScalar("type");
            if (type is null || type.IsNull || type.Value != "Recreate")
            {
                var anchor = (YamlNode?)type ?? spec.GetEntry("strategy")?.Key ?? (YamlNode)claim.Reference;
                var what = type is null || type.IsNull ? "with the default RollingUpdate strategy" : $"with strategy {type.Value}";
                context.Report(Descriptor, deployment, anchor, deployment.Name, claim.ClaimName, what);
            }
            else if (spec.GetScalar("replicas") is { } replicas && replicas.TryGetInt64(out var count) && count > 1)
            {
                context.Report(Descriptor, deployment, replicas, deployment.Name, claim.ClaimName, $"with {count} replicas");
            }
        }
    }

    /// <summary>ReadWriteOnce(Pod) on a class that attaches to one node (not NFS, not local-path, whose volumes are node-local anyway).</summary>
    private static bool IsSingleNode(ResourceIndex index, YamlMapping claimSpec)
    {
        if (!StorageSupport.AccessModes(claimSpec).Any(m => m is "ReadWriteOnce" or "ReadWriteOncePod"))
        {
            return false;
        }

        if (StorageSupport.ClassOf(index, claimSpec) is not { } storageClass)
        {
            return true;
        }

        var provisioner = storageClass.Root.GetString("provisioner") ?? string.Empty;
        var protocol = storageClass.Root.GetMapping("parameters")?.GetString("protocol") ?? string.Empty;
        return !(provisioner.Contains("nfs", StringComparison.OrdinalIgnoreCase) || provisioner.Contains("local-path", StringComparison.OrdinalIgnoreCase)
            || protocol is "nfs" or "smb");
    }
}
