using System.Text.Json;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Cli;

[NonParallelizable]
public sealed class AppsCommandTests
{
    private const string Repo = "https://git.example.com/team/gitops.git";

    [Test]
    public void Text_listing_of_the_homelab_sample_is_approved()
    {
        var (exitCode, stdout, stderr) = CliRunner.Run("apps", "samples/homelab");
        Assert.That(exitCode, Is.EqualTo(0), stderr);
        ApprovedFile.Verify("apps-homelab.text", stdout);
    }

    [Test]
    public void Json_listing_of_the_homelab_sample_is_approved()
    {
        var (exitCode, stdout, stderr) = CliRunner.Run("apps", "samples/homelab", "--format", "json");
        Assert.That(exitCode, Is.EqualTo(0), stderr);
        ApprovedFile.Verify("apps-homelab", stdout, "json");
    }

    [Test]
    public void Lists_applications_unrendered_charts_unlisted_manifests_and_orphans_per_environment()
    {
        using var repo = SmallRepository();
        var (exitCode, stdout, stderr) = CliRunner.Run("apps", repo.Root, "--format", "json");
        Assert.That(exitCode, Is.EqualTo(0), stderr);

        using var json = JsonDocument.Parse(stdout);
        var dev = json.RootElement.GetProperty("environments").EnumerateArray().Single();
        Assert.That(dev.GetProperty("name").GetString(), Is.EqualTo("dev"));
        var applications = dev.GetProperty("applications").EnumerateArray().ToList();
        Assert.That(applications.Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { "metrics", "web" }), "sorted by name");

        var web = applications[1];
        Assert.That(web.GetProperty("namespace").GetString(), Is.EqualTo("web"));
        Assert.That(web.GetProperty("syncWave").GetString(), Is.EqualTo("2"));
        Assert.That(web.GetProperty("resources").GetInt32(), Is.EqualTo(1));
        Assert.That(web.GetProperty("file").GetString(), Is.EqualTo("argocd/overlays/dev/apps/web.yaml"));
        var webSource = web.GetProperty("sources").EnumerateArray().Single();
        Assert.That(webSource.GetProperty("path").GetString(), Is.EqualTo("apps/web/overlays/dev"));
        Assert.That(webSource.GetProperty("state").GetString(), Is.EqualTo("rendered"));

        var unrendered = dev.GetProperty("unrendered").EnumerateArray().Single();
        Assert.That(unrendered.GetProperty("application").GetString(), Is.EqualTo("metrics"));
        Assert.That(unrendered.GetProperty("chart").GetString(), Is.EqualTo("prometheus"));
        Assert.That(unrendered.GetProperty("targetRevision").GetString(), Is.EqualTo("25.30.1"));
        Assert.That(unrendered.GetProperty("repoURL").GetString(), Is.EqualTo("https://charts.example.com"));
        Assert.That(unrendered.GetProperty("state").GetString(), Is.EqualTo("helm-chart"));

