using NUnit.Framework;
using Vixens.Lint.Tests.RulePacks;

namespace Vixens.Lint.Tests.Maturity;

/// <summary>
/// A Kyverno PolicyException for require-probes (the corpus's synology-csi-probe-exception) lifts VX4004/VX4005 for the
/// pods it matches, as in the cluster; found by comparing our tiers with the repository's published report.
/// </summary>
[TestFixture]
public sealed class KyvernoExceptionTests
{
    private const string CsiNode = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: synology-csi-node
          namespace: synology-csi
        spec:
          selector:
            matchLabels:
              app: csi-node
          template:
            metadata:
              labels:
                app: csi-node
            spec:
              containers:
                - name: csi-node-driver-registrar
                  image: registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.13.0
        """;

    private const string Exception = """
        apiVersion: kyverno.io/v2
        kind: PolicyException
        metadata:
          name: synology-csi-probe-exception
          namespace: kyverno
        spec:
          exceptions:
            - policyName: require-probes
              ruleNames: [check-probes, autogen-check-probes]
          match:
            any:
              - resources:
                  kinds: [Pod, DaemonSet, StatefulSet]
                  namespaces: [synology-csi]
                  names: ["synology-csi-node*", "synology-csi-controller*"]
        """;

    private static List<string> ProbeFindings(TestWorkspace ws) =>
        ws.Lint().Diagnostics.Where(d => d.Id is "VX4004" or "VX4005").Select(d => $"{d.Id}:{d.Location.StartLine}").ToList();

    [Test]
    public void Without_an_exception_probes_are_required()
    {
        using var ws = new TestWorkspace();
        ws.Write("csi/node.yaml", CsiNode);
        Assert.That(ProbeFindings(ws), Is.EqualTo(new[] { "VX4004:16", "VX4005:16" }));
    }

    [Test]
    public void A_policy_exception_for_require_probes_exempts_the_matched_workload()
    {
        using var ws = new TestWorkspace();
        ws.Write("csi/node.yaml", CsiNode);
        ws.Write("kyverno/exception.yaml", Exception);
        Assert.That(ProbeFindings(ws), Is.Empty);
    }

    [TestCase("namespaces: [synology-csi]", "namespaces: [storage]", TestName = "Other namespace")]
    [TestCase("names: [\"synology-csi-node*\", \"synology-csi-controller*\"]", "names: [\"synology-csi-controller*\"]", TestName = "Other name")]
    [TestCase("policyName: require-probes", "policyName: check-startup-probe", TestName = "Other policy")]
    [TestCase("kinds: [Pod, DaemonSet, StatefulSet]", "kinds: [Deployment]", TestName = "Other kind")]
    public void An_exception_that_does_not_match_exempts_nothing(string from, string to)
    {
        using var ws = new TestWorkspace();
        ws.Write("csi/node.yaml", CsiNode);
        ws.Write("kyverno/exception.yaml", Exception.Replace(from, to, StringComparison.Ordinal));
        Assert.That(ProbeFindings(ws), Is.EqualTo(new[] { "VX4004:16", "VX4005:16" }));
    }

    [Test]
    public void A_pod_only_exception_matches_the_pods_a_controller_creates()
    {
        using var ws = new TestWorkspace();
        ws.Write("csi/node.yaml", CsiNode);
        ws.Write("kyverno/exception.yaml", Exception
            .Replace("kinds: [Pod, DaemonSet, StatefulSet]", "kinds: [Pod]", StringComparison.Ordinal)
            .Replace("names: [\"synology-csi-node*\", \"synology-csi-controller*\"]", "names: [\"synology-csi-node-*\"]", StringComparison.Ordinal));
        Assert.That(ProbeFindings(ws), Is.Empty, "pods are named synology-csi-node-<hash>");
    }
}
