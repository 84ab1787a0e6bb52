using NUnit.Framework;
using Vixens.Lint.Rules.Drift;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Drift;

public sealed class DriftRuleTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: apps
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  resources:
                    requests:
                      cpu: 1000m
                      memory: 1024Mi
                    limits:
                      cpu: "2"
                      memory: 1.5Gi
              volumes:
                - name: tmp
                  emptyDir:
                    sizeLimit: 1000Mi
        """;

    [Test]
    public void VX3101_reports_each_non_canonical_quantity_with_its_canonical_value()
    {
        var found = RuleHarness.Run(new NonCanonicalQuantityRule(), Deployment).Select(RuleHarness.Show);
        Assert.That(found, Is.EqualTo(new[]
        {
            "14:20 VX3101 spec.template.spec.containers[0].resources.requests.cpu is \"1000m\", which the API server stores as \"1\"; write \"1\" so ArgoCD does not see a difference",
            "15:23 VX3101 spec.template.spec.containers[0].resources.requests.memory is \"1024Mi\", which the API server stores as \"1Gi\"; write \"1Gi\" so ArgoCD does not see a difference",
            "18:23 VX3101 spec.template.spec.containers[0].resources.limits.memory is \"1.5Gi\", which the API server stores as \"1536Mi\"; write \"1536Mi\" so ArgoCD does not see a difference",
        }));
    }

    [Test]
    public void VX3101_checks_pvcs_statefulset_claims_quotas_and_limit_ranges()
    {
        const string yaml = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            spec:
              resources:
                requests:
                  storage: 1024Gi
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec:
                    resources:
                      requests: {storage: 0.5Gi}
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q}
            spec:
              hard: {requests.cpu: "4000m", pods: "10"}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: l}
            spec:
              limits:
                - type: Container
                  default: {memory: 2048Mi}
                  defaultRequest: {memory: 256Mi}
            """;
        var found = RuleHarness.Run(new NonCanonicalQuantityRule(), yaml).Select(RuleHarness.Show).ToList();
        Assert.That(found, Is.EqualTo(new[]
        {
            "7:16 VX3101 spec.resources.requests.storage is \"1024Gi\", which the API server stores as \"1Ti\"; write \"1Ti\" so ArgoCD does not see a difference",
            "17:31 VX3101 spec.volumeClaimTemplates[0].spec.resources.requests.storage is \"0.5Gi\", which the API server stores as \"512Mi\"; write \"512Mi\" so ArgoCD does not see a difference",
            "23:24 VX3101 spec.hard.requests.cpu is \"4000m\", which the API server stores as \"4\"; write \"4\" so ArgoCD does not see a difference",
            "31:25 VX3101 spec.limits[0].default.memory is \"2048Mi\", which the API server stores as \"2Gi\"; write \"2Gi\" so ArgoCD does not see a difference",
        }));
    }

    [Test]
    public void VX3101_honours_the_applications_ignore_differences()
    {
        var application = RuleHarness.Application("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: web}
            spec:
              ignoreDifferences:
                - group: apps
                  kind: Deployment
                  jsonPointers: [/spec/template/spec/containers/0/resources/requests]
                - group: apps
                  kind: Deployment
                  name: web
                  jqPathExpressions: ['.spec.template.spec.containers[] | select(.name == "app") | .resources.limits']
                - group: "*"
                  kind: "*"
                  jsonPointers: [/spec/template/spec/volumes]
            """);
        Assert.That(RuleHarness.Run(new NonCanonicalQuantityRule(), Deployment, application), Is.Empty);

        var other = RuleHarness.Application("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: web}
            spec:
              ignoreDifferences:
                - group: apps
                  kind: Deployment
                  name: not-web
                  jsonPointers: [/spec]
                - kind: Deployment
                  jsonPointers: [/spec]
            """);
        Assert.That(RuleHarness.Run(new NonCanonicalQuantityRule(), Deployment, other), Has.Count.EqualTo(3), "wrong name, or core group instead of apps: nothing ignored");
    }

    [Test]
    public void VX3102_reports_status_and_server_metadata_but_not_empty_placeholders()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              creationTimestamp: null
              resourceVersion: "123"
              uid: 0a1b
            spec:
              ports: [{port: 80}]
            status:
              loadBalancer: {}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            status: {}
            """;
        var found = RuleHarness.Run(new ServerPopulatedFieldRule(), yaml).Select(RuleHarness.Show).ToList();
        Assert.That(found, Is.EqualTo(new[]
        {
            "10:1 VX3102 Service/web has a status section, which only the API server and controllers write; remove it from the manifest",
            "7:3 VX3102 Service/web has metadata.uid, which only the API server and controllers write; remove it from the manifest",
            "6:3 VX3102 Service/web has metadata.resourceVersion, which only the API server and controllers write; remove it from the manifest",
        }));
    }

    [Test]
    public void VX3103_reports_quoted_numbers_in_int_or_string_fields()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports:
                - port: 80
                  targetPort: "8080"
                - port: 81
                  targetPort: http
                - port: 82
                  targetPort: 8082
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              strategy:
                rollingUpdate: {maxSurge: "1", maxUnavailable: "25%"}
              template:
                spec:
                  containers:
                    - name: app
                      livenessProbe:
                        httpGet: {path: /healthz, port: '9090'}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: "1"
            """;
        var found = RuleHarness.Run(new QuotedIntOrStringRule(), yaml).Select(RuleHarness.Show).ToList();
        Assert.That(found, Is.EqualTo(new[]
        {
            "7:19 VX3103 spec.ports[0].targetPort is the string \"8080\", which the API server reads as a port name, not the number 8080; write 8080 without quotes",
            "24:45 VX3103 spec.template.spec.containers[0].livenessProbe.httpGet.port is the string \"9090\", which the API server reads as a port name, not the number 9090; write 9090 without quotes",
            "18:31 VX3103 spec.strategy.rollingUpdate.maxSurge is the string \"1\", which the API server reads as a percentage (a number followed by %), not the number 1; write 1 without quotes",
            "30:17 VX3103 spec.minAvailable is the string \"1\", which the API server reads as a percentage (a number followed by %), not the number 1; write 1 without quotes",
        }));
    }

    [Test]
    public void VX3104_reports_empty_maps_and_lists_of_built_in_kinds_only()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              annotations: {}
            spec:
              selector: {}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: app
                      args: []
                      resources: {}
                      securityContext: {}
                  volumes:
                    - name: tmp
                      emptyDir: {}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, annotations: {}}
            spec: {items: []}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: none}
            rules: []
            """;
        var found = RuleHarness.Run(new EmptyCollectionRule(), yaml).Select(RuleHarness.Show).ToList();
        Assert.That(found, Is.EqualTo(new[]
        {
            "5:3 VX3104 metadata.annotations is an empty map; the API server does not store it, so a plain diff always shows it missing: remove the line",
            "14:11 VX3104 spec.template.spec.containers[0].args is an empty list; the API server does not store it, so a plain diff always shows it missing: remove the line",
        }));
    }

    private const string ChildApplications = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: child
          namespace: argocd
        spec:
          project: default
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: finalized
          finalizers:
            - resources-finalizer.argocd.argoproj.io/background
        spec:
          project: default
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: typo
          finalizers:
            - resources-finalizer.argocd.io
        """;

    [Test]
    public void VX3105_reports_child_applications_without_the_resources_finalizer()
    {
        var found = RuleHarness.Run(new ChildApplicationFinalizerRule(), ChildApplications).Select(RuleHarness.Show);
        Assert.That(found, Is.EqualTo(new[]
        {
            "4:9 VX3105 Application \"child\" has no resources-finalizer.argocd.argoproj.io finalizer; when the app-of-apps that syncs it prunes or deletes it, everything it deployed stays in the cluster unmanaged",
            "23:7 VX3105 Application \"typo\" has the finalizer \"resources-finalizer.argocd.io\", which no controller handles (did you mean resources-finalizer.argocd.argoproj.io?); when the app-of-apps that syncs it prunes or deletes it, the deletion hangs on that finalizer and the resources it deployed are never cleaned up",
        }));
    }

    [Test]
    public void VX3105_names_a_pruning_parent_and_stays_quiet_when_the_parent_does_not_prune()
    {
        var pruning = RuleHarness.Application("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: parent}
            spec:
              syncPolicy:
                automated: {prune: true, selfHeal: true}
            """);
        var found = RuleHarness.Run(new ChildApplicationFinalizerRule(), ChildApplications, pruning).Select(RuleHarness.Show).Take(1);
        Assert.That(found, Is.EqualTo(new[]
        {
            "4:9 VX3105 Application \"child\" has no resources-finalizer.argocd.argoproj.io finalizer; when its parent Application \"parent\" (automated prune) prunes or deletes it, everything it deployed stays in the cluster unmanaged",
        }));

        var manual = RuleHarness.Application("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: parent}
            spec:
              syncPolicy: {}
            """);
        Assert.That(RuleHarness.Run(new ChildApplicationFinalizerRule(), ChildApplications, manual), Is.Empty);
    }
}
