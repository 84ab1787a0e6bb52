using NUnit.Framework;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Vixens.Lint.Analysis;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Rules;
using Vixens.Lint.Sarif;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Yaml;
using Diagnostic = Vixens.Lint.Diagnostics.Diagnostic;

namespace Vixens.Lint.Tests.Sarif;

public class SarifReportWriterTests
{
    private static readonly DiagnosticDescriptor SecurityRule = new(
        "VX5999", "PrivilegedContainer", "Container runs privileged",
        "Container \"{0}\" runs privileged", "security", Severity.Error,
        "A privileged container has full access to the node.", ["security", "pss-baseline"], precision: "high", securitySeverity: 8.5);

    private static readonly DiagnosticDescriptor ManyTags = new(
        "VX4998", "ManyTags", "A rule with many tags", "Too many tags", "reliability", Severity.Warning, "Used to test the tag cap.",
        [.. Enumerable.Range(1, 15).Select(i => "tag" + i)]);

    private string _temp = null!;

    [SetUp]
    public void SetUp() => _temp = Directory.CreateTempSubdirectory("vixens-sarif-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_temp, recursive: true);

    private static string FixtureRoot => Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Fixtures", "sarif-repo");

    private static SarifReportWriter FixtureWriter(string? category = null) => new(new SarifWriterOptions
    {
        RuleDocsDirectory = Path.Combine(FixtureRoot, "docs-rules"),
        ToolVersionOverride = "0.0.0-test",
        Category = category,
    });

    private static LintResult LintFixture(string root) => LintEngine.Run(new LintRequest(Path.Combine(root, "apps")) { RepositoryRoot = root });

    [Test]
    public void Fixture_log_matches_the_approved_file()
    {
        // Only the rules that fire are listed here, so that adding a rule elsewhere does not change this file (that every
        // catalog rule is written is checked by Fixture_log_is_valid_and_follows_GitHub_rules).
        var lint = LintFixture(FixtureRoot);
        var fired = new RuleCatalog([], lint.Diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Id));
        var bytes = FixtureWriter().ToUtf8(new LintResult(lint.RepositoryRoot, lint.Diagnostics, fired, lint.FileCount, lint.ResourceCount));
        SarifChecks.AssertValid(bytes);
        ApprovedFile.Verify("sarif-repo", Encoding.UTF8.GetString(bytes), "sarif");
    }

