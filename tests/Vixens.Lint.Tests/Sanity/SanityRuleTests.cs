using NUnit.Framework;
using Vixens.Lint.Rules.Sanity;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Sanity;

public sealed class SanityRuleTests
{
    private static string Pod(string container, string annotations = "{}") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {"{"}name: web{"}"}
        spec:
          template:
            metadata:
              annotations: {annotations}
            spec:
              containers:
                - name: app
        {container}
        """;

    [Test]
    public void VX4101_reports_a_liveness_probe_with_the_readiness_check()
    {
        var yaml = Pod("""
                      livenessProbe:
                        httpGet: {path: /healthz, port: 7979}
                        failureThreshold: 2
                      readinessProbe:
                        httpGet: {port: 7979, path: /healthz}
                    - name: tolerant
                      livenessProbe: {httpGet: {path: /healthz, port: 7979}, failureThreshold: 6}
                      readinessProbe: {httpGet: {path: /healthz, port: 7979}}
            """);
        var found = RuleHarness.Run(new LivenessEqualsReadinessRule(), yaml).Select(RuleHarness.Show);
        Assert.That(found, Is.EqualTo(new[]
        {
            "12:13 VX4101 Container \"app\" uses the same check (httpGet /healthz on port 7979) for liveness and readiness, and liveness gives up as fast (20 s vs 30 s); when a dependency fails the pod is restarted instead of only leaving the Service endpoints",
        }));
    }

    [Test]
    public void VX4101_accepts_different_endpoints_and_shared_tcp_checks()
    {
        var yaml = Pod("""
                      livenessProbe:
                        httpGet: {path: /livez, port: 7979}
                      readinessProbe:
                        httpGet: {path: /readyz, port: 7979}
                    - name: sidecar
                      livenessProbe: {tcpSocket: {port: 8888}}
                      readinessProbe: {tcpSocket: {port: 8888}}
            """);
        Assert.That(RuleHarness.Run(new LivenessEqualsReadinessRule(), yaml), Is.Empty);
    }

    [Test]
    public void VX4102_reports_a_timeout_not_shorter_than_the_period_with_defaults()
    {
        var yaml = Pod("""
                      readinessProbe:
                        httpGet: {path: /, port: 80}
                        timeoutSeconds: 10
                      livenessProbe:
                        httpGet: {path: /, port: 80}
                        timeoutSeconds: 5
                        periodSeconds: 5
                      startupProbe:
                        httpGet: {path: /, port: 80}
                        timeoutSeconds: 3
            """);
        var found = RuleHarness.Run(new ProbeTimeoutRule(), yaml).Select(RuleHarness.Show);
        Assert.That(found, Is.EqualTo(new[]
        {
            "16:29 VX4102 livenessProbe of container \"app\" has timeoutSeconds 5 and periodSeconds 5; a slow answer overlaps the next probe, make the timeout shorter than the period",
            "13:29 VX4102 readinessProbe of container \"app\" has timeoutSeconds 10 and periodSeconds 10; a slow answer overlaps the next probe, make the timeout shorter than the period",
        }));
    }

    [Test]
    public void VX4103_reports_a_short_liveness_window_without_startup_probe()
    {
        var yaml = Pod("""
                      livenessProbe:
                        httpGet: {path: /, port: 80}
                        initialDelaySeconds: 5
                        periodSeconds: 5
                    - name: defaults
                      livenessProbe: {httpGet: {path: /, port: 80}}
                    - name: covered
                      startupProbe: {httpGet: {path: /, port: 80}, failureThreshold: 30}
                      livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}
            """);
        var found = RuleHarness.Run(new ShortLivenessWithoutStartupRule(), yaml).Select(RuleHarness.Show);
        Assert.That(found, Is.EqualTo(new[]
        {
            "11:11 VX4103 Container \"app\" is killed if its liveness probe fails for 20 s (initialDelaySeconds 5 + failureThreshold 3 × periodSeconds 5) and it has no startupProbe; a slow start ends in a restart loop",
        }));
    }

    [Test]
    public void VX4103_honours_the_vixens_fast_start_bypass()
    {
        var yaml = Pod("""
                      livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2}
            """, "{vixens.io/fast-start: \"true\"}");
        Assert.That(RuleHarness.Run(new ShortLivenessWithoutStartupRule(), yaml), Is.Empty);
    }

    [Test]
    public void VX4104_reports_limits_below_requests_across_suffixes()
    {
        var yaml = Pod("""
                      resources:
                        requests: {cpu: 500m, memory: 1Gi}
                        limits: {cpu: "0.5", memory: 1000Mi}
                  initContainers:
                    - name: init
                      resources:
                        requests: {cpu: "1"}
                        limits: {cpu: 900m}
            """);
        var found = RuleHarness.Run(new LimitBelowRequestRule(), yaml).Select(RuleHarness.Show);
        Assert.That(found, Is.EqualTo(new[]
        {
            "13:42 VX4104 Container \"app\" limits memory to 1000Mi, below its request of 1Gi; the API server rejects the pod (must be less than or equal to the limit)",
            "18:27 VX4104 Container \"init\" limits cpu to 900m, below its request of 1; the API server rejects the pod (must be less than or equal to the limit)",
        }));
    }

    [Test]
    public void VX4105_reports_cpu_limits_below_50m()
    {
        var yaml = Pod("""
                      resources:
                        limits: {cpu: 20m}
                    - name: ok
                      resources:
                        limits: {cpu: "0.05"}
                    - name: tiny
                      resources:
                        limits: {cpu: 0.01}
            """);
        var found = RuleHarness.Run(new CpuLimitTooLowRule(), yaml).Select(RuleHarness.Show);
        Assert.That(found, Is.EqualTo(new[]
        {
            "12:27 VX4105 Container \"app\" has a CPU limit of 20m (below 50m); it is throttled on every burst, which slows starts and fails probes",
            "18:27 VX4105 Container \"tiny\" has a CPU limit of 0.01 (below 50m); it is throttled on every burst, which slows starts and fails probes",
        }));
    }
}
