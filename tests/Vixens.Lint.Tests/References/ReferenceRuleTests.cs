using NUnit.Framework;
using Vixens.Lint.Rules.References;
using static Vixens.Lint.Tests.References.RuleHarness;

namespace Vixens.Lint.Tests.References;

public sealed class ReferenceRuleTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: apps
        spec:
          selector:
            app: wbe
          ports:
            - name: http
              port: 80
        ---

        """;

    [Test]
    public void VX2001_service_selecting_no_pod_is_reported_at_the_selector()
    {
        var diagnostics = Run(new ServiceSelectorRule(), Service + Deployment("web"));
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Id, Is.EqualTo("VX2001"));
            Assert.That(At(diagnostics[0]), Is.EqualTo((8, 5)));
            Assert.That(diagnostics[0].Message, Is.EqualTo("Service \"web\" selects no pod: no pod template in namespace \"apps\" has the labels {app=wbe}. The Service has no endpoints and every connection to it fails."));
        });
    }

    [Test]
    public void VX2001_matching_selector_external_name_and_selectorless_services_pass()
    {
        var yaml = Service.Replace("app: wbe", "app: web", StringComparison.Ordinal) + """
            apiVersion: v1
            kind: Service
            metadata: {name: ext, namespace: apps}
            spec: {type: ExternalName, externalName: example.org, selector: {app: nothing}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: manual, namespace: apps}
            spec: {ports: [{port: 80}]}
            ---

            """ + Deployment("web");
        Assert.That(Run(new ServiceSelectorRule(), yaml), Is.Empty);
    }

    [Test]
    public void VX2001_pods_of_another_application_in_the_environment_count()
    {
        Assert.That(Run(new ServiceSelectorRule(), Service, otherUnits: Deployment("web", labels: "app: wbe")), Is.Empty);
    }

    [Test]
    public void VX2001_namespaces_filled_by_a_helm_chart_are_not_judged()
    {
        const string helmApp = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: web, namespace: argocd}
            spec:
              destination: {namespace: apps}
              sources:
                - {repoURL: https://charts.example.org, chart: web, targetRevision: 1.0.0}
            """;
        Assert.That(Run(new ServiceSelectorRule(), Service + Deployment("web"), otherUnits: helmApp), Is.Empty);
    }

    private const string Ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: apps
        spec:
          rules:
            - host: web.example.org
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 8080
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          name: http
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: apps
        spec:
          selector:
            app: web
          ports:
            - name: http
              port: 80
        """;

    [Test]
    public void VX2002_missing_service_and_undeclared_port_are_reported()
    {
        var diagnostics = Run(new IngressBackendRule(), Ingress);
        Assert.That(diagnostics, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(At(diagnostics[0]), Is.EqualTo((17, 27)));
            Assert.That(diagnostics[0].Message, Is.EqualTo("Ingress/apps/web routes to port 8080 of Service \"web\", which declares no such port (declared: 80/http). Requests on this route get 503 from Traefik."));
            Assert.That(At(diagnostics[1]), Is.EqualTo((22, 23)));
            Assert.That(diagnostics[1].Message, Is.EqualTo("Ingress/apps/web routes to Service \"api\", which does not exist in namespace \"apps\". Requests on this route get 404 or 503 from Traefik."));
        });
    }

    [Test]
    public void VX2002_port_by_number_or_by_name_passes()
    {
        var yaml = Ingress.Replace("number: 8080", "number: 80", StringComparison.Ordinal).Replace("name: api", "name: web", StringComparison.Ordinal);
        Assert.That(Run(new IngressBackendRule(), yaml), Is.Empty);
    }

    [Test]
    public void VX2002_traefik_ingress_route_services_are_checked()
    {
        const string yaml = """
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata:
              name: web
              namespace: apps
            spec:
              routes:
                - match: Host(`web.example.org`)
                  services:
                    - name: web
                      port: metrics
                    - name: dashboard
                      kind: TraefikService
                    - name: other
                      namespace: tools
                      port: 80
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: apps}
            spec: {ports: [{name: http, port: 80}]}
            """;
        var diagnostics = Run(new IngressBackendRule(), yaml);
        Assert.That(diagnostics.Select(At), Is.EqualTo(new[] { (11, 17), (14, 17) }));
        Assert.That(diagnostics[1].Message, Does.StartWith("IngressRoute/apps/web routes to Service \"other\", which does not exist in namespace \"tools\"."));
    }

    private const string Pdb = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
          namespace: apps
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: web
        ---

        """;

    [Test]
    public void VX2003_pdb_selecting_nothing_is_reported_at_the_selector()
    {
        var diagnostics = Run(new PdbSelectorRule(), Pdb + Deployment("api", labels: "app: api"));
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(At(diagnostics[0]), Is.EqualTo((9, 5)));
            Assert.That(diagnostics[0].Message, Is.EqualTo("PodDisruptionBudget \"web\" selects no pod: no pod template in namespace \"apps\" has the labels {app=web}. It protects nothing."));
        });
    }

    [Test]
    public void VX2003_min_available_equal_to_replicas_blocks_evictions()
    {
        var diagnostics = Run(new PdbSelectorRule(), Pdb + Deployment("web"));
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(At(diagnostics[0]), Is.EqualTo((7, 17)));
            Assert.That(diagnostics[0].Message, Is.EqualTo("PodDisruptionBudget \"web\" allows no voluntary eviction: minAvailable 1 needs 1 pod(s) up while Deployment/apps/web run(s) 1 replica(s) in total. Node drains (Talos upgrades, maintenance) hang on its pods until the budget is relaxed."));
        });
    }

    [TestCase("minAvailable: 1", "replicas: 2", false)]
    [TestCase("minAvailable: \"50%\"", "replicas: 2", false)]
    [TestCase("minAvailable: \"50%\"", "replicas: 1", true)]
    [TestCase("minAvailable: \"100%\"", "replicas: 3", true)]
    [TestCase("maxUnavailable: 0", "replicas: 3", true)]
    [TestCase("maxUnavailable: \"0%\"", "replicas: 3", true)]
    [TestCase("maxUnavailable: 1", "replicas: 1", false)]
    [TestCase("minAvailable: 1", "replicas: 0", false)]
    public void VX2003_eviction_budget(string budget, string replicas, bool blocks)
    {
        var diagnostics = Run(new PdbSelectorRule(), Pdb.Replace("minAvailable: 1", budget, StringComparison.Ordinal) + Deployment("web", spec: replicas));
        Assert.That(diagnostics, Has.Count.EqualTo(blocks ? 1 : 0));
    }

    private static string Consumer(string volumes = "", string env = "") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: apps
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        {env}
        {volumes}
        ---

        """;

    [Test]
    public void VX2004_secret_references_of_every_kind_must_be_produced()
    {
        const string env = """
                      envFrom:
                        - secretRef:
                            name: web-secrets
                      env:
                        - name: TOKEN
                          valueFrom:
                            secretKeyRef: {name: token, key: value}
                        - name: OPTIONAL
                          valueFrom:
                            secretKeyRef: {name: maybe, key: value, optional: true}
            """;
        const string volumes = """
                  imagePullSecrets:
                    - name: registry
                  volumes:
                    - name: tls
                      secret:
                        secretName: web-tls
                    - name: all
                      projected:
                        sources:
                          - secret: {name: projected}
            """;
        var diagnostics = Run(new SecretReferenceRule(), Consumer(volumes, env));
        Assert.That(diagnostics.Select(d => (d.Location.StartLine, d.Location.StartColumn)), Is.EqualTo(new[] { (18, 38), (14, 23), (27, 25), (31, 32), (23, 17) }));
        Assert.That(diagnostics[1].Message, Is.EqualTo("EnvFrom of container \"web\" of Deployment/apps/web uses Secret \"web-secrets\", which nothing in the environment produces in namespace \"apps\" (no Secret, InfisicalSecret, Certificate, SealedSecret or ExternalSecret). Pods fail with CreateContainerConfigError or stay ContainerCreating; if a Helm chart or an operator creates it, suppress with lint.vixens.io/suppress: \"VX2004\"."));
    }

    [Test]
    public void VX2004_producers_are_secrets_infisical_certificates_ingress_shim_sealed_and_external_secrets()
    {
        const string env = """
                      envFrom:
                        - secretRef: {name: web-secrets}
                        - secretRef: {name: other-secrets}
                        - secretRef: {name: sealed}
                        - secretRef: {name: external-target}
                        - secretRef: {name: plain}
                        - secretRef: {name: db-app}
            """;
        const string volumes = """
                  volumes:
                    - name: tls
                      secret: {secretName: web-cert}
            """;
        const string producers = """
            apiVersion: secrets.infisical.com/v1alpha1
            kind: InfisicalSecret
            metadata: {name: web-secrets-sync, namespace: apps}
            spec:
              managedSecretReference: {secretName: web-secrets, secretNamespace: apps}
              managedKubeSecretReferences:
                - {secretName: other-secrets, secretNamespace: apps}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: apps}
            spec: {secretName: web-cert}
            ---
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata: {name: sealed, namespace: apps}
            ---
            apiVersion: external-secrets.io/v1beta1
            kind: ExternalSecret
            metadata: {name: ext, namespace: apps}
            spec: {target: {name: external-target}}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: plain, namespace: apps}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: db, namespace: apps}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: apps
              annotations: {cert-manager.io/cluster-issuer: letsencrypt-prod}
            spec:
              tls: [{hosts: [web.example.org], secretName: web-ingress-tls}]
            """;
        Assert.That(Run(new SecretReferenceRule(), Consumer(volumes, env) + producers), Is.Empty);
    }

    [Test]
    public void VX2004_secret_produced_in_another_namespace_is_reported_and_ingress_tls_without_cert_manager_too()
    {
        const string yaml = """
            apiVersion: secrets.infisical.com/v1alpha1
            kind: InfisicalSecret
            metadata: {name: web-secrets-sync, namespace: apps}
            spec:
              managedSecretReference: {secretName: web-tls, secretNamespace: tools}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: apps}
            spec:
              tls:
                - secretName: web-tls
            """;
        var diagnostics = Run(new SecretReferenceRule(), yaml);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(At(diagnostics[0]), Is.EqualTo((12, 19)));
        Assert.That(diagnostics[0].Message, Does.StartWith("TLS section of Ingress/apps/web uses Secret \"web-tls\", which nothing in the environment produces in namespace \"apps\" (no Secret, InfisicalSecret, Certificate, SealedSecret or ExternalSecret); InfisicalSecret \"web-secrets-sync\" writes it in namespace \"tools\". Pods fail"));
    }

    [Test]
    public void VX2011_managed_secret_nobody_uses_is_a_note()
    {
        const string yaml = """
            apiVersion: secrets.infisical.com/v1alpha1
            kind: InfisicalSecret
            metadata: {name: web-secrets-sync, namespace: apps}
            spec:
              managedSecretReference:
                secretName: web-secrets
                secretNamespace: apps
              managedKubeSecretReferences:
                - secretName: used-by-helm
                  secretNamespace: apps
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: web, namespace: argocd}
            spec:
              source:
                helm:
                  values: |
                    existingSecret: used-by-helm
                    other: true
            """;
        var diagnostics = Run(new UnconsumedManagedSecretRule(), yaml);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Severity, Is.EqualTo(Diagnostics.Severity.Note));
            Assert.That(At(diagnostics[0]), Is.EqualTo((6, 17)));
            Assert.That(diagnostics[0].Message, Is.EqualTo("InfisicalSecret \"web-secrets-sync\" writes Secret \"web-secrets\" in namespace \"apps\", but nothing in the environment refers to that name. The secret is synced for nothing, or its consumer points at another name or namespace."));
        });
        Assert.That(Run(new UnconsumedManagedSecretRule(), yaml, otherUnits: Consumer(env: "          envFrom: [{secretRef: {name: web-secrets}}]")), Is.Empty);
    }

    [Test]
    public void VX2005_missing_config_map_is_reported_optional_and_root_ca_are_skipped()
    {
        const string volumes = """
                  volumes:
                    - name: config
                      configMap:
                        name: web-config
                    - name: ca
                      configMap: {name: kube-root-ca.crt}
                    - name: extra
                      configMap: {name: extra, optional: true}
                    - name: generated
                      configMap: {name: generated}
            """;
        const string generator = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: apps
            configMapGenerator:
              - name: generated
                literals: [a=b]
            """;
        var diagnostics = Run(new ConfigMapReferenceRule(), Consumer(volumes), generator);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(At(diagnostics[0]), Is.EqualTo((16, 19)));
        Assert.That(diagnostics[0].Message, Is.EqualTo("Volume \"config\" of Deployment/apps/web uses ConfigMap \"web-config\", which is not defined in namespace \"apps\". Pods fail with CreateContainerConfigError or stay ContainerCreating; if a Helm chart or an operator creates it, suppress with lint.vixens.io/suppress: \"VX2005\"."));
    }

    [Test]
    public void VX2006_missing_claim_is_reported_statefulset_claims_are_not()
    {
        const string volumes = """
                  volumes:
                    - name: data
                      persistentVolumeClaim:
                        claimName: web-data
                    - name: shared
                      persistentVolumeClaim: {claimName: data-db-0}
            """;
        const string statefulSet = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: apps}
            spec:
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec: {accessModes: [ReadWriteOnce]}
            """;
        var diagnostics = Run(new PvcReferenceRule(), Consumer(volumes), statefulSet);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(At(diagnostics[0]), Is.EqualTo((16, 24)));
        Assert.That(diagnostics[0].Message, Is.EqualTo("Volume \"data\" of Deployment/apps/web mounts PersistentVolumeClaim \"web-data\", which is not defined in namespace \"apps\". Its pods stay Pending until the claim exists."));
        Assert.That(Run(new PvcReferenceRule(), Consumer(volumes), statefulSet + "\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: web-data, namespace: apps}\n"), Is.Empty);
    }

    [Test]
    public void VX2007_missing_service_account_is_reported_default_is_not()
    {
        var diagnostics = Run(new ServiceAccountReferenceRule(), Deployment("web", podSpec: "serviceAccountName: web-sa"));
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(At(diagnostics[0]), Is.EqualTo((15, 27)));
        Assert.That(diagnostics[0].Message, Is.EqualTo("Deployment/apps/web runs as ServiceAccount \"web-sa\", which is not defined in namespace \"apps\". Its pods are refused at creation and the workload never starts."));
        Assert.That(Run(new ServiceAccountReferenceRule(), Deployment("web", podSpec: "serviceAccountName: default")), Is.Empty);
        Assert.That(Run(new ServiceAccountReferenceRule(), Deployment("web", podSpec: "serviceAccountName: web-sa"), "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web-sa, namespace: apps}\n"), Is.Empty);
    }

    private const string PriorityClasses = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: vixens-high}\nvalue: 50000\n";

    [Test]
    public void VX2008_unknown_priority_class_is_reported()
    {
        var diagnostics = Run(new PriorityClassReferenceRule(), Deployment("web", podSpec: "priorityClassName: vixens-hihg"), PriorityClasses);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(At(diagnostics[0]), Is.EqualTo((15, 26)));
        Assert.That(diagnostics[0].Message, Is.EqualTo("Deployment/apps/web uses priorityClassName \"vixens-hihg\", which is not a PriorityClass of the environment. The API server rejects its pods, so the workload never starts."));
    }

    [TestCase("vixens-high")]
    [TestCase("system-node-critical")]
    public void VX2008_defined_and_built_in_priority_classes_pass(string name) =>
        Assert.That(Run(new PriorityClassReferenceRule(), Deployment("web", podSpec: "priorityClassName: " + name), PriorityClasses), Is.Empty);

    [Test]
    public void VX2008_environment_without_any_priority_class_is_not_judged() =>
        Assert.That(Run(new PriorityClassReferenceRule(), Deployment("web", podSpec: "priorityClassName: vixens-high")), Is.Empty);

    [Test]
    public void VX2009_network_policies_selecting_nothing_are_reported()
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: apps}
            spec:
              podSelector:
                matchLabels: {app: wbe}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: apps}
            spec:
              podSelector: {}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: web, namespace: apps}
            spec:
              endpointSelector:
                matchLabels:
                  k8s:app: api
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: good, namespace: apps}
            spec:
              endpointSelector:
                matchLabels:
                  k8s:app: web
            ---

            """ + Deployment("web");
        var diagnostics = Run(new NetworkPolicySelectorRule(), yaml);
        Assert.That(diagnostics.Select(At), Is.EqualTo(new[] { (6, 5), (19, 5) }));
        Assert.That(diagnostics[0].Message, Is.EqualTo("NetworkPolicy/apps/web applies to no pod: no pod template in namespace \"apps\" has the labels {app=wbe}. The pods it was written for are not isolated by it."));
        Assert.That(diagnostics[1].Message, Does.StartWith("CiliumNetworkPolicy/apps/web applies to no pod: no pod template in namespace \"apps\" has the labels {app=api}."));
    }

    private const string Monitored = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: apps
          labels: {app: web}
        spec:
          selector: {app: web}
          ports:
            - {name: metrics, port: 9090}
        """;

    [Test]
    public void VX2010_service_monitor_selector_and_port_are_checked()
    {
        const string yaml = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: web, namespace: monitoring}
            spec:
              namespaceSelector:
                matchNames: [apps]
              selector:
                matchLabels: {app: web}
              endpoints:
                - port: metrics
                - port: http
            ---
            apiVersion: operator.victoriametrics.com/v1beta1
            kind: VMServiceScrape
            metadata: {name: api, namespace: apps}
            spec:
              selector:
                matchLabels: {app: api}
              endpoints:
                - port: metrics
            """;
        var diagnostics = Run(new MonitorSelectorRule(), yaml, Monitored);
        Assert.That(diagnostics.Select(At), Is.EqualTo(new[] { (11, 13), (18, 5) }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Message, Is.EqualTo("ServiceMonitor/monitoring/web scrapes port \"http\", which no selected Service declares (named ports: metrics). This endpoint has no target, so its metrics are missing."));
            Assert.That(diagnostics[1].Message, Is.EqualTo("VMServiceScrape/apps/api selects no Service in namespace \"apps\": none has the labels {app=api}. Nothing is scraped, so the app's metrics and alerts are silently missing."));
        });
    }

    [Test]
    public void VX2010_pod_monitor_uses_pod_labels_and_container_port_names()
    {
        const string yaml = """
            apiVersion: monitoring.coreos.com/v1
            kind: PodMonitor
            metadata: {name: web, namespace: apps}
            spec:
              selector:
                matchLabels: {app: web}
              podMetricsEndpoints:
                - port: metrics
            """;
        var pod = Deployment("web").Replace("image: nginx:1.27", "image: nginx:1.27\n          ports: [{name: metrics, containerPort: 9090}]", StringComparison.Ordinal);
        Assert.That(Run(new MonitorSelectorRule(), yaml, pod), Is.Empty);
        Assert.That(Run(new MonitorSelectorRule(), yaml, Deployment("web")).Select(At), Is.EqualTo(new[] { (8, 13) }));
    }
}