    [Test]
    public void Fixture_log_is_valid_and_follows_GitHub_rules()
    {
        var lint = LintFixture(FixtureRoot);
        Assert.That(lint.Diagnostics, Is.Not.Empty, "the fixture has deliberate defects");
        var log = SarifChecks.AssertValid(new SarifReportWriter().ToUtf8(lint));
        var run = log["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(rules.Select(r => (string?)r!["id"]), Is.EqualTo(lint.Catalog.Descriptors.Select(d => d.Id)), "every catalog rule, in catalog order");
            Assert.That(run["results"]!.AsArray(), Has.Count.EqualTo(lint.Diagnostics.Count));
            Assert.That((string?)run["columnKind"], Is.EqualTo("utf16CodeUnits"));
            Assert.That((string?)log["$schema"], Is.EqualTo("https://json.schemastore.org/sarif-2.1.0.json"));
            Assert.That(run["automationDetails"], Is.Null, "no category by default");
        });
    }

    [Test]
    public void Output_is_deterministic_utf8_without_bom_and_lf_only()
    {
        var lint = LintFixture(FixtureRoot);
        var first = FixtureWriter().ToUtf8(lint);
        var second = FixtureWriter().ToUtf8(LintFixture(FixtureRoot));
        var text = Encoding.UTF8.GetString(first);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(text, Does.Not.Contain("\r"));
            Assert.That(text, Does.EndWith("}\n"));
            Assert.That(text, Does.Not.Contain(FixtureRoot), "no machine paths");
            Assert.That(text, Does.Not.Match("\"(startTimeUtc|endTimeUtc|timeUtc)\""), "no timestamps");
            Assert.That(text, Does.Not.Contain("processId"));
            Assert.That(text, Does.Not.Contain("\"snippet\""));
        });
    }

    [Test]
    public void Uris_are_relative_percent_encoded_with_srcroot()
    {
        var log = SarifChecks.AssertValid(FixtureWriter().ToUtf8(LintFixture(FixtureRoot)));
        var uris = log["runs"]![0]!["results"]!.AsArray().Select(r => r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(uris.Select(u => (string?)u["uri"]), Does.Contain("apps/my%20app/worker.yaml"));
            Assert.That(uris.Select(u => (string?)u["uri"]), Does.Contain("apps/web/deployment.yaml"));
            Assert.That(uris.Select(u => (string?)u["uriBaseId"]), Is.All.EqualTo("%SRCROOT%"));
        });
    }

    [Test]
    public void Line_hash_is_the_actions_hash_of_the_reported_line()
    {
        var log = SarifChecks.AssertValid(FixtureWriter().ToUtf8(LintFixture(FixtureRoot)));
        var results = log["runs"]![0]!["results"]!.AsArray();
        Assert.That(results, Is.Not.Empty);
        foreach (var result in results)
        {
            var location = result!["locations"]![0]!["physicalLocation"]!;
            var path = Path.Combine(FixtureRoot, Uri.UnescapeDataString((string)location["artifactLocation"]!["uri"]!));
            var line = (int)location["region"]!["startLine"]!;
            Assert.That((string?)result["partialFingerprints"]!["primaryLocationLineHash"], Is.EqualTo(LineHash.ComputeForFile(path)[line - 1]));
        }
    }

    [Test]
    public void Fingerprints_survive_a_blank_line_inserted_at_the_top()
    {
        CopyDirectory(FixtureRoot, _temp);
        var before = Fingerprints(LintFixture(_temp));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_temp, "apps"), "*.yaml", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, "\n" + File.ReadAllText(file));
        }

        var after = Fingerprints(LintFixture(_temp));
        Assert.Multiple(() =>
        {
            Assert.That(after, Has.Count.EqualTo(before.Count));
            Assert.That(after.Select(a => a.Line), Is.EqualTo(before.Select(b => b.Line + 1)), "the findings moved down one line");
            Assert.That(after.Select(a => a.Logical), Is.EqualTo(before.Select(b => b.Logical)), "logical fingerprints do not depend on line numbers");
            Assert.That(after.Select(a => a.LineHash), Is.EqualTo(before.Select(b => b.LineHash)), "GitHub's line hash depends only on the text from that line on");
        });
    }

    [Test]
    public void Logical_fingerprint_changes_with_rule_resource_or_line_text()
    {
        File.WriteAllText(Path.Combine(_temp, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
        var descriptor = InputDescriptors.YamlSyntaxError;
        string Print(Diagnostic d, string file)
        {
            var lint = new LintResult(_temp, [d], RuleCatalog.Default, 1, 0);
            return (string)SarifChecks.AssertValid(new SarifReportWriter().ToUtf8(lint))["runs"]![0]!["results"]![0]!["partialFingerprints"]!["vixensLogicalFingerprint/v1"]!;
        }

        var file = Path.Combine(_temp, "a.yaml");
        Diagnostic At(int line, string? resource = null, DiagnosticDescriptor? rule = null) => new(
            rule ?? descriptor, SourceSpan.At(file, line, 1), "m", properties: resource is null ? null : new Dictionary<string, string> { ["resource"] = resource });

        var baseline = Print(At(1), file);
        Assert.Multiple(() =>
        {
            Assert.That(Print(At(1), file), Is.EqualTo(baseline));
            Assert.That(Print(At(2), file), Is.Not.EqualTo(baseline), "other line text");
            Assert.That(Print(At(1, "ConfigMap/x"), file), Is.Not.EqualTo(baseline), "resource");
            Assert.That(Print(At(1, rule: InputDescriptors.DuplicateKey), file), Is.Not.EqualTo(baseline), "rule");
            Assert.That(baseline, Does.Match("^[0-9a-f]{32}:1$"));
        });
    }

    [Test]
    public void Effective_level_suppressions_properties_and_security_metadata()
    {
        var file = Path.Combine(_temp, "pod.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n");
        var catalog = new RuleCatalog(BuiltInRules.All, [.. PipelineDescriptors.All, SecurityRule, ManyTags]);
        var properties = new Dictionary<string, string> { ["resource"] = "Pod/p", ["environment"] = "prod", ["application"] = "web" };
        Diagnostic[] diagnostics =
        [
            new Diagnostic(SecurityRule, new SourceSpan(file, 2, 1, 2, 10), "Container \"c\" runs privileged", properties: properties),
            new Diagnostic(SecurityRule, new SourceSpan(file, 3, 1, 3, 10), "downgraded", Severity.Warning, [SourceSpan.At(file, 4, 3)]),
            new Diagnostic(ManyTags, SourceSpan.At(file, 4, 3), "suppressed")
            {
                Suppression = new DiagnosticSuppression("inSource", "tracked in #12", null),
            },
        ];
        var lint = new LintResult(_temp, diagnostics, catalog, 1, 1);
        var log = SarifChecks.AssertValid(new SarifReportWriter(new SarifWriterOptions { Category = "vixens-lint/homelab/" }).ToUtf8(lint));
        var run = log["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var security = rules.Single(r => (string?)r!["id"] == "VX5999")!;
        var results = run["results"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That((string?)security["properties"]!["security-severity"], Is.EqualTo("8.5"));
            Assert.That((string?)security["properties"]!["problem.severity"], Is.EqualTo("error"));
            Assert.That((string?)security["properties"]!["precision"], Is.EqualTo("high"));
            Assert.That((string?)security["defaultConfiguration"]!["level"], Is.EqualTo("error"));
            Assert.That(rules.Single(r => (string?)r!["id"] == "VX4998")!["properties"]!["tags"]!.AsArray(), Has.Count.EqualTo(10));
            Assert.That(
                rules.Where(r => r!["properties"]!["security-severity"] is not null).Select(r => (string?)r!["id"]),
                Is.EqualTo(catalog.Descriptors.Where(d => d.SecuritySeverity is not null).Select(d => d.Id)),
                "a security-severity only for rules that declare one");
            Assert.That((string?)results[0]!["level"], Is.EqualTo("error"));
            Assert.That((string?)results[1]!["level"], Is.EqualTo("warning"), "effective level written even when it equals SARIF's default");
            Assert.That((string?)results[0]!["properties"]!["resource"], Is.EqualTo("Pod/p"));
            Assert.That((string?)results[0]!["properties"]!["environment"], Is.EqualTo("prod"));
            Assert.That((string?)results[0]!["properties"]!["application"], Is.EqualTo("web"));
            Assert.That((int?)results[1]!["relatedLocations"]![0]!["physicalLocation"]!["region"]!["startLine"], Is.EqualTo(4));
            Assert.That(results[0]!["suppressions"], Is.Null);
            Assert.That((string?)results[2]!["suppressions"]![0]!["kind"], Is.EqualTo("inSource"));
            Assert.That((string?)results[2]!["suppressions"]![0]!["justification"], Is.EqualTo("tracked in #12"));
            Assert.That((string?)run["automationDetails"]!["id"], Is.EqualTo("vixens-lint/homelab/"));
        });
    }

    [Test]
    public void Empty_result_still_has_one_run_with_results_and_every_rule()
    {
        var lint = new LintResult(_temp, [], RuleCatalog.Default, 0, 0);
        var log = SarifChecks.AssertValid(new SarifReportWriter().ToUtf8(lint));
        Assert.Multiple(() =>
        {
            Assert.That(log["runs"]![0]!["results"]!.AsArray(), Is.Empty);
            Assert.That(log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray(), Has.Count.EqualTo(RuleCatalog.Default.Descriptors.Count));
        });
    }

    [Test]
    public void Above_the_limit_the_most_severe_results_are_kept_and_a_notification_says_so()
    {
        var file = Path.Combine(_temp, "big.yaml");
        File.WriteAllText(file, string.Concat(Enumerable.Repeat("a: b\n", 30)));
        var diagnostics = Enumerable.Range(1, 30)
            .Select(line => new Diagnostic(InputDescriptors.NotKubernetesYaml, SourceSpan.At(file, line, 1), "n" + line, line % 10 == 0 ? Severity.Error : Severity.Note))
            .ToList();
        var lint = new LintResult(_temp, diagnostics, RuleCatalog.Default, 1, 0);
        var log = SarifChecks.AssertValid(new SarifReportWriter(new SarifWriterOptions { MaxResults = 5 }).ToUtf8(lint));
        var run = log["runs"]![0]!;
        var results = run["results"]!.AsArray();
        var notification = run["invocations"]![0]!["toolExecutionNotifications"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (string?)r!["message"]!["text"]), Is.EqualTo(new[] { "n1", "n2", "n10", "n20", "n30" }));
            Assert.That((string?)notification["message"]!["text"], Does.StartWith("25 results were left out"));
            Assert.That((bool?)run["invocations"]![0]!["executionSuccessful"], Is.True);
        });
    }

    [Test]
    public void Round_trips_through_Sarif_Sdk()
    {
        var lint = LintFixture(FixtureRoot);
        var path = Path.Combine(_temp, "out.sarif");
        Assert.That(new SarifReportWriter().Write(lint, path), Is.True);
        Assert.That(new SarifReportWriter().Write(lint, path), Is.False, "unchanged content is not rewritten");
        var loaded = SarifLogSummary.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Runs, Is.EqualTo(1));
            Assert.That(loaded.Results, Is.EqualTo(lint.Diagnostics.Count));
            Assert.That(loaded.Rules, Is.EqualTo(lint.Catalog.Descriptors.Count));
            Assert.That(loaded.FirstResultStartLine, Is.GreaterThanOrEqualTo(1));
            Assert.That(loaded.FirstRuleProblemSeverity, Is.Not.Empty);
        });
    }

    [Test]
    public void Help_markdown_comes_from_the_configured_page_else_the_embedded_page_else_is_generated()
    {
        var log = SarifChecks.AssertValid(FixtureWriter().ToUtf8(LintFixture(FixtureRoot)));
        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        string? Markdown(string id) => (string?)rules.Single(r => (string?)r!["id"] == id)!["help"]!["markdown"];
        Assert.Multiple(() =>
        {
            Assert.That(Markdown("VX4001"), Does.Contain("image: nginx:1.27.2"), "the configured directory wins");
            Assert.That(RuleDocs.TryGet("VX0001"), Is.Not.Null, "docs/rules/VX0001.md is embedded in the library");
            Assert.That(Markdown("VX0001"), Is.EqualTo(RuleDocs.TryGet("VX0001")!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n"));
        });

        var generated = SarifChecks.AssertValid(new SarifReportWriter().ToUtf8(new LintResult(_temp, [], RuleCatalog.Default, 0, 0)))["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        foreach (var descriptor in RuleCatalog.Default.Descriptors.Where(d => RuleDocs.TryGet(d.Id) is null))
        {
            var help = (string?)generated.Single(r => (string?)r!["id"] == descriptor.Id)!["help"]!["markdown"];
            Assert.That(help, Does.StartWith($"# {descriptor.Id}: {descriptor.Title}"));
        }
    }

    [Test]
    public void Cli_writer_interface_writes_the_same_text()
    {
        var lint = LintFixture(FixtureRoot);
        using var text = new StringWriter { NewLine = "\n" };
        new SarifReportWriter().Write(lint, text);
        Assert.That(text.ToString(), Is.EqualTo(Encoding.UTF8.GetString(new SarifReportWriter().ToUtf8(lint))));
    }

    [Test]
    public void Tool_version_has_no_build_metadata() =>
        Assert.That(SarifReportWriter.ToolVersion, Does.Match(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"));

    [Test]
    public void Gzipped_size_of_the_fixture_is_far_below_GitHubs_10_MB()
    {
        var bytes = new SarifReportWriter().ToUtf8(LintFixture(FixtureRoot));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        Assert.That(compressed.Length, Is.LessThan(10 * 1024 * 1024));
    }

    private static List<(int Line, string Logical, string? LineHash)> Fingerprints(LintResult lint)
    {
        var log = SarifChecks.AssertValid(new SarifReportWriter().ToUtf8(lint));
        return log["runs"]![0]!["results"]!.AsArray()
            .Select(r => (
                (int)r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!,
                (string)r["partialFingerprints"]!["vixensLogicalFingerprint/v1"]!,
                (string?)r["partialFingerprints"]!["primaryLocationLineHash"]))
            .ToList();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
