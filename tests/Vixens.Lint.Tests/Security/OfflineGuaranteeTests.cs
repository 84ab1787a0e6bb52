using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Security;

/// <summary>
/// The product never touches the network: a whole check of a repository full of remote bases, Helm charts and remote
/// Application sources opens no socket and resolves no host name. The runtime's own networking event sources would
/// report any attempt (connect or DNS) made anywhere in the process.
/// </summary>
[NonParallelizable]
public sealed class OfflineGuaranteeTests
{
    [Test]
    public void Check_opens_no_socket_even_with_remote_bases_and_charts()
    {
        using var repo = new TempRepository();
        repo.Write("apps/web/base/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - https://raw.githubusercontent.com/example/repo/main/deploy.yaml\n  - github.com/example/repo//manifests?ref=v1\nhelmCharts:\n  - name: redis\n    repo: https://charts.bitnami.com/bitnami\n    version: 1.0.0\n");
        repo.Write("apps/web/overlays/prod/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\n");
        repo.Write("argocd/overlays/prod/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - web.yaml\n  - chart.yaml\n");
        repo.Write("argocd/overlays/prod/web.yaml",
            "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/homelab.git\n    path: apps/web/overlays/prod\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: web\n");
        repo.Write("argocd/overlays/prod/chart.yaml",
            "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: chart\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://charts.example.com\n    chart: thing\n    targetRevision: 1.2.3\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: chart\n");

        using var listener = new NetworkActivityListener();
        var (exitCode, stdout, _) = CliRunner.Run("check", repo.Root, "--format", "sarif");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), "the remote base is reported as an error");
            Assert.That(stdout, Does.Contain("VX0106"), "remote resources and helmCharts are named, not fetched");
            Assert.That(stdout, Does.Contain("VX3005"), "the Helm chart Application is recorded as not rendered");
            Assert.That(listener.Events, Is.Empty, "no connect and no name resolution happened");
        });
    }

    [Test]
    public void The_listener_does_see_a_name_resolution()
    {
        // Control: without it, an empty event list could mean a deaf listener. Resolving localhost sends nothing out.
        using var listener = new NetworkActivityListener();
        _ = System.Net.Dns.GetHostAddresses("localhost");
        Assert.That(listener.Events, Is.Not.Empty);
    }

    /// <summary>Listens to the runtime's socket and DNS event sources for the whole process.</summary>
    private sealed class NetworkActivityListener : EventListener
    {
        private static readonly HashSet<string> Sources = ["System.Net.Sockets", "System.Net.NameResolution", "System.Net.Http"];

        public ConcurrentQueue<string> Events { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (Sources.Contains(eventSource.Name))
            {
                EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is { } name && (name.Contains("Connect", StringComparison.Ordinal) || name.Contains("Resolution", StringComparison.Ordinal) || name.Contains("Request", StringComparison.Ordinal)))
            {
                Events.Enqueue($"{eventData.EventSource.Name}/{name}");
            }
        }
    }
}
