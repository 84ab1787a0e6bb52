using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.GitOps;

/// <summary>
/// The VX30xx findings of the ArgoCD walk, each with a repository that fires it and one that does not, through the engine
/// (environment root → Applications → local paths rendered offline).
/// </summary>
public sealed class WorkspaceDiagnosticsTests
{
    private const string Repo = "https://git.example.com/team/gitops.git";

    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {a: b}\n";

    /// <summary>A dev root listing the given Application manifests, and an overlay <c>apps/web/overlays/dev</c> with one ConfigMap.</summary>
    private static TempRepository Repository(params (string Name, string Yaml)[] applications)
    {
        var repo = new TempRepository();
        repo.Write("argocd/overlays/dev/kustomization.yaml", "resources:\n" + string.Concat(applications.Select(a => $"  - apps/{a.Name}.yaml\n")));
        foreach (var (name, yaml) in applications)
        {
            repo.Write($"argocd/overlays/dev/apps/{name}.yaml", yaml);
        }

        repo.Write("apps/web/overlays/dev/kustomization.yaml", "resources:\n  - cm.yaml\n");
        repo.Write("apps/web/overlays/dev/cm.yaml", ConfigMap);
        return repo;
    }

    private static string Application(string name, string path = "apps/web/overlays/dev", string? @namespace = "web", string project = "project: default", string syncOptions = "[CreateNamespace=true]") => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {"{"}name: {name}, namespace: argocd{"}"}
        spec:
          {project}
          source: {"{"}repoURL: {Repo}, targetRevision: main, path: {path}{"}"}
          destination: {"{"}server: https://kubernetes.default.svc{(@namespace is null ? string.Empty : ", namespace: " + @namespace)}{"}"}
          syncPolicy: {"{"}syncOptions: {syncOptions}{"}"}
        """;

    private static string HelmApplication(string valueFile) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {"{"}name: metrics, namespace: argocd{"}"}
        spec:
          project: default
          sources:
            - repoURL: https://charts.example.com
              chart: prometheus
              targetRevision: 25.30.1
              helm: {"{"}valueFiles: [{valueFile}]{"}"}
            - {"{"}repoURL: {Repo}, targetRevision: main, ref: values{"}"}
          destination: {"{"}server: https://kubernetes.default.svc, namespace: monitoring{"}"}
          syncPolicy: {"{"}syncOptions: [CreateNamespace=true]{"}"}
        """;

    private static List<Diagnostic> Check(TempRepository repo, string id) =>
        LintEngine.Run(new LintRequest(repo.Root) { RepositoryRoot = repo.Root }).Diagnostics.Where(d => d.Id == id).ToList();

    [Test]
    public void VX3001_application_path_missing()
    {
        using var fail = Repository(("web", Application("web")), ("gone", Application("gone", path: "apps/gone/overlays/dev")));
        var diagnostics = Check(fail, "VX3001");
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Message, Does.StartWith("Application \"gone\" points at path \"apps/gone/overlays/dev\", which does not exist in this repository"));
        Assert.That(Path.GetFileName(diagnostics[0].Location.File), Is.EqualTo("gone.yaml"));

