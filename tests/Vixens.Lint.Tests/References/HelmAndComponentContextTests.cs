using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.GitOps;
using Vixens.Lint.Rules;
using Vixens.Lint.Rules.References;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.References;

/// <summary>
/// VX2002 on Services a Helm chart would create (orphaned overlays, charts deployed elsewhere) and VX2003 on budgets set
/// by a shared component: found on the Vixens corpus (Ingresses of orphaned dev overlays, 37 findings at one component line).
/// </summary>
public sealed class HelmAndComponentContextTests
{
    private const string Repo = "https://git.example.com/team/gitops.git";

    private const string Ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: grafana, namespace: monitoring}
        spec:
          rules:
            - http:
                paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: grafana, port: {number: 80}}}}
        """;

    private static readonly HelmChartSource GrafanaInProd = new("grafana", "prod", Listed: true, "monitoring", "grafana", "grafana", "https://grafana.github.io/helm-charts", "10.3.0");

    private static List<Diagnostic> RunIngress(string? application, params HelmChartSource[] charts)
    {
        var unit = RuleHarness.Resources(Ingress);
        unit.ForEach(r => r.Application = application);
        var sink = new List<Diagnostic>();
        var context = new RuleContext(unit, sink, "dev", new Model.ResourceIndex(unit)) { RepositoryHelmCharts = charts };
        new IngressBackendRule().Analyze(context);
        return sink;
    }

    [Test]
    public void VX2002_in_an_orphaned_overlay_a_service_a_chart_would_create_is_a_note_naming_the_chart()
    {
        var diagnostics = RunIngress(application: null, GrafanaInProd);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Severity, Is.EqualTo(Severity.Note));
            Assert.That(diagnostics[0].Message, Does.StartWith("Ingress/monitoring/grafana routes to Service \"grafana\", which is not rendered in namespace \"monitoring\": Helm chart \"grafana\" of Application \"grafana\" (environment prod) would create it"));
            Assert.That(diagnostics[0].Properties["helmChart"], Is.EqualTo("grafana"));
        });
    }

    [Test]
    public void VX2002_in_a_deployed_application_a_chart_installed_only_elsewhere_stays_an_error_and_says_where()
    {
        var diagnostics = RunIngress("grafana-ingress", GrafanaInProd);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Severity, Is.EqualTo(Severity.Error));
        Assert.That(diagnostics[0].Message, Does.Contain("does not exist in namespace \"monitoring\" of environment dev: only Helm chart \"grafana\" of Application \"grafana\" (environment prod) would create it"));
    }

    [Test]
    public void VX2002_a_genuinely_missing_service_stays_a_plain_error()
    {
        var otherNamespace = GrafanaInProd with { Namespace = "observability" };
        var otherName = GrafanaInProd with { Release = "loki", Chart = "loki" };
        foreach (var diagnostics in new[] { RunIngress(null), RunIngress(null, otherNamespace), RunIngress(null, otherName) })
        {
            Assert.That(diagnostics, Has.Count.EqualTo(1));
            Assert.That(diagnostics[0].Severity, Is.EqualTo(Severity.Error));
            Assert.That(diagnostics[0].Message, Is.EqualTo("Ingress/monitoring/grafana routes to Service \"grafana\", which does not exist in namespace \"monitoring\". Requests on this route get 404 or 503 from Traefik."));
        }
    }

    [Test]
    public void Selectors_in_an_orphaned_overlay_aimed_at_a_chart_of_another_environment_are_not_judged()
    {
        var itTools = new HelmChartSource("it-tools", "prod", Listed: true, "tools", "it-tools", "it-tools", "https://charts.example.org", "0.1.4");
        List<Diagnostic> RunPolicy(string? application, string selector)
        {
            var unit = RuleHarness.Resources($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: np, namespace: tools}}\nspec: {{podSelector: {{matchLabels: {{{selector}}}}}}}\n");
            unit.ForEach(r => r.Application = application);
            var sink = new List<Diagnostic>();
            new NetworkPolicySelectorRule().Analyze(new RuleContext(unit, sink, "dev", new Model.ResourceIndex(unit)) { RepositoryHelmCharts = [itTools] });
            return sink;
        }

        Assert.Multiple(() =>
        {
            Assert.That(RunPolicy(null, "app.kubernetes.io/name: it-tools"), Is.Empty, "orphan, chart-made selector");
            Assert.That(RunPolicy(null, "app: headlamp"), Has.Count.EqualTo(1), "orphan, plain selector");
            Assert.That(RunPolicy("headlamp", "app.kubernetes.io/name: it-tools"), Has.Count.EqualTo(1), "deployed: the chart is not in this environment");
        });
    }

    [Test]
    public void Engine_orphaned_dev_overlay_routes_to_a_prod_chart_service_note_and_to_a_missing_plain_service_error()
    {
        using var repo = new TempRepository();
        repo.Write("argocd/overlays/prod/kustomization.yaml", "resources:\n  - apps/grafana.yaml\n");
        repo.Write("argocd/overlays/prod/apps/grafana.yaml", HelmApplication("grafana", "monitoring"));
        repo.Write("argocd/overlays/dev/kustomization.yaml", "resources:\n  - apps/web.yaml\n");
        repo.Write("argocd/overlays/dev/apps/web.yaml", Application("web", "apps/web/overlays/dev", "web"));
        repo.Write("apps/web/overlays/dev/kustomization.yaml", "resources:\n  - cm.yaml\n");
        repo.Write("apps/web/overlays/dev/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {a: b}\n");
        repo.Write("apps/grafana-ingress/overlays/dev/kustomization.yaml", "namespace: monitoring\nresources:\n  - ingress.yaml\n  - missing.yaml\n");
        repo.Write("apps/grafana-ingress/overlays/dev/ingress.yaml", Ingress);
        repo.Write("apps/grafana-ingress/overlays/dev/missing.yaml", Ingress.Replace("name: grafana, port", "name: kibana, port", StringComparison.Ordinal).Replace("{name: grafana, namespace", "{name: kibana, namespace", StringComparison.Ordinal));

        var result = LintEngine.Run(new LintRequest(repo.Root) { RepositoryRoot = repo.Root });
        var findings = result.Diagnostics.Where(d => d.Id == "VX2002").OrderBy(d => d.Location.File, StringComparer.Ordinal).ToList();
        Assert.That(findings.Select(d => (Path.GetFileName(d.Location.File), d.Severity)).ToList(), Is.EqualTo(new[] { ("ingress.yaml", Severity.Note), ("missing.yaml", Severity.Error) }));
    }

    [Test]
    public void Engine_blocking_budget_from_a_shared_component_is_reported_once_per_application_at_its_components_entry()
    {
        using var repo = new TempRepository();
        repo.Write("argocd/overlays/prod/kustomization.yaml", "resources:\n  - apps/a.yaml\n  - apps/b.yaml\n");
        repo.Write("argocd/overlays/prod/apps/a.yaml", Application("a", "apps/a/overlays/prod", "apps"));
        repo.Write("argocd/overlays/prod/apps/b.yaml", Application("b", "apps/b/overlays/prod", "apps"));
        repo.Write("apps/_shared/components/pdb/1/kustomization.yaml", """
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            patches:
              - target: {kind: PodDisruptionBudget, name: ".*"}
                patch: |-
                  apiVersion: policy/v1
                  kind: PodDisruptionBudget
                  metadata: {name: any}
                  spec:
                    minAvailable: 1
            """);
        foreach (var app in new[] { "a", "b" })
        {
            repo.Write($"apps/{app}/base/kustomization.yaml", "resources:\n  - workload.yaml\n");
            repo.Write($"apps/{app}/base/workload.yaml", RuleHarness.Deployment(app, labels: $"app: {app}") + $"\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {{name: {app}, namespace: apps}}\nspec:\n  selector:\n    matchLabels: {{app: {app}}}\n");
            repo.Write($"apps/{app}/overlays/prod/kustomization.yaml", "resources:\n  - ../../base\ncomponents:\n  - ../../../_shared/components/pdb/1\n");
        }

        var result = LintEngine.Run(new LintRequest(repo.Root) { RepositoryRoot = repo.Root });
        var findings = result.Diagnostics.Where(d => d.Id == "VX2003").ToList();
        Assert.That(findings.Select(d => (result.RelativePath(d.Location.File), d.Location.StartLine, d.Location.StartColumn)).ToList(), Is.EqualTo(new[]
        {
            ("apps/a/overlays/prod/kustomization.yaml", 4, 5),
            ("apps/b/overlays/prod/kustomization.yaml", 4, 5),
        }));
        Assert.That(findings[0].Message, Does.StartWith("PodDisruptionBudget \"a\" allows no voluntary eviction: minAvailable 1 (set by the component \"../../../_shared/components/pdb/1\" included here) needs 1 pod(s) up while Deployment/apps/a run(s) 1 replica(s) in total."));
    }

    private static string Application(string name, string path, string @namespace) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {"{"}name: {name}, namespace: argocd{"}"}
        spec:
          project: default
          source: {"{"}repoURL: {Repo}, targetRevision: main, path: {path}{"}"}
          destination: {"{"}server: https://kubernetes.default.svc, namespace: {@namespace}{"}"}
          syncPolicy: {"{"}syncOptions: [CreateNamespace=true]{"}"}
        """;

    private static string HelmApplication(string name, string @namespace) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {"{"}name: {name}, namespace: argocd{"}"}
        spec:
          project: default
          source: {"{"}repoURL: https://charts.example.com, chart: {name}, targetRevision: 1.0.0{"}"}
          destination: {"{"}server: https://kubernetes.default.svc, namespace: {@namespace}{"}"}
          syncPolicy: {"{"}syncOptions: [CreateNamespace=true]{"}"}
        """;
}
