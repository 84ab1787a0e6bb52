using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules.Sanity;
using Vixens.Lint.Tests.Infrastructure;
using Harness = Vixens.Lint.Tests.References.RuleHarness;

namespace Vixens.Lint.Tests.Sanity;

/// <summary>
/// VX4105 with Vixens' Kyverno sizing-v2-mutate policy in the environment: the sizing label, not the manifest, decides the
/// CPU limit (the external-dns restarts of the Vixens PRD: G-small gives 25m).
/// </summary>
public sealed class SizingPolicyTests
{
    /// <summary>The shape of the corpus policy, reduced to the cpuLim context variable the model reads.</summary>
    private const string Policy = """
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata: {name: sizing-v2-mutate}
        spec:
          rules:
            - name: v2-container-sizing
              match: {any: [{resources: {kinds: [Pod]}}]}
              mutate:
                foreach:
                  - list: "request.object.spec.containers || '[]'"
                    context:
                      - name: cpuLim
                        variable:
                          value: "{{ sizingLabel == 'G-small' && '25m' || sizingLabel == 'G-large' && '100m' || sizingLabel == 'V-nano' && '20m' || '100m' }}"
        """;

    private static string Workload(string label, string limit = "500m") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {"{"}name: dns, namespace: networking{"}"}
        spec:
          selector: {"{"}matchLabels: {"{"}app: dns{"}"}{"}"}
          template:
            metadata:
              labels:
                app: dns
                {label}
            spec:
              containers:
                - name: dns
                  image: registry.k8s.io/external-dns/external-dns:v0.21.0
                  resources: {"{"}limits: {"{"}cpu: {limit}{"}"}{"}"}
        """;

    private static List<Diagnostic> Run(string workload, bool withPolicy)
    {
        var unit = Harness.Resources(workload);
        var environment = withPolicy ? [.. unit, .. Harness.Resources(Policy, "/repo/policy.yaml")] : unit;
        return Harness.Run([new CpuLimitTooLowRule()], unit, environment);
    }

    [Test]
    public void A_guaranteed_small_label_gives_a_25m_limit_reported_at_the_label()
    {
        var diagnostics = Run(Workload("vixens.io/sizing.dns: G-small"), withPolicy: true);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(Harness.At(diagnostics[0]), Is.EqualTo((10, 31)));
            Assert.That(diagnostics[0].Message, Does.StartWith("Container \"dns\" gets a CPU limit of 25m (below 50m) from its pod label vixens.io/sizing.dns: G-small, which Kyverno's sizing-v2-mutate policy applies at admission"));
        });
    }

    [Test]
    public void The_label_decides_over_the_manifest_and_vpa_managed_sizes_are_not_judged()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Run(Workload("vixens.io/sizing.dns: G-large", limit: "20m"), withPolicy: true), Is.Empty, "G-large gives 100m whatever the manifest says");
            Assert.That(Run(Workload("vixens.io/sizing.dns: V-nano"), withPolicy: true), Is.Empty, "V-* sizes are rewritten by VPA");
            Assert.That(Run(Workload("vixens.io/sizing.dns: G-small"), withPolicy: false), Is.Empty, "no policy in the environment: the manifest's 500m stands");
            Assert.That(Run(Workload("vixens.io/sizing.dns: G-small", limit: "20m"), withPolicy: false).Select(d => d.Message), Has.One.StartsWith("Container \"dns\" has a CPU limit of 20m"));
        });
    }

    [Test]
    public void Helm_values_pod_labels_are_judged_when_the_environment_runs_the_policy()
    {
        using var repo = new TempRepository();
        repo.Write("argocd/overlays/prod/kustomization.yaml", "resources:\n  - apps/dns.yaml\n  - apps/kyverno.yaml\n");
        repo.Write("argocd/overlays/prod/apps/dns.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: external-dns, namespace: argocd}
            spec:
              project: default
              sources:
                - repoURL: https://charts.example.com
                  chart: external-dns
                  targetRevision: 6.14.3
                  helm: {valueFiles: [$values/apps/dns/values/prod.yaml]}
                - {repoURL: https://git.example.com/gitops.git, targetRevision: main, ref: values}
              destination: {server: https://kubernetes.default.svc, namespace: networking}
              syncPolicy: {syncOptions: [CreateNamespace=true]}
            """);
        repo.Write("argocd/overlays/prod/apps/kyverno.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: kyverno, namespace: argocd}
            spec:
              project: default
              source: {repoURL: https://git.example.com/gitops.git, targetRevision: main, path: apps/kyverno/policies}
              destination: {server: https://kubernetes.default.svc, namespace: kyverno}
              syncPolicy: {syncOptions: [CreateNamespace=true]}
            """);
        repo.Write("apps/kyverno/policies/kustomization.yaml", "resources:\n  - sizing.yaml\n");
        repo.Write("apps/kyverno/policies/sizing.yaml", Policy);
        repo.Write("apps/dns/values/prod.yaml", "resources:\n  limits: {cpu: 50m}\npodLabels:\n  vixens.io/sizing.external-dns: G-small\n");

        var result = LintEngine.Run(new LintRequest(repo.Root) { RepositoryRoot = repo.Root });
        var findings = result.Diagnostics.Where(d => d.Id == "VX4106").ToList();
        Assert.That(findings.Select(d => (result.RelativePath(d.Location.File), d.Location.StartLine)).ToList(), Is.EqualTo(new[] { ("apps/dns/values/prod.yaml", 4) }));
        Assert.That(findings[0].Message, Does.StartWith("Helm values of Application \"external-dns\" label its pods vixens.io/sizing.external-dns: G-small; Kyverno's sizing-v2-mutate policy then gives container \"external-dns\" a CPU limit of 25m (below 50m)"));

        File.WriteAllText(repo.PathOf("apps/kyverno/policies/kustomization.yaml"), "resources: []\n");
        Assert.That(LintEngine.Run(new LintRequest(repo.Root) { RepositoryRoot = repo.Root }).Diagnostics.Where(d => d.Id == "VX4106"), Is.Empty, "no sizing policy deployed");
    }
}