        var unlisted = dev.GetProperty("unlistedApplications").EnumerateArray().Single();
        Assert.That(unlisted.GetProperty("name").GetString(), Is.EqualTo("paused"));
        Assert.That(dev.GetProperty("orphanedOverlays").EnumerateArray().Select(o => o.GetString()), Is.EqualTo(new[] { "apps/paused/overlays/dev" }));
        Assert.That(dev.GetProperty("counts").GetProperty("orphanedOverlays").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void Text_listing_names_each_section_with_its_count()
    {
        using var repo = SmallRepository();
        var (exitCode, stdout, _) = CliRunner.Run("apps", repo.Root);
        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(stdout, Does.StartWith("Environment dev (argocd/overlays/dev): 2 Application(s), 1 unrendered source(s), 1 unlisted Application manifest(s), 1 orphaned overlay(s)"));
        Assert.That(stdout, Does.Contain("metrics: chart prometheus 25.30.1 (https://charts.example.com) — Helm charts are not rendered offline"));
        Assert.That(stdout, Does.Contain("paused (argocd/overlays/dev/apps/paused.yaml:2): apps/paused/overlays/dev"));
    }

    [Test]
    public void A_missing_path_is_listed_as_unrendered_with_its_reason()
    {
        using var repo = SmallRepository();
        repo.Write("argocd/overlays/dev/apps/web.yaml", Application("web", "apps/web/overlays/gone", "web", "2"));
        var (_, stdout, _) = CliRunner.Run("apps", repo.Root);
        Assert.That(stdout, Does.Contain("web: apps/web/overlays/gone [path-missing] — the path does not exist in this repository"));
    }

    [Test]
    public void Env_filter_and_usage_errors()
    {
        using var repo = SmallRepository();
        Assert.That(CliRunner.Run("apps", repo.Root, "--env", "dev").ExitCode, Is.EqualTo(0));
        var unknown = CliRunner.Run("apps", repo.Root, "--env", "prod");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Stderr, Does.Contain("unknown environment prod (environments: dev)"));

        using var empty = new TempRepository();
        empty.Write("deployment.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        var noKustomization = CliRunner.Run("apps", empty.Root);
        Assert.That(noKustomization.ExitCode, Is.EqualTo(2));
        Assert.That(noKustomization.Stderr, Does.Contain("holds no kustomization"));
        Assert.That(CliRunner.Run("apps", "does/not/exist").ExitCode, Is.EqualTo(2));
        Assert.That(CliRunner.Run("apps", repo.Root, "--format", "sarif").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Listing_is_deterministic()
    {
        using var repo = SmallRepository();
        var first = CliRunner.Run("apps", repo.Root, "--format", "json").Stdout;
        Assert.That(CliRunner.Run("apps", repo.Root, "--format", "json").Stdout, Is.EqualTo(first));
    }

    private static TempRepository SmallRepository()
    {
        var repo = new TempRepository();
        repo.Write("argocd/overlays/dev/kustomization.yaml", "resources:\n  - apps/web.yaml\n  - apps/metrics.yaml\n  # - apps/paused.yaml\n");
        repo.Write("argocd/overlays/dev/apps/web.yaml", Application("web", "apps/web/overlays/dev", "web", "2"));
        repo.Write("argocd/overlays/dev/apps/paused.yaml", Application("paused", "apps/paused/overlays/dev", "paused", null));
        repo.Write("argocd/overlays/dev/apps/metrics.yaml", $"""
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: metrics
            spec:
              project: default
              sources:
                - repoURL: https://charts.example.com
                  chart: prometheus
                  targetRevision: 25.30.1
                  helm:
                    valueFiles:
                      - $values/apps/metrics/values.yaml
                - repoURL: {Repo}
                  targetRevision: main
                  ref: values
              destination:
                server: https://kubernetes.default.svc
                namespace: monitoring
              syncPolicy:
                syncOptions:
                  - CreateNamespace=true
            """);
        repo.Write("apps/metrics/values.yaml", "server: {}\n");
        repo.Write("apps/web/base/kustomization.yaml", "resources:\n  - configmap.yaml\n");
        repo.Write("apps/web/base/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: b\n");
        repo.Write("apps/web/overlays/dev/kustomization.yaml", "resources:\n  - ../../base\n");
        repo.Write("apps/paused/overlays/dev/kustomization.yaml", "resources:\n  - configmap.yaml\n");
        repo.Write("apps/paused/overlays/dev/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: paused\ndata:\n  a: b\n");
        return repo;
    }

    private static string Application(string name, string path, string @namespace, string? wave) => $"""
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: {name}
        {(wave is null ? string.Empty : $"  annotations:\n    argocd.argoproj.io/sync-wave: \"{wave}\"\n")}spec:
          project: default
          source:
            repoURL: {Repo}
            targetRevision: main
            path: {path}
          destination:
            server: https://kubernetes.default.svc
            namespace: {@namespace}
          syncPolicy:
            syncOptions:
              - CreateNamespace=true
        """;
}
