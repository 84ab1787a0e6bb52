using NUnit.Framework;
using Vixens.Lint.Configuration;
using Vixens.Lint.Rules;
using Vixens.Lint.Rules.Packs;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Tests.RulePacks;

[TestFixture]
public sealed class RulePackTests
{
    private const string UserPack = """
        pack:
          name: acme-policies
          version: 0.1.0
          description: Example user pack
        rules:
          - id: VX9001
            name: ContainerMustNotRunPrivileged
            title: Container runs privileged
            message: 'Container "{container.name}" of {resource.kind}/{resource.name} is privileged ({target.path}: {error})'
            severity: error
            category: security
            tier: Diamond
            tags: [security]
            match:
              target: container
              namespaces:
                exclude: [kube-system]
            schema:
              properties:
                securityContext:
                  properties:
                    privileged:
                      const: false
            bypass:
              annotations:
                acme.io/privileged-ok: "true"
          - id: VX9002
            name: DeploymentNeedsTeamLabel
            title: Deployment has no team label
            message: '{resource} has no team label'
            severity: warning
            match:
              target: resource
              kinds: [Deployment]
            schema:
              required: [metadata]
              properties:
                metadata:
                  required: [labels]
                  properties:
                    labels:
                      required: [team]
          - id: VX9003
            name: ReplicasAsInteger
            title: replicas must be an integer
            message: 'replicas of {resource} must be an integer: {error}'
            severity: warning
            match:
              target: resource
              kinds: [Deployment]
            schema:
              properties:
                spec:
                  properties:
                    replicas:
                      type: integer
        """;

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: apps
          labels:
            app: web
        spec:
          replicas: "2"
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  securityContext:
                    privileged: true
                - name: side
                  image: busybox:1.36
        """;

    private static RuleCatalog CatalogWith(string packPath) =>
        RulePackLoader.CreateCatalog(BuiltInRules.All, PipelineDescriptors.All, [RulePackLoader.LoadFile(packPath)]);

    [Test]
    public void User_pack_rule_fires_at_the_failing_line()
    {
        using var ws = new TestWorkspace();
        var pack = ws.Write("packs/acme.rulepack.yaml", UserPack);
        ws.Write("apps/deploy.yaml", Deployment);
        var result = ws.Lint(CatalogWith(pack));

        var privileged = result.Diagnostics.Single(d => d.Id == "VX9001");
        Assert.Multiple(() =>
        {
            Assert.That(privileged.Location.StartLine, Is.EqualTo(19), "points at `privileged: true`");
            Assert.That(privileged.Message, Does.StartWith("Container \"web\" of Deployment/web is privileged (spec.template.spec.containers[0].securityContext.privileged:"));
            Assert.That(privileged.Severity, Is.EqualTo(Diagnostics.Severity.Error));
            Assert.That(privileged.Descriptor.Tier, Is.EqualTo(Diagnostics.MaturityTier.Diamond));
            Assert.That(result.Catalog.Find("VX9001"), Is.Not.Null, "pack rules are in the catalog");
        });

        var team = result.Diagnostics.Single(d => d.Id == "VX9002");
        Assert.That(team.Location.StartLine, Is.EqualTo(6), "missing required key: reported at the parent mapping's key (labels)");

        var replicas = result.Diagnostics.Single(d => d.Id == "VX9003");
        Assert.That(replicas.Location.StartLine, Is.EqualTo(9), "quoted \"2\" is a string, not an integer");
    }

    [Test]
    public void Bypass_annotation_on_the_pod_template_exempts_the_target()
    {
        using var ws = new TestWorkspace();
        var pack = ws.Write("packs/acme.rulepack.yaml", UserPack);
        ws.Write("apps/deploy.yaml", Deployment.Replace("    metadata:\n      labels:\n        app: web\n    spec:", "    metadata:\n      annotations:\n        acme.io/privileged-ok: \"true\"\n      labels:\n        app: web\n    spec:", StringComparison.Ordinal));
        var result = ws.Lint(CatalogWith(pack));
        Assert.That(result.Diagnostics.Where(d => d.Id == "VX9001"), Is.Empty);
    }

    [Test]
    public void Namespace_exclusion_skips_the_resource()
    {
        using var ws = new TestWorkspace();
        var pack = ws.Write("packs/acme.rulepack.yaml", UserPack);
        ws.Write("apps/deploy.yaml", Deployment.Replace("namespace: apps", "namespace: kube-system", StringComparison.Ordinal));
        var result = ws.Lint(CatalogWith(pack));
        Assert.That(result.Diagnostics.Where(d => d.Id == "VX9001"), Is.Empty);
    }

    [Test]
    public void Malformed_pack_is_a_configuration_error_with_file_and_line()
    {
        using var ws = new TestWorkspace();
        var path = ws.Write("bad.rulepack.yaml", """
            pack:
              name: bad
              version: 1.0.0
            rules:
              - id: VX9001
                name: Something
                title: Something
                message: something
                severity: critical
                match:
                  target: container
                schema: {}
            """);
        var ex = Assert.Throws<ConfigurationException>(() => RulePackLoader.LoadFile(path))!;
        var error = ex.Errors[0];
        Assert.Multiple(() =>
        {
            Assert.That(error.Location.File, Is.EqualTo(Path.GetFullPath(path)));
            Assert.That(error.Location.StartLine, Is.EqualTo(9));
            Assert.That(error.Message, Does.Contain("/rules/0/severity"));
            Assert.That(ex.Message, Does.Contain("bad.rulepack.yaml(9,"));
        });
    }

    [Test]
    public void Unknown_key_in_a_rule_is_reported_at_the_key()
    {
        using var ws = new TestWorkspace();
        var path = ws.Write("bad.rulepack.yaml", """
            pack:
              name: bad
              version: 1.0.0
            rules:
              - id: VX9001
                name: Something
                title: Something
                message: something
                severity: error
                match:
                  target: container
                  kind: [Deployment]
                schema: {}
            """);
        var ex = Assert.Throws<ConfigurationException>(() => RulePackLoader.LoadFile(path))!;
        Assert.That(ex.Errors.Select(e => e.Location.StartLine), Does.Contain(12));
    }

    [Test]
    public void Invalid_json_schema_in_a_rule_is_a_configuration_error()
    {
        using var ws = new TestWorkspace();
        var path = ws.Write("bad.rulepack.yaml", """
            pack:
              name: bad
              version: 1.0.0
            rules:
              - id: VX9001
                name: Something
                title: Something
                message: something
                severity: error
                match:
                  target: container
                schema:
                  type: nope
            """);
        var ex = Assert.Throws<ConfigurationException>(() => RulePackLoader.LoadFile(path))!;
        Assert.That(ex.Errors.Select(e => e.Location.StartLine), Does.Contain(13));
    }

    [Test]
    public void Dangling_ref_in_a_rule_schema_is_a_configuration_error()
    {
        using var ws = new TestWorkspace();
        var path = ws.Write("bad.rulepack.yaml", """
            pack:
              name: bad
              version: 1.0.0
            rules:
              - id: VX9001
                name: Something
                title: Something
                message: something
                severity: error
                match:
                  target: container
                schema:
                  $ref: "#/$defs/missing"
            """);
        var ex = Assert.Throws<ConfigurationException>(() => RulePackLoader.LoadFile(path))!;
        Assert.That(ex.Errors.Single().Location.StartLine, Is.EqualTo(12));
    }

    [Test]
    public void Duplicate_ids_within_a_pack_and_with_built_ins_are_configuration_errors()
    {
        using var ws = new TestWorkspace();
        const string rule = """
              - id: {0}
                name: Something
                title: Something
                message: something
                severity: error
                match:
                  target: container
                schema: {{}}

