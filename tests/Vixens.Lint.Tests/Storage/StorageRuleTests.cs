using NUnit.Framework;
using Vixens.Lint.Rules.Storage;
using static Vixens.Lint.Tests.References.RuleHarness;

namespace Vixens.Lint.Tests.Storage;

public sealed class StorageRuleTests
{
    private const string Classes = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: synelia-iscsi-retain
          annotations: {storageclass.kubernetes.io/is-default-class: "true"}
        provisioner: csi.san.synology.com
        parameters: {protocol: iscsi}
        reclaimPolicy: Retain
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: synelia-iscsi-delete}
        provisioner: csi.san.synology.com
        parameters: {protocol: iscsi}
        reclaimPolicy: Delete
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: nfs}
        provisioner: nfs.csi.k8s.io
        reclaimPolicy: Retain
        """;

    private static string Claim(string className, string mode = "ReadWriteOnce") => $"""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
          namespace: apps
        spec:
          accessModes: [{mode}]
          storageClassName: {className}
          resources: {"{requests: {storage: 1Gi}}"}
        ---

        """;

    private const string Volume = """
        volumes:
          - name: data
            persistentVolumeClaim:
              claimName: data
        """;

    [Test]
    public void VX6001_unknown_storage_class_is_reported_on_claims_and_claim_templates()
    {
        const string statefulSet = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: apps}
            spec:
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec:
                    storageClassName: synelia-iscsi-retian
            """;
        var diagnostics = Run(new StorageClassExistsRule(), Claim("synelia-iscsi-retian") + statefulSet, Classes);
        Assert.That(diagnostics.Select(At), Is.EqualTo(new[] { (8, 21), (18, 27) }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Message, Is.EqualTo("PersistentVolumeClaim/apps/data asks for StorageClass \"synelia-iscsi-retian\", which no StorageClass of the environment defines (known: nfs, synelia-iscsi-delete, synelia-iscsi-retain). The claim stays Pending and its pods are never scheduled."));
            Assert.That(diagnostics[1].Message, Does.StartWith("volumeClaimTemplate \"data\" of StatefulSet/apps/db asks for StorageClass \"synelia-iscsi-retian\""));
        });
    }

    [Test]
    public void VX6001_defined_class_and_environment_without_classes_pass()
    {
        Assert.That(Run(new StorageClassExistsRule(), Claim("synelia-iscsi-delete"), Classes), Is.Empty);
        Assert.That(Run(new StorageClassExistsRule(), Claim("anything")), Is.Empty);
    }

    [Test]
    public void VX6002_rolling_update_with_an_iscsi_rwo_claim_is_reported_at_the_strategy()
    {
        var diagnostics = Run(new RwoRollingUpdateRule(), Deployment("web", podSpec: Volume, spec: "strategy:\n  type: RollingUpdate"), Claim("synelia-iscsi-delete") + Classes);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(At(diagnostics[0]), Is.EqualTo((8, 11)));
            Assert.That(diagnostics[0].Message, Is.EqualTo("Deployment \"web\" mounts ReadWriteOnce PersistentVolumeClaim \"data\" with strategy RollingUpdate. When the new pod lands on another node it stays ContainerCreating with a Multi-Attach error and the rollout never completes; use strategy.type: Recreate and one replica."));
        });
    }

    [Test]
    public void VX6002_default_strategy_and_extra_replicas_are_reported()
    {
        var defaulted = Run(new RwoRollingUpdateRule(), Deployment("web", podSpec: Volume), Claim("synelia-iscsi-retain") + Classes);
        Assert.That(defaulted.Select(At), Is.EqualTo(new[] { (18, 24) }));
        Assert.That(defaulted[0].Message, Does.Contain("with the default RollingUpdate strategy"));

        var replicas = Run(new RwoRollingUpdateRule(), Deployment("web", podSpec: Volume, spec: "replicas: 2\nstrategy: {type: Recreate}"), Claim("synelia-iscsi-retain") + Classes);
        Assert.That(replicas.Select(At), Is.EqualTo(new[] { (7, 13) }));
        Assert.That(replicas[0].Message, Does.Contain("with 2 replicas"));
    }

    [TestCase("synelia-iscsi-retain", "ReadWriteOnce", "strategy: {type: Recreate}")]
    [TestCase("synelia-iscsi-retain", "ReadWriteMany", "")]
    [TestCase("nfs", "ReadWriteOnce", "")]
    public void VX6002_recreate_rwx_and_nfs_pass(string className, string mode, string spec) =>
        Assert.That(Run(new RwoRollingUpdateRule(), Deployment("web", podSpec: Volume, spec: spec), Claim(className, mode) + Classes), Is.Empty);

    [Test]
    public void VX6003_retained_claim_without_backup_profile_is_a_note()
    {
        var diagnostics = Run(new RetainWithoutBackupRule(), Deployment("web", podSpec: Volume), Claim("synelia-iscsi-retain") + Classes);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Severity, Is.EqualTo(Diagnostics.Severity.Note));
            Assert.That(At(diagnostics[0]), Is.EqualTo((18, 24)));
            Assert.That(diagnostics[0].Message, Is.EqualTo("Deployment/apps/web mounts PersistentVolumeClaim \"data\" on StorageClass \"synelia-iscsi-retain\" (reclaimPolicy Retain), but its pod template has no vixens.io/backup-profile label. The data is meant to outlive the app, yet nothing says it is backed up."));
        });
    }

    [Test]
    public void VX6003_backup_profile_label_or_delete_class_pass()
    {
        Assert.That(Run(new RetainWithoutBackupRule(), Deployment("web", labels: "vixens.io/backup-profile: standard", podSpec: Volume), Claim("synelia-iscsi-retain") + Classes), Is.Empty);
        Assert.That(Run(new RetainWithoutBackupRule(), Deployment("web", podSpec: Volume), Claim("synelia-iscsi-delete") + Classes), Is.Empty);
    }
}

public sealed class CsiSecretRuleTests
{
    private const string SmbClass = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: synology-smb}
        provisioner: csi.san.synology.com
        parameters:
          protocol: smb
          csi.storage.k8s.io/node-stage-secret-name: cifs-csi-credentials
          csi.storage.k8s.io/node-stage-secret-namespace: synology-csi
          csi.storage.k8s.io/provisioner-secret-name: ${pvc.name}
          csi.storage.k8s.io/provisioner-secret-namespace: ${pvc.namespace}
        """;

    private static string Infisical(string ns) => $"""
        apiVersion: secrets.infisical.com/v1alpha1
        kind: InfisicalSecret
        metadata: {"{name: cifs-sync, namespace: synology-csi}"}
        spec:
          managedSecretReference: {"{"}secretName: cifs-csi-credentials, secretNamespace: {ns}{"}"}
        """;

    [Test]
    public void VX6004_csi_secret_written_in_another_namespace_is_reported_with_the_near_miss()
    {
        var diagnostics = Run(new CsiSecretRule(), SmbClass, Infisical("default"));
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(At(diagnostics[0]), Is.EqualTo((7, 46)));
            Assert.That(diagnostics[0].Message, Is.EqualTo("StorageClass/synology-smb passes Secret \"cifs-csi-credentials\" in namespace \"synology-csi\" to its CSI driver (node-stage), but nothing in the environment produces it there; InfisicalSecret \"cifs-sync\" writes it in namespace \"default\". Provisioning, attaching or expanding volumes of this class fails."));
        });
    }

    [Test]
    public void VX6004_produced_secret_and_templated_parameters_pass() =>
        Assert.That(Run(new CsiSecretRule(), SmbClass, Infisical("synology-csi")), Is.Empty);
}
