using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Rules.References;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Storage;

/// <summary>
/// VX6004: the Secrets a CSI StorageClass or VolumeSnapshotClass hands to its driver
/// (<c>csi.storage.k8s.io/*-secret-name</c> / <c>-secret-namespace</c>) are produced in that namespace.
/// </summary>
public sealed class CsiSecretRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX6004", "CsiSecretMustBeProduced", "CSI secret of a StorageClass is produced nowhere",
        "{0} passes Secret \"{1}\" in namespace {2} to its CSI driver ({3}), but nothing in the environment produces it there{4}. Provisioning, attaching or expanding volumes of this class fails.",
        "storage", Severity.Warning,
        "CSI StorageClasses and VolumeSnapshotClasses name the Secrets the external-provisioner, attacher, resizer or snapshotter must pass to the driver (parameters csi.storage.k8s.io/<operation>-secret-name and -secret-namespace). If the Secret is not in that namespace — typically an InfisicalSecret whose managedSecretReference.secretName or secretNamespace differs from what the class says — every claim of the class stays Pending or fails to mount. Templated values (${pvc.namespace}, ${pvc.name}…) are not checked.",
        ["storage", "csi", "secrets", "infisical"]);

    private const string Prefix = "csi.storage.k8s.io/";
    private const string NameSuffix = "-secret-name";

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        List<ProducedObject>? produced = null;
        foreach (var resource in context.Resources)
        {
            var parameters = resource switch
            {
                { Kind: "StorageClass", Group: "storage.k8s.io" } => resource.Root.GetMapping("parameters"),
                { Kind: "VolumeSnapshotClass", Group: "snapshot.storage.k8s.io" } => resource.Root.GetMapping("parameters"),
                _ => null,
            };
            if (parameters is null)
            {
                continue;
            }

            foreach (var entry in parameters.Entries)
            {
                var key = entry.Key.Value;
                if (!key.StartsWith(Prefix, StringComparison.Ordinal) || !key.EndsWith(NameSuffix, StringComparison.Ordinal)
                    || entry.Value is not YamlScalar { IsNull: false } name || name.Value.Length == 0 || name.Value.Contains('$', StringComparison.Ordinal))
                {
                    continue;
                }

                var operation = key[Prefix.Length..^NameSuffix.Length];
                var ns = parameters.GetString($"{Prefix}{operation}-secret-namespace");
                if (ns is not null && ns.Contains('$', StringComparison.Ordinal))
                {
                    continue;
                }

                produced ??= Producers.Secrets(context.EnvironmentIndex).ToList();
                if (produced.Any(p => p.Name == name.Value && (p.Namespace == ns || p.Namespace is null)))
                {
                    continue;
                }

                var nearMiss = produced.FirstOrDefault(p => p.Name == name.Value);
                var hint = nearMiss is null ? string.Empty : $"; {nearMiss.Producer.Kind} \"{nearMiss.Producer.Name}\" writes it in namespace {ReferenceSupport.NamespaceText(nearMiss.Namespace)}";
                context.Report(Descriptor, resource, name, resource.Id.Display, name.Value, ReferenceSupport.NamespaceText(ns), operation, hint);
            }
        }
    }
}
