using System.Text.Json;
using NUnit.Framework;
using Vixens.Lint.Reporting.Maturity;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Maturity;

/// <summary>
/// <c>vixens-lint report</c> names every ArgoCD Application of every environment: rated when it renders a workload,
/// else listed as not assessed with the reason (Helm-only, configuration only), never silently dropped. Overlays no
/// Application deploys are rated but flagged; the environment root (the app-of-apps) is no application.
/// </summary>
[NonParallelizable]
public sealed class MaturityInventoryTests
{
    private const string Kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n";

    private static string Deployment(string name) =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  selector:\n    matchLabels:\n      app: {name}\n  template:\n    metadata:\n      labels:\n        app: {name}\n    spec:\n      containers:\n        - name: {name}\n          image: nginx:1.27\n";

    private static string Application(string name, string source) =>
        $"apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: {name}\n  namespace: argocd\nspec:\n  project: default\n  source:\n{source}  destination:\n    server: https://kubernetes.default.svc\n    namespace: {name}\n";

    private static string LocalSource(string path) => $"    repoURL: https://github.com/example/homelab.git\n    path: {path}\n";

    private static TempRepository Repository()
    {
        var repo = new TempRepository();
        repo.Write("argocd/overlays/prod/kustomization.yaml", Kustomization + "  - web.yaml\n  - chart.yaml\n  - config.yaml\n");
        repo.Write("argocd/overlays/prod/web.yaml", Application("web", LocalSource("apps/10-home/web/overlays/prod")));
        repo.Write("argocd/overlays/prod/config.yaml", Application("config", LocalSource("apps/00-infra/config/overlays/prod")));
        repo.Write("argocd/overlays/prod/chart.yaml", Application("chart", "    repoURL: https://charts.example.com\n    chart: thing\n    targetRevision: 1.2.3\n"));
        repo.Write("apps/10-home/web/overlays/prod/kustomization.yaml", Kustomization + "  - deployment.yaml\n");
        repo.Write("apps/10-home/web/overlays/prod/deployment.yaml", Deployment("web"));
        repo.Write("apps/00-infra/config/overlays/prod/kustomization.yaml", Kustomization + "  - configmap.yaml\n");
        repo.Write("apps/00-infra/config/overlays/prod/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n");

        // Neither is reached by an Application: an old overlay, and the skeleton apps/<app>/overlays/<env> (no category).
        repo.Write("apps/10-home/old/overlays/prod/kustomization.yaml", Kustomization + "  - deployment.yaml\n");
        repo.Write("apps/10-home/old/overlays/prod/deployment.yaml", Deployment("old"));
        repo.Write("apps/template-app/overlays/prod/kustomization.yaml", Kustomization + "  - deployment.yaml\n");
        repo.Write("apps/template-app/overlays/prod/deployment.yaml", Deployment("template"));
        return repo;
    }