public sealed class ReferenceModelTests
{
    private const string AppNamePolicy = "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: mutate-app-name-label}\n";

    private const string Cnp = """
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: web, namespace: apps}
        spec:
          endpointSelector:
            matchLabels:
              app.kubernetes.io/name: web
        ---

        """;

    [Test]
    public void Kyverno_app_name_mutation_is_modelled_only_when_the_policy_is_deployed()
    {
        Assert.That(RuleHarness.Run(new NetworkPolicySelectorRule(), Cnp + RuleHarness.Deployment("web")), Has.Count.EqualTo(1));
        Assert.That(RuleHarness.Run(new NetworkPolicySelectorRule(), Cnp + RuleHarness.Deployment("web"), AppNamePolicy), Is.Empty);
    }

    [Test]
    public void Selectors_on_operator_assigned_labels_are_not_judged()
    {
        const string yaml = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: db, namespace: databases}
            spec:
              endpointSelector:
                matchLabels: {cnpg.io/cluster: postgresql-shared}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: scans, namespace: security}
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {app.kubernetes.io/managed-by: trivy-operator}
            """;
        Assert.That(RuleHarness.Run(new NetworkPolicySelectorRule(), yaml), Is.Empty);
        Assert.That(RuleHarness.Run(new PdbSelectorRule(), yaml), Is.Empty);
    }

    [Test]
    public void Names_of_helm_releases_are_not_judged_other_names_in_the_same_namespace_are()
    {
        const string application = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: grafana, namespace: argocd}
            spec:
              destination: {namespace: monitoring}
              sources:
                - {repoURL: https://grafana.github.io/helm-charts, chart: grafana, targetRevision: 8.0.0}
                - {repoURL: https://github.com/charchess/vixens.git, path: apps/02-monitoring/grafana/overlays/prod}
            """;
        const string ingress = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: dashboards, namespace: monitoring}
            spec:
              rules:
                - http:
                    paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: grafana, port: {number: 80}}}}
                      - {path: /loki, pathType: Prefix, backend: {service: {name: loki-gateway, port: {number: 80}}}}
            """;
        var diagnostics = RuleHarness.Run(new IngressBackendRule(), ingress, application);
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Message, Does.Contain("Service \"loki-gateway\""));
    }

    [Test]
    public void In_a_namespace_shared_with_a_helm_chart_plain_applications_are_still_judged()
    {
        const string helmApp = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: it-tools, namespace: argocd}
            spec:
              destination: {namespace: tools}
              source: {repoURL: https://charts.example.org, chart: it-tools, targetRevision: 1.0.0}
            """;
        static List<Diagnostics.Diagnostic> RunAs(string application, string selector)
        {
            var unit = RuleHarness.Resources($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: np, namespace: tools}}\nspec: {{podSelector: {{matchLabels: {{{selector}}}}}}}\n");
            unit.ForEach(r => r.Application = application);
            return RuleHarness.Run([new NetworkPolicySelectorRule()], unit, [.. unit, .. RuleHarness.Resources(helmApp, "/repo/other.yaml")]);
        }

        Assert.Multiple(() =>
        {
            Assert.That(RunAs("headlamp", "app: headlamp"), Has.Count.EqualTo(1), "plain app, plain selector");
            Assert.That(RunAs("headlamp", "app.kubernetes.io/instance: it-tools"), Is.Empty, "Helm release label");
            Assert.That(RunAs("it-tools", "app: anything"), Is.Empty, "the Helm app's own policy");
            Assert.That(RunAs("it-tools-config", "app: anything"), Is.Empty, "companion app named after the release");
        });
    }

    [Test]
    public void Traefik_ingress_route_tls_secret_is_a_consumer()
    {
        const string yaml = """
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata: {name: web, namespace: apps}
            spec:
              routes: []
              tls:
                secretName: web-tls
            """;
        var diagnostics = RuleHarness.Run(new SecretReferenceRule(), yaml);
        Assert.That(diagnostics.Select(RuleHarness.At), Is.EqualTo(new[] { (7, 17) }));
        Assert.That(RuleHarness.Run(new SecretReferenceRule(), yaml, "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: apps}\nspec: {secretName: web-tls}\n"), Is.Empty);
    }

    [Test]
    public void Runtime_created_argocd_secrets_are_not_reported()
    {
        var deployment = RuleHarness.Deployment("argocd-server").Replace("image: nginx:1.27", "image: nginx:1.27\n          env: [{name: REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: argocd-redis, key: auth}}}]", StringComparison.Ordinal);
        Assert.That(RuleHarness.Run(new SecretReferenceRule(), deployment), Is.Empty);
    }

    [Test]
    public void Pdb_over_a_daemonset_is_not_judged_for_evictions()
    {
        const string yaml = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: node, namespace: apps}
            spec:
              minAvailable: "100%"
              selector:
                matchLabels: {app: web}
            ---

            """;
        Assert.That(RuleHarness.Run(new PdbSelectorRule(), yaml + RuleHarness.Deployment("web").Replace("kind: Deployment", "kind: DaemonSet", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void All_rules_have_unique_ids_in_their_families_and_self_standing_messages()
    {
        var catalog = new Rules.RuleCatalog([.. ReferenceRules.All, .. Rules.Storage.StorageRules.All], []);
        Assert.That(catalog.Descriptors, Has.Count.EqualTo(15));
        foreach (var descriptor in catalog.Descriptors)
        {
            Assert.That(descriptor.Category, Is.EqualTo(descriptor.Id.StartsWith("VX2", StringComparison.Ordinal) ? "references" : "storage"));
            Assert.That(descriptor.MessageFormat, Does.Contain(". "), descriptor.Id + ": the first sentence must stand alone, then the consequence");
        }
    }
}

public sealed class PdbAutoscalingTests
{
    private const string Pdb = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: apps}
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: web}
        ---

        """;

    [TestCase("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: apps}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 1, maxReplicas: 3}\n", 0)]
    [TestCase("apiVersion: http.keda.sh/v1alpha1\nkind: HTTPScaledObject\nmetadata: {name: web, namespace: apps}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, replicas: {min: 0, max: 1}}\n", 1)]
    [TestCase("apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: web, namespace: apps}\nspec: {scaleTargetRef: {name: web}}\n", 0)]
    public void Autoscaled_workloads_are_judged_at_their_maximum_replicas(string scaler, int expected) =>
        Assert.That(RuleHarness.Run(new PdbSelectorRule(), Pdb + RuleHarness.Deployment("web"), scaler), Has.Count.EqualTo(expected));
}