        using var pass = Repository(("web", Application("web")));
        Assert.That(Check(pass, "VX3001"), Is.Empty);
    }

    [Test]
    public void VX3002_same_resource_in_two_applications()
    {
        using var fail = Repository(("web", Application("web")), ("web-copy", Application("web-copy")));
        var diagnostics = Check(fail, "VX3002");
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Message, Does.StartWith("ConfigMap/web/web is deployed by Applications \"web\" and \"web-copy\" in dev"));

        using var pass = Repository(("web", Application("web")), ("web-copy", Application("web-copy", @namespace: "web2")));
        Assert.That(Check(pass, "VX3002"), Is.Empty, "same name, other destination namespace");
    }

    [Test]
    public void VX3003_overlay_no_application_deploys()
    {
        using var fail = Repository(("web", Application("web")));
        fail.Write("apps/api/overlays/dev/kustomization.yaml", "resources:\n  - cm.yaml\n");
        fail.Write("apps/api/overlays/dev/cm.yaml", ConfigMap);
        var diagnostics = Check(fail, "VX3003");
        Assert.That(diagnostics.Select(d => (d.Severity, d.Message)), Is.EqualTo(new[] { (Severity.Note, "Overlay \"apps/api/overlays/dev\" is not the source path of any Application in environment dev; it is checked but never deployed") }));

        using var pass = Repository(("web", Application("web")));
        Assert.That(Check(pass, "VX3003"), Is.Empty);
    }

    [Test]
    public void VX3003_follows_the_environment_filter_of_the_overlay_it_names()
    {
        using var repo = Repository(("web", Application("web")));
        repo.Write("apps/api/overlays/dev/kustomization.yaml", "resources:\n  - cm.yaml\n");
        repo.Write("apps/api/overlays/dev/cm.yaml", ConfigMap);
        List<Diagnostic> Orphans(string environment) =>
            LintEngine.Run(new LintRequest(repo.Root) { RepositoryRoot = repo.Root, Environments = [environment] }).Diagnostics.Where(d => d.Id == "VX3003").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Orphans("dev"), Has.Count.EqualTo(1));
            Assert.That(Orphans("prod"), Is.Empty, "a dev overlay's note is not part of a prod-only check");
        });
    }

    [Test]
    public void VX3004_application_spec_incomplete()
    {
        using var fail = Repository(("web", Application("web", project: "# no project")));
        var diagnostics = Check(fail, "VX3004");
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Message, Does.Contain("has no spec.project"));

        using var pass = Repository(("web", Application("web")));
        Assert.That(Check(pass, "VX3004"), Is.Empty);
    }

    [Test]
    public void VX3005_and_VX3006_helm_sources_and_their_values_files()
    {
        using var fail = Repository(("web", Application("web")), ("metrics", HelmApplication("$values/apps/metrics/missing.yaml")));
        Assert.That(Check(fail, "VX3005").Select(d => d.Severity), Is.EqualTo(new[] { Severity.Note }));
        var missing = Check(fail, "VX3006");
        Assert.That(missing, Has.Count.EqualTo(1));
        Assert.That(missing[0].Message, Does.Contain("\"$values/apps/metrics/missing.yaml\", which does not exist"));

        using var pass = Repository(("web", Application("web")), ("metrics", HelmApplication("$values/apps/metrics/values.yaml")));
        pass.Write("apps/metrics/values.yaml", "server: {replicas: 1}\n");
        pass.Write("apps/metrics/unused.yaml", "server: {replicas: 2}\n");
        Assert.That(Check(pass, "VX3006"), Is.Empty);
        Assert.That(Check(pass, "VX0009").Select(d => Path.GetFileName(d.Location.File)), Is.EqualTo(new[] { "unused.yaml" }), "a values file an Application uses is not 'skipped, not a manifest'");
    }

    [Test]
    public void VX3007_build_failure_breaks_the_application_but_an_offline_only_limit_does_not()
    {
        using var fail = Repository(("web", Application("web")));
        fail.Write("apps/web/overlays/dev/kustomization.yaml", "resources:\n  - cm.yaml\n  - missing.yaml\n");
        var diagnostics = Check(fail, "VX3007");
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Message, Does.StartWith("Application \"web\" cannot be rendered: the overlay \"apps/web/overlays/dev\" fails to build"));

        using var remote = Repository(("web", Application("web")));
        remote.Write("apps/web/overlays/dev/kustomization.yaml", "resources:\n  - cm.yaml\n  - https://example.com/releases/v1/components.yaml\n");
        var result = LintEngine.Run(new LintRequest(remote.Root) { RepositoryRoot = remote.Root });
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Contain("VX0106"), "the offline limit is still said");
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Not.Contain("VX3007"), "ArgoCD has the network: no Unknown claim");
    }

    [Test]
    public void VX3008_destination_namespace_never_created()
    {
        using var fail = Repository(("web", Application("web", syncOptions: "[]")));
        var diagnostics = Check(fail, "VX3008");
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Message, Does.StartWith("Application \"web\" deploys into namespace \"web\", but no Namespace \"web\" exists in environment dev"));

        using var pass = Repository(("web", Application("web")));
        Assert.That(Check(pass, "VX3008"), Is.Empty);
    }

    [Test]
    public void VX3009_namespaced_resource_without_any_namespace()
    {
        using var fail = Repository(("web", Application("web", @namespace: null)));
        var diagnostics = Check(fail, "VX3009");
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Message, Is.EqualTo("ConfigMap/web has no namespace and Application \"web\" has no destination namespace; ArgoCD cannot place it"));

        using var pass = Repository(("web", Application("web")));
        Assert.That(Check(pass, "VX3009"), Is.Empty);
    }

    [Test]
    public void VX3010_namespace_created_only_by_an_application_of_a_later_wave()
    {
        var secrets = Application("secrets", syncOptions: "[CreateNamespace=false]").Replace("metadata: {name: secrets, namespace: argocd}", "metadata: {name: secrets, namespace: argocd, annotations: {argocd.argoproj.io/sync-wave: \"-1\"}}", StringComparison.Ordinal);
        Assert.That(secrets, Does.Contain("sync-wave"));
        var owner = Application("web").Replace("metadata: {name: web, namespace: argocd}", "metadata: {name: web, namespace: argocd, annotations: {argocd.argoproj.io/sync-wave: \"0\"}}", StringComparison.Ordinal);
        using var fail = Repository(("web", owner), ("secrets", secrets.Replace("path: apps/web/overlays/dev", "path: apps/secrets/overlays/dev", StringComparison.Ordinal)));
        fail.Write("apps/secrets/overlays/dev/kustomization.yaml", "resources:\n  - cm.yaml\n");
        fail.Write("apps/secrets/overlays/dev/cm.yaml", ConfigMap.Replace("name: web", "name: creds", StringComparison.Ordinal));
        var diagnostics = Check(fail, "VX3010");
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Message, Does.StartWith("Application \"secrets\" (sync wave -1) deploys into namespace \"web\" without CreateNamespace, but that namespace is first created by Application \"web\" in sync wave 0"));
        Assert.That(Check(fail, "VX3008"), Is.Empty, "the namespace is created, only too late");

        using var pass = Repository(("web", owner), ("secrets", secrets.Replace("\"-1\"", "\"1\"", StringComparison.Ordinal).Replace("path: apps/web/overlays/dev", "path: apps/secrets/overlays/dev", StringComparison.Ordinal)));
        pass.Write("apps/secrets/overlays/dev/kustomization.yaml", "resources:\n  - cm.yaml\n");
        pass.Write("apps/secrets/overlays/dev/cm.yaml", ConfigMap.Replace("name: web", "name: creds", StringComparison.Ordinal));
        Assert.That(Check(pass, "VX3010"), Is.Empty, "wave 1 after the creator's wave 0");
    }

    [Test]
    public void VX3011_application_manifest_the_root_does_not_list()
    {
        using var fail = Repository(("web", Application("web")));
        fail.Write("argocd/overlays/dev/apps/paused.yaml", Application("paused", path: "apps/paused/overlays/dev"));
        var diagnostics = Check(fail, "VX3011");
        Assert.That(diagnostics.Select(d => (d.Severity, Path.GetFileName(d.Location.File), d.Location.StartLine)), Is.EqualTo(new[] { (Severity.Note, "paused.yaml", 3) }));
        Assert.That(diagnostics[0].Message, Does.StartWith("Application \"paused\" is defined in argocd/overlays/dev/apps/paused.yaml but dev's root does not list it"));

        using var pass = Repository(("web", Application("web")));
        Assert.That(Check(pass, "VX3011"), Is.Empty);
    }
}