    [Test]
    public void Json_names_every_application_rated_or_not_assessed_with_the_reason()
    {
        using var repo = Repository();
        var (exitCode, stdout, stderr) = CliRunner.Run("report", repo.Root, "--format", "json");
        Assert.That(exitCode, Is.EqualTo(0), stderr);
        var json = JsonDocument.Parse(stdout).RootElement;

        var rated = json.GetProperty("applications").EnumerateArray()
            .Select(a => $"{a.GetProperty("application").GetString()}/{a.GetProperty("environment").GetString()} deployed={a.GetProperty("deployedByArgoCD")}")
            .ToList();
        var notAssessed = json.GetProperty("notAssessed").EnumerateArray()
            .Select(a => $"{a.GetProperty("application").GetString()}/{a.GetProperty("environment").GetString()}: {a.GetProperty("reason").GetString()}")
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rated, Is.EqualTo(new[] { "old/prod deployed=False", "template-app/prod deployed=False", "web/prod deployed=True" }),
                "no row for the environment root argocd/overlays/prod, and apps/template-app is template-app, not \"overlays\"");
            Assert.That(notAssessed, Is.EqualTo(new[]
            {
                "chart/prod: Helm-only: chart thing is not rendered offline, so its workloads are unknown",
                "config/prod: deploys no workload (configuration only: ConfigMap)",
            }));
        });
    }

    [Test]
    public void Markdown_and_html_list_the_applications_not_assessed_and_flag_undeployed_overlays()
    {
        using var repo = Repository();
        var markdown = CliRunner.Run("report", repo.Root, "--format", "md").Stdout;
        var html = CliRunner.Run("report", repo.Root, "--format", "html").Stdout;
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("3 application(s) rated and 2 not assessed (no workload offline)"));
            Assert.That(markdown, Does.Contain("## Not assessed"));
            Assert.That(markdown, Does.Contain("| chart | prod | Helm-only: chart thing is not rendered offline, so its workloads are unknown |"));
            Assert.That(markdown, Does.Contain("| config | prod | deploys no workload (configuration only: ConfigMap) |"));
            Assert.That(markdown, Does.Match(@"\| old \| prod \(no Application\) \|"));
            Assert.That(markdown, Does.Match(@"\| web \| prod \| "));
            Assert.That(html, Does.Contain("<h2>Not assessed</h2>"));
            Assert.That(html, Does.Contain("<td>chart</td><td>prod</td><td>Helm-only: chart thing is not rendered offline, so its workloads are unknown</td>"));
            Assert.That(html, Does.Contain("<td>prod (no Application)</td>"));
        });
    }

    [Test]
    public void The_env_filter_applies_to_applications_not_assessed()
    {
        using var repo = Repository();
        var json = JsonDocument.Parse(CliRunner.Run("report", repo.Root, "--format", "json", "--env", "dev").Stdout).RootElement;
        Assert.That(json.GetProperty("notAssessed").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void A_finding_in_a_component_shared_by_two_applications_blocks_both()
    {
        using var repo = new TempRepository();
        repo.Write("argocd/overlays/prod/kustomization.yaml", Kustomization + "  - one.yaml\n  - two.yaml\n");
        foreach (var name in new[] { "one", "two" })
        {
            repo.Write($"argocd/overlays/prod/{name}.yaml", Application(name, LocalSource($"apps/10-home/{name}/overlays/prod")));
            repo.Write($"apps/10-home/{name}/overlays/prod/kustomization.yaml", Kustomization + "  - deployment.yaml\ncomponents:\n  - ../../../../_shared/sidecar\n");
            repo.Write($"apps/10-home/{name}/overlays/prod/deployment.yaml", Deployment(name).Replace("          image: nginx:1.27\n", "          image: nginx:1.27\n          resources: {requests: {cpu: 10m, memory: 16Mi}}\n", StringComparison.Ordinal));
        }

        // The component adds a sidecar without requests: one finding at the same line of the same file for both apps.
        repo.Write("apps/_shared/sidecar/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: sidecar.yaml\n    target: {kind: Deployment}\n");
        repo.Write("apps/_shared/sidecar/sidecar.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: any\nspec:\n  template:\n    spec:\n      containers:\n        - name: sidecar\n          image: busybox:1.36\n");

        var json = JsonDocument.Parse(CliRunner.Run("report", repo.Root, "--format", "json").Stdout).RootElement;
        var blocked = json.GetProperty("applications").EnumerateArray()
            .Select(a => $"{a.GetProperty("application").GetString()}: {string.Join(",", a.GetProperty("blocking").EnumerateArray().Where(b => b.GetProperty("ruleId").GetString() == "VX4002").Select(b => $"{b.GetProperty("ruleId").GetString()}@{b.GetProperty("file").GetString()}:{b.GetProperty("line").GetInt32()}").Distinct())}")
            .ToList();
        Assert.That(blocked, Is.EqualTo(new[]
        {
            "one: VX4002@apps/_shared/sidecar/sidecar.yaml:9",
            "two: VX4002@apps/_shared/sidecar/sidecar.yaml:9",
        }));
    }

    [TestCase("apps/template-app/overlays/dev", "template-app", "dev")]
    [TestCase("apps/template-app/base", "template-app", "base")]
    public void An_app_directory_without_a_category_level_is_named_after_the_app(string origin, string app, string env)
    {
        Assert.That(MaturityCalculator.Identify(null, null, origin), Is.EqualTo((app, env, (string?)null)));
    }
}
