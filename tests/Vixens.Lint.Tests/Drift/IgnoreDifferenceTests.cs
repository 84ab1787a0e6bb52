using NUnit.Framework;
using Vixens.Lint.GitOps;
using Vixens.Lint.Rules.Drift;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Drift;

public sealed class IgnoreDifferenceTests
{
    [TestCase("/metadata/annotations/vpa.kubernetes.io~1updateMode", new[] { "metadata", "annotations", "vpa.kubernetes.io/updateMode" })]
    [TestCase("/spec/template/spec/containers/0/args", new[] { "spec", "template", "spec", "containers", "0", "args" })]
    [TestCase("/a~0b", new[] { "a~b" })]
    public void Json_pointers_are_unescaped(string pointer, string[] expected) =>
        Assert.That(IgnoreDifference.ParsePointer(pointer), Is.EqualTo(expected));

    [TestCase(".spec.replicas", new[] { "spec", "replicas" })]
    [TestCase(".spec.template.spec.containers[].resources", new[] { "spec", "template", "spec", "containers", "\0*", "resources" })]
    [TestCase(".spec.template.spec.containers[] | select(.name == \"app\") | .env", new[] { "spec", "template", "spec", "containers", "\0*", "env" })]
    [TestCase(".metadata.annotations[\"example.com/x\"]", new[] { "metadata", "annotations", "example.com/x" })]
    [TestCase(".spec.ports[1].port", new[] { "spec", "ports", "1", "port" })]
    [TestCase(".spec.template | del(.x)", new[] { "spec", "template" })]
    public void Jq_paths_become_segments_and_stop_at_what_is_not_a_path(string expression, string[] expected) =>
        Assert.That(IgnoreDifference.ParseJqPath(expression), Is.EqualTo(expected));

    [Test]
    public void Entries_select_by_group_kind_name_and_namespace()
    {
        var application = RuleHarness.Application("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: app}
            spec:
              ignoreDifferences:
                - group: apps
                  kind: Deployment
                  name: web
                  namespace: prod
                  jsonPointers: [/spec/replicas]
                - kind: Secret
                  jqPathExpressions: [.data]
            """);
        var resources = RuleHarness.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: prod}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: dev}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(application.IgnoresDifference(resources[0], ["spec", "replicas"]), Is.True);
            Assert.That(application.IgnoresDifference(resources[0], ["spec", "template"]), Is.False);
            Assert.That(application.IgnoresDifference(resources[1], ["spec", "replicas"]), Is.False, "other namespace");
            Assert.That(application.IgnoresDifference(resources[2], ["data", "password"]), Is.True, "subtree of /data");
            Assert.That(FieldPaths.Display(["spec", "containers", "0", "resources"]), Is.EqualTo("spec.containers[0].resources"));
        });
    }

    [Test]
    public void Tagged_string_numbers_are_reported_by_VX3103()
    {
        var found = RuleHarness.Run(new QuotedIntOrStringRule(), """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports:
                - port: 80
                  targetPort: !!str 8080
            """);
        Assert.That(found, Has.Count.EqualTo(1));
    }
}
