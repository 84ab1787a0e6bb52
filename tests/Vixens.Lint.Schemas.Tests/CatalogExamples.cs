namespace Vixens.Lint.Schemas.Tests;

/// <summary>
/// Examples in the shape each project's documentation shows them (Gateway API guides, cert-manager usage, the ESO
/// and Sealed Secrets READMEs, Prometheus Operator getting-started, Argo and Flux guides...), one per required group.
/// </summary>
internal static class CatalogExamples
{
    public static readonly (string Name, string Yaml)[] All =
    [
        ("Gateway API HTTPRoute", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: http-app-1
            spec:
              parentRefs:
                - name: my-gateway
              hostnames: ["foo.com"]
              rules:
                - matches:
                    - path:
                        type: PathPrefix
                        value: /bar
                  backendRefs:
                    - name: my-service1
                      port: 8080
            """),
        ("Gateway API Gateway", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: prod-web
            spec:
              gatewayClassName: example
              listeners:
                - protocol: HTTP
                  port: 80
                  name: prod-web-gw
                  allowedRoutes:
                    namespaces:
                      from: Same
            """),
        ("cert-manager Certificate", """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: example-com
            spec:
              secretName: example-com-tls
              duration: 2160h
              renewBefore: 360h
              dnsNames: [example.com, www.example.com]
              privateKey:
                algorithm: RSA
                size: 2048
              issuerRef:
                name: ca-issuer
                kind: Issuer
            """),
        ("External Secrets ExternalSecret", """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: example
            spec:
              refreshInterval: 1h
              secretStoreRef:
                name: secretstore-sample
                kind: SecretStore
              target:
                name: secret-to-be-created
                creationPolicy: Owner
              data:
                - secretKey: secret-key-to-be-managed
                  remoteRef:
                    key: provider-key
                    version: provider-key-version
            """),
        ("Sealed Secrets SealedSecret", """
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata:
              name: mysecret
              namespace: mynamespace
            spec:
              encryptedData:
                foo: AgBy3i4OJSWK+PiTySYZZA==
              template:
                metadata:
                  name: mysecret
                type: Opaque
            """),
        ("Prometheus Operator ServiceMonitor", """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: example-app
              labels:
                team: frontend
            spec:
              selector:
                matchLabels:
                  app: example-app
              endpoints:
                - port: web
                  interval: 30s
            """),
        ("VictoriaMetrics VMServiceScrape", """
            apiVersion: operator.victoriametrics.com/v1beta1
            kind: VMServiceScrape
            metadata:
              name: example-app
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: example-application
              endpoints:
                - port: http
            """),
        ("Traefik IngressRoute (traefik.io)", """
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata:
              name: myingressroute
            spec:
              entryPoints: [web]
              routes:
                - match: Host(`example.com`) && PathPrefix(`/bar`)
                  kind: Rule
                  services:
                    - name: whoami
                      port: 80
                  middlewares:
                    - name: stripprefix
            """),
        ("Traefik Middleware (traefik.containo.us)", """
            apiVersion: traefik.containo.us/v1alpha1
            kind: Middleware
            metadata:
              name: stripprefix
            spec:
              stripPrefix:
                prefixes: [/stripit]
            """),
        ("Cilium CiliumNetworkPolicy", """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata:
              name: l3-rule
            spec:
              endpointSelector:
                matchLabels:
                  role: backend
              ingress:
                - fromEndpoints:
                    - matchLabels:
                        role: frontend
                  toPorts:
                    - ports:
                        - port: "80"
                          protocol: TCP
            """),
        ("Istio VirtualService", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews-route
            spec:
              hosts: [reviews.prod.svc.cluster.local]
              http:
                - name: reviews-v2-routes
                  match:
                    - uri:
                        prefix: /wpcatalog
                  rewrite:
                    uri: /newcatalog
                  route:
                    - destination:
                        host: reviews.prod.svc.cluster.local
                        subset: v2
            """),
        ("Istio AuthorizationPolicy", """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: httpbin
              namespace: foo
            spec:
              action: ALLOW
              rules:
                - from:
                    - source:
                        principals: [cluster.local/ns/default/sa/sleep]
                  to:
                    - operation:
                        methods: [GET]
            """),
        ("Kyverno ClusterPolicy", """
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata:
              name: require-labels
            spec:
              validationFailureAction: Enforce
              rules:
                - name: check-team
                  match:
                    any:
                      - resources:
                          kinds: [Pod]
                  validate:
                    message: "label 'team' is required"
                    pattern:
                      metadata:
                        labels:
                          team: "?*"
            """),
        ("Argo Rollouts Rollout", """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: rollouts-demo
            spec:
              replicas: 5
              strategy:
                canary:
                  steps:
                    - setWeight: 20
                    - pause: {}
                    - setWeight: 40
                    - pause: {duration: 10}
              revisionHistoryLimit: 2
              selector:
                matchLabels:
                  app: rollouts-demo
              template:
                metadata:
                  labels:
                    app: rollouts-demo
                spec:
                  containers:
                    - name: rollouts-demo
                      image: argoproj/rollouts-demo:blue
                      ports:
                        - name: http
                          containerPort: 8080
                          protocol: TCP
                      resources:
                        requests:
                          memory: 32Mi
                          cpu: 5m
            """),
        ("Argo Workflows Workflow", """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: hello-world-
            spec:
              entrypoint: hello-world
              templates:
                - name: hello-world
                  container:
                    image: busybox
                    command: [echo]
                    args: ["hello world"]
            """),
        ("CloudNativePG Cluster", """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: cluster-example
            spec:
              instances: 3
              storage:
                size: 1Gi
            """),
        ("OLM Subscription", """
            apiVersion: operators.coreos.com/v1alpha1
            kind: Subscription
            metadata:
              name: my-operator
              namespace: operators
            spec:
              channel: stable
              name: my-operator
              source: operatorhubio-catalog
              sourceNamespace: olm
            """),
        ("KEDA ScaledJob", """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledJob
            metadata:
              name: rabbitmq-consumer
            spec:
              jobTargetRef:
                template:
                  spec:
                    containers:
                      - name: rabbitmq-client
                        image: tsuyoshiushio/rabbitmq-client:dev3
                        imagePullPolicy: Always
                        command: [receive, "amqp://user:PASSWORD@rabbitmq.default.svc.cluster.local:5672", job]
                    restartPolicy: Never
                backoffLimit: 4
              pollingInterval: 10
              maxReplicaCount: 30
              triggers:
                - type: rabbitmq
                  metadata:
                    queueName: hello
                    host: RabbitMqHost
                    queueLength: "5"
            """),
        ("Velero Schedule", """
            apiVersion: velero.io/v1
            kind: Schedule
            metadata:
              name: daily
              namespace: velero
            spec:
              schedule: 0 7 * * *
              template:
                includedNamespaces: ["*"]
                ttl: 720h0m0s
            """),
        ("Longhorn RecurringJob", """
            apiVersion: longhorn.io/v1beta2
            kind: RecurringJob
            metadata:
              name: snapshot-1
              namespace: longhorn-system
            spec:
              cron: "* * * * *"
              task: snapshot
              groups: [default]
              retain: 1
              concurrency: 2
              labels:
                label/1: a
            """),
        ("Flux Kustomization and GitRepository", """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: GitRepository
            metadata:
              name: podinfo
              namespace: flux-system
            spec:
              interval: 1m
              url: https://github.com/stefanprodan/podinfo
              ref:
                branch: master
            ---
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: podinfo
              namespace: flux-system
            spec:
              interval: 10m
              targetNamespace: default
              sourceRef:
                kind: GitRepository
                name: podinfo
              path: ./kustomize
              prune: true
              timeout: 1m
            """),
        ("Flux HelmRelease", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: podinfo
              namespace: default
            spec:
              interval: 10m
              chart:
                spec:
                  chart: podinfo
                  version: "5.*"
                  sourceRef:
                    kind: HelmRepository
                    name: podinfo
              values:
                replicaCount: 2
            """),
        ("Crossplane Provider", """
            apiVersion: pkg.crossplane.io/v1
            kind: Provider
            metadata:
              name: provider-aws-s3
            spec:
              package: xpkg.crossplane.io/crossplane-contrib/provider-aws-s3:v1.21.1
            """),
        ("Crossplane Composition", """
            apiVersion: apiextensions.crossplane.io/v1
            kind: Composition
            metadata:
              name: example
            spec:
              compositeTypeRef:
                apiVersion: custom-api.example.org/v1alpha1
                kind: XDatabase
              mode: Pipeline
              pipeline:
                - step: patch-and-transform
                  functionRef:
                    name: function-patch-and-transform
                  input:
                    apiVersion: pt.fn.crossplane.io/v1beta1
                    kind: Resources
                    resources: []
            """),
    ];
}
