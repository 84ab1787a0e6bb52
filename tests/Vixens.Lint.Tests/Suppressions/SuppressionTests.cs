using NUnit.Framework;
using Vixens.Lint.Baselines;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Tests.RulePacks;

namespace Vixens.Lint.Tests.Suppressions;

[TestFixture]
public sealed class SuppressionTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: a
          annotations:
            lint.vixens.io/suppress: "VX4001, VX4012"
            lint.vixens.io/suppress-reason: "vendor image, tracked in #42"
        spec:
          containers:
            - name: a
              image: nginx:latest
        """;

    [Test]
    public void Suppressed_finding_is_kept_marked_and_does_not_fail()
    {
        using var ws = new TestWorkspace();
        ws.Write("pod.yaml", Pod);
        var result = ws.Lint();
        var image = result.Diagnostics.Single(d => d.Id == "VX4001");
        Assert.Multiple(() =>
        {
            Assert.That(image.IsSuppressed, Is.True);
            Assert.That(image.Suppression!.Kind, Is.EqualTo("inSource"));
            Assert.That(image.Suppression.Justification, Is.EqualTo("vendor image, tracked in #42"));
            Assert.That(result.SuppressedCount, Is.GreaterThanOrEqualTo(1));
            Assert.That(result.Active.Any(d => d.Id == "VX4001"), Is.False);
        });
    }

    [Test]
    public void Unused_suppression_is_reported_at_the_annotation()
    {
        using var ws = new TestWorkspace();
        ws.Write("pod.yaml", Pod);
        var result = ws.Lint();
        var unused = result.Diagnostics.Where(d => d.Id == "VX0901").ToList();
        Assert.That(unused, Has.Count.EqualTo(1));
        Assert.That(unused[0].Message, Does.Contain("VX4012"));
        Assert.That(unused[0].Location.StartLine, Is.EqualTo(6));
        Assert.That(unused[0].Severity, Is.EqualTo(Severity.Note));
    }

    [Test]
    public void Suppression_on_the_pod_template_covers_the_workload()
    {
        using var ws = new TestWorkspace();
        ws.Write("deploy.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                metadata:
                  annotations:
                    lint.vixens.io/suppress: VX4001
                spec:
                  containers:
                    - name: web
                      image: nginx
            """);
        var result = ws.Lint();
        Assert.That(result.Diagnostics.Single(d => d.Id == "VX4001").IsSuppressed, Is.True);
        Assert.That(result.Diagnostics.Where(d => d.Id == "VX0901"), Is.Empty);
    }

    [Test]
    public void Baseline_marks_known_findings_unchanged_and_survives_line_moves()
    {
        using var ws = new TestWorkspace();
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n";
        ws.Write("pod.yaml", pod);
        var first = ws.Lint();
        Assert.That(first.Fails(Severity.Error), Is.True);
        var baselinePath = Path.Combine(ws.Root, "baseline.json");
        first.ToBaseline().Save(baselinePath);

        // The finding moves down three lines (a comment and labels are added) and a new one appears.
        ws.Write("pod.yaml", "# moved\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    x: y\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n    - name: b\n      image: redis:latest\n");
        var second = ws.Lint(baseline: baselinePath);
        var images = second.Diagnostics.Where(d => d.Id == "VX4001").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(images.Single(d => d.Message.Contains("\"a\"")).BaselineState, Is.EqualTo(BaselineState.Unchanged));
            Assert.That(images.Single(d => d.Message.Contains("\"b\"")).BaselineState, Is.EqualTo(BaselineState.New));
            Assert.That(second.Fails(Severity.Error), Is.True, "the new finding fails");
        });

        ws.Write("pod.yaml", "# moved\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n");
        var third = ws.Lint(baseline: baselinePath);
        Assert.That(third.Fails(Severity.Error), Is.False, "only baselined findings left");

        ws.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n");
        var fourth = ws.Lint(baseline: baselinePath);
        Assert.That(fourth.BaselineAbsent.Select(e => e.RuleId), Does.Contain("VX4001"));
    }

    [Test]
    public void Unreadable_baseline_is_a_configuration_error()
    {
        using var ws = new TestWorkspace();
        var path = ws.Write("baseline.json", "{ not json");
        Assert.Throws<Lint.Configuration.ConfigurationException>(() => Baseline.Load(path));
    }
}
