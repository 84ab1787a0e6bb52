namespace Vixens.Lint.Schemas.Tests;

/// <summary>One hand-written invalid manifest per category, with the exact message and position a user sees.</summary>
public class ValidationMessageTests
{
    private static List<string> Check(string yaml, SchemaSettings? settings = null) =>
        [.. Manifests.Validate(yaml, settings).Select(Manifests.Format)];

    [Test]
    public void Unknown_field_is_reported_at_its_key_with_a_suggestion()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replica: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      imagePullPolicy: IfNotPresent
                      resource:
                        limits: {cpu: 1}
                      requests: {memory: 64Mi}
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "6:3 VX1001 unknown field \"spec.replica\" (did you mean \"replicas\"?)",
            "17:11 VX1001 unknown field \"spec.template.spec.containers[0].resource\" (did you mean \"resources\"?)",
            "19:11 VX1001 unknown field \"spec.template.spec.containers[0].requests\" (did you mean \"resources.requests\"?)",
        }));
    }

    [Test]
    public void Unknown_field_far_from_any_declared_name_gets_no_suggestion()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              colour: blue
            data:
              key: value
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[] { "5:3 VX1001 unknown field \"metadata.colour\"" }));
    }

    [Test]
    public void Missing_required_field_is_reported_at_the_parent_mapping()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - image: nginx:1.27
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "6:3 VX1002 spec: missing required field \"selector\"",
            "9:11 VX1002 spec.template.spec.containers[0]: missing required field \"name\"",
        }));
    }

    [Test]
    public void Type_mismatches_quote_the_value_and_respect_yaml_scalar_types()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: "3"
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      ports:
                        - containerPort: 80
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              PORT: 8080
              DEBUG: true
              NAME: "8080"
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "6:13 VX1003 spec.replicas: expected integer, got string \"3\"",
            "24:9 VX1003 data.PORT: expected string, got integer 8080 (quote it to make it a string)",
            "25:10 VX1003 data.DEBUG: expected string, got boolean true (quote it to make it a string)",
        }));
    }

    [Test]
    public void Enum_violation_lists_the_allowed_values()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              restartPolicy: Sometimes
              containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: Sometimes
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "6:18 VX1004 spec.restartPolicy: \"Sometimes\" is not one of Always, OnFailure, Never",
            "10:24 VX1004 spec.containers[0].imagePullPolicy: \"Sometimes\" is not one of Always, IfNotPresent, Never",
        }));
    }

    [Test]
    public void Int_or_string_quantity_and_null_are_accepted_as_the_api_server_accepts_them()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations:
            spec:
              selector: {app: web}
              ports:
                - port: 80
                  targetPort: http
                - port: 443
                  targetPort: 8443
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              creationTimestamp: null
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    limits: {cpu: 1, memory: 512Mi}
                    requests: {cpu: 0.5}
                  securityContext:
            """;
        Assert.That(Check(yaml), Is.Empty);
    }

    [Test]
    public void Int_or_string_rejects_other_types_in_one_message()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
                - port: 80
                  targetPort: [80]
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[] { "8:19 VX1003 spec.ports[0].targetPort: expected integer or string, got a list" }));
    }

    [Test]
    public void Kind_without_any_schema_suggests_a_missing_crd()
    {
        const string yaml = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "2:7 VX1010 No schema for example.com/v1 Widget: no bundled Kubernetes 1.34 kind, CRD in this repository, catalog CRD or user schema defines it. Is its CRD missing? ArgoCD shows such a resource as Unknown and cannot sync it until the CRD is installed",
        }));
    }

    [Test]
    public void Unknown_kind_points_at_the_version_that_exists_or_the_closest_kind()
    {
        const string yaml = """
            apiVersion: traefik.io/v1beta1
            kind: Middleware
            metadata:
              name: cors
            ---
            apiVersion: v1
            kind: ConfigMaps
            metadata:
              name: settings
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "2:7 VX1010 No schema for traefik.io/v1beta1 Middleware (Middleware is defined as traefik.containo.us/v1alpha1, traefik.io/v1alpha1): no bundled Kubernetes 1.34 kind, CRD in this repository, catalog CRD or user schema defines it. Is its CRD missing? ArgoCD shows such a resource as Unknown and cannot sync it until the CRD is installed",
            "7:7 VX1010 No schema for v1 ConfigMaps (did you mean ConfigMap?): no bundled Kubernetes 1.34 kind, CRD in this repository, catalog CRD or user schema defines it. Is its CRD missing? ArgoCD shows such a resource as Unknown and cannot sync it until the CRD is installed",
        }));
    }

    [Test]
    public void Items_of_a_v1_List_are_validated_one_by_one()
    {
        const string yaml = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                data:
                  n: 1
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[] { "9:10 VX1003 data.n: expected string, got integer 1 (quote it to make it a string)" }));
    }

    [Test]
    public void Removed_and_deprecated_api_versions_name_the_replacement()
    {
        const string yaml = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: web
            ---
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata:
              name: web
            ---
            apiVersion: v1
            kind: Endpoints
            metadata:
              name: legacy
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "1:13 VX1011 extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1",
            "6:13 VX1011 policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1",
            "11:13 VX1012 v1 Endpoints is deprecated since Kubernetes 1.33; use discovery.k8s.io/v1 EndpointSlice",
        }));
    }

    [Test]
    public void Deprecation_depends_on_the_configured_version_only_for_bundled_versions()
    {
        const string yaml = """
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata:
              name: nightly
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[] { "1:13 VX1011 batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1" }));
    }

    [Test]
    public void Missing_identity_fields_are_reported()
    {
        const string yaml = """
            apiVersion: v1
            metadata:
              name: orphan
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels: {app: x}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              generateName: job-
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "1:1 VX1020 The resource has no kind: the API server cannot accept it",
            "8:3 VX1020 The resource has no metadata.name: the API server cannot accept it",
        }));
    }

    [Test]
    public void Names_follow_the_rule_of_their_kind()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: My_App
              namespace: team.a
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: 1web
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team.a
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: system:controller:web
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "4:9 VX1021 Deployment name \"My_App\" must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', at most 253 characters, starting and ending with a letter or digit",
            "5:14 VX1021 metadata.namespace \"team.a\" is not a valid namespace name: it must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit)",
            "16:9 VX1021 Service name \"1web\" must be a DNS-1035 label: lowercase letters, digits and '-', at most 63 characters, starting with a letter and ending with a letter or digit",
            "21:9 VX1021 Namespace name \"team.a\" must be a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit",
        }));
    }

    [Test]
    public void Label_keys_values_and_annotation_keys_are_checked()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels:
                app.kubernetes.io/name: web
                bad key: x
                Example.COM/tier: web
                tier: front end
                version: ""
              annotations:
                argocd.argoproj.io/sync-wave: "1"
                a/b/c: x
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "7:5 VX1022 label key \"bad key\" is invalid: the name part may contain only letters, digits, '-', '_' and '.', and must start and end with a letter or digit",
            "8:5 VX1022 label key \"Example.COM/tier\" is invalid: the prefix \"Example.COM\" must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253 characters)",
            "9:11 VX1022 label \"tier\" has an invalid value \"front end\": a label value may contain only letters, digits, '-', '_' and '.', and must start and end with a letter or digit",
            "13:5 VX1023 annotation key \"a/b/c\" is invalid: a key has at most one '/'",
        }));
    }

    [Test]
    public void Catalog_crd_is_strict_and_keeps_preserved_objects_open()
    {
        const string yaml = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: web
              namespace: argocd
            spec:
              project: default
              source:
                repoURL: https://example.com/repo.git
                targetRevision: main
                path: apps/web
                helm:
                  valuesObject:
                    anything: {goes: here}
              destination:
                server: https://kubernetes.default.svc
                namespace: web
              retry:
                limit: 3
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[] { "18:3 VX1001 unknown field \"spec.retry\" (did you mean \"syncPolicy.retry\"?)" }));
    }

    [Test]
    public void Unsupported_kubernetes_version_is_a_configuration_error()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            """;
        Assert.That(Check(yaml, new SchemaSettings { KubernetesVersion = "1.20" }), Is.EqualTo(new[]
        {
            "1:1 VX1090 Kubernetes version \"1.20\" has no bundled schemas (bundled: 1.34); set the Kubernetes version to one of them",
        }));
    }

    [Test]
    public void Skipped_kinds_get_a_note_and_no_schema_check()
    {
        const string yaml = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
            strngData: {a: b}
            """;
        var settings = new SchemaSettings { SkipKinds = new Dictionary<string, string> { ["Secret"] = "rendered by SOPS" } };
        Assert.That(Check(yaml, settings), Is.EqualTo(new[] { "2:7 VX1013 Schema validation skipped for Secret: rendered by SOPS" }));
    }

    [Test]
    public void Kustomize_files_are_not_resources()
    {
        const string yaml = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [deployment.yaml]
            """;
        Assert.That(Check(yaml), Is.Empty);
    }

    [Test]
    public void Server_side_applied_partial_objects_may_omit_required_fields()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              annotations:
                argocd.argoproj.io/sync-options: ServerSideApply=true
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      imagePulPolicy: Always
            """;
        Assert.That(Check(yaml), Is.EqualTo(new[]
        {
            "12:11 VX1001 unknown field \"spec.template.spec.containers[0].imagePulPolicy\" (did you mean \"imagePullPolicy\"?)",
        }));
    }
}