            """;
        var path = ws.Write("dup.rulepack.yaml", "pack:\n  name: dup\n  version: 1.0.0\nrules:\n" + string.Format(rule, "VX9001") + string.Format(rule, "VX9001"));
        var ex = Assert.Throws<ConfigurationException>(() => RulePackLoader.LoadFile(path))!;
        Assert.That(ex.Errors.Single().Location.StartLine, Is.EqualTo(13));

        var clash = ws.Write("clash.rulepack.yaml", "pack:\n  name: clash\n  version: 1.0.0\nrules:\n" + string.Format(rule, "VX4001"));
        var ex2 = Assert.Throws<ConfigurationException>(() => RulePackLoader.CreateCatalog(BuiltInRules.All, PipelineDescriptors.All, [RulePackLoader.LoadFile(clash)]))!;
        Assert.That(ex2.Errors.Single().Message, Does.Contain("VX4001"));
        Assert.That(ex2.Errors.Single().Location.StartLine, Is.EqualTo(5));
    }

    [Test]
    public void Opt_in_rule_applies_only_with_the_annotation()
    {
        using var ws = new TestWorkspace();
        var pack = ws.Write("opt.rulepack.yaml", """
            pack:
              name: opt
              version: 1.0.0
            rules:
              - id: VX9010
                name: DigestPinned
                title: digest
                message: '{container.name} is not pinned by digest'
                severity: warning
                match:
                  target: container
                schema:
                  properties:
                    image:
                      pattern: "@sha256:"
                optIn:
                  annotations:
                    acme.io/digest-pinned: "true"
            """);
        ws.Write("a.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx:1.2\n");
        ws.Write("b.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  annotations:\n    acme.io/digest-pinned: \"true\"\nspec:\n  containers:\n    - name: b\n      image: nginx:1.2\n");
        var result = ws.Lint(CatalogWith(pack));
        var hits = result.Diagnostics.Where(d => d.Id == "VX9010").ToList();
        Assert.That(hits, Has.Count.EqualTo(1));
        Assert.That(hits[0].Location.File, Does.EndWith("b.yaml"));
        Assert.That(hits[0].Location.StartLine, Is.EqualTo(10));
    }

    [Test]
    public void Yaml_to_json_respects_scalar_kinds_and_maps_pointers_back()
    {
        var file = Lint.Yaml.YamlLoader.Parse("x.yaml", "a: 1\nb: \"1\"\nc: true\nd: ~\ne:\n  - x/y: 1.5\n");
        var doc = YamlJson.Convert(file.Documents[0].Root!);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Root.GetRawText(), Is.EqualTo("""{"a":1,"b":"1","c":true,"d":null,"e":[{"x/y":1.5}]}"""));
            Assert.That(doc.NodeAt("/e/0/x~1y").Span.StartLine, Is.EqualTo(6));
            Assert.That(doc.NodeAt("/e/0/missing").Span.StartLine, Is.EqualTo(6));
        });
    }
}

[TestFixture]
public sealed class BuiltInPackTests
{
    [Test]
    public void Built_in_pack_is_valid()
    {
        var source = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "src", "Vixens.Lint", "RulePacks", "vixens-maturity.rulepack.yaml");
        var pack = RulePackLoader.LoadFile(source);
        Assert.That(pack.Name, Is.EqualTo(RulePackLoader.VixensMaturity));
        Assert.That(pack.Rules.Select(r => r.Descriptor.Id), Is.Unique);
        Assert.That(RulePackLoader.LoadBuiltIn(RulePackLoader.VixensMaturity).Rules, Has.Count.EqualTo(pack.Rules.Count));
    }
}

[TestFixture]
public sealed class PackTargetTests
{
    [Test]
    public void Volume_and_service_port_targets_with_placeholders()
    {
        using var ws = new TestWorkspace();
        var pack = ws.Write("t.rulepack.yaml", """
            pack:
              name: targets
              version: 1.0.0
            rules:
              - id: VX9101
                name: NoHostPath
                title: hostPath volume
                message: 'Volume {volume.name} of {resource} uses hostPath'
                severity: warning
                match:
                  target: volume
                schema:
                  not:
                    required: [hostPath]
              - id: VX9102
                name: NamedServicePorts
                title: Service port without name
                message: 'Port {port.port} of {resource} has no name'
                severity: note
                match:
                  target: servicePort
                schema:
                  required: [name]
            """);
        ws.Write("a.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: c
                  image: busybox:1.36
              volumes:
                - name: ok
                  emptyDir: {}
                - name: host
                  hostPath:
                    path: /var/run
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
                - port: 80
                - name: https
                  port: 443
            """);
        var catalog = RulePackLoader.CreateCatalog(BuiltInRules.All, PipelineDescriptors.All, [RulePackLoader.LoadFile(pack)]);
        var result = ws.Lint(catalog);
        var volume = result.Diagnostics.Single(d => d.Id == "VX9101");
        var port = result.Diagnostics.Single(d => d.Id == "VX9102");
        Assert.Multiple(() =>
        {
            Assert.That(volume.Message, Is.EqualTo("Volume host of Pod/p uses hostPath"));
            Assert.That(volume.Location.StartLine, Is.EqualTo(12));
            Assert.That(port.Message, Is.EqualTo("Port 80 of Service/s has no name"));
            Assert.That(port.Location.StartLine, Is.EqualTo(22));
        });
    }
}
