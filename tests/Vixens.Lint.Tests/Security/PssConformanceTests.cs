using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Rules.Packs;

namespace Vixens.Lint.Tests.Security;

/// <summary>
/// The Pod Security Standards packs judge every Kubernetes 1.34 fixture of pod-security-admission as Pod Security
/// Admission does: a pod in <c>fail/</c> gets at least one finding of the level's packs, a pod in <c>pass/</c> none.
/// Fixtures: Fixtures/pss (Apache-2.0, copied unmodified; see the README there).
/// </summary>
[TestFixture]
public sealed class PssConformanceTests
{
    private static string FixtureRoot => Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Fixtures", "pss");

    /// <summary>How many fixtures pod-security-admission has for 1.34; a missing file must fail the suite, not shrink it.</summary>
    private static readonly Dictionary<string, int> ExpectedCounts = new(StringComparer.Ordinal)
    {
        ["baseline/pass"] = 14, ["baseline/fail"] = 34, ["restricted/pass"] = 22, ["restricted/fail"] = 74,
    };

    /// <summary>
    /// The rules that stand for each PSA check (the fixture file's name before its number). A denied fixture must be
    /// denied by a rule of its own check; other checks may deny it too, as PSA does (a Windows HostProcess pod also uses
    /// hostNetwork, a privileged container also allows privilege escalation). Where a restricted check replaces a
    /// baseline one, the baseline rule reports what both forbid.
    /// </summary>
    private static readonly Dictionary<string, string[]> RulesOfCheck = new(StringComparer.Ordinal)
    {
        ["hostnamespaces"] = ["VX5201"], ["privileged"] = ["VX5202"], ["capabilities_baseline"] = ["VX5203"],
        ["hostpathvolumes"] = ["VX5204"], ["hostports"] = ["VX5205"], ["apparmorprofile"] = ["VX5206"],
        ["selinuxoptions"] = ["VX5207"], ["procmount"] = ["VX5208"], ["seccompprofile_baseline"] = ["VX5209"],
        ["sysctls"] = ["VX5210"], ["windowshostprocess"] = ["VX5211"], ["hostprobesandhostlifecycle"] = ["VX5212"],
        ["restrictedvolumes"] = ["VX5221", "VX5204"], ["allowprivilegeescalation"] = ["VX5222"], ["runasnonroot"] = ["VX5223"],
        ["runasuser"] = ["VX5224"], ["seccompprofile_restricted"] = ["VX5225", "VX5209"], ["capabilities_restricted"] = ["VX5226", "VX5203"],
    };

    [TestCase("baseline", RulePackLoader.PssBaseline)]
    [TestCase("restricted", RulePackLoader.PssRestricted)]
    public void Every_fixture_gets_the_verdict_of_pod_security_admission(string level, string pack)
    {
        var catalog = RuleCatalogFactory.Create([pack], Environment.CurrentDirectory);
        var packIds = catalog.Rules.OfType<SchemaRule>().Where(r => r.PackName.StartsWith("pss-", StringComparison.Ordinal))
            .Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (var verdict in new[] { "pass", "fail" })
        {
            var folder = Path.Combine(FixtureRoot, level, verdict);
            var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();
            Assert.That(files, Has.Count.EqualTo(ExpectedCounts[level + "/" + verdict]), folder);
            var findings = LintEngine.Run(new LintRequest(folder) { RepositoryRoot = folder, Catalog = catalog }).Diagnostics
                .Where(d => packIds.Contains(d.Id))
                .GroupBy(d => Path.GetFileName(d.Location.File), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var file in files.Select(Path.GetFileName))
            {
                var denied = findings.TryGetValue(file!, out var reasons);
                if (denied != (verdict == "fail"))
                {
                    disagreements.Add($"{level}/{verdict}/{file}: {(denied ? "denied: " + string.Join(" | ", reasons!.Select(d => d.Id + " " + d.Message)) : "allowed")}");
                }
                else if (denied && file != "base.yaml")
                {
                    var check = file!.TrimEnd(".yaml".ToCharArray()).TrimEnd("0123456789".ToCharArray());
                    Assert.That(RulesOfCheck.ContainsKey(check), Is.True, $"{file}: a PSA check the packs do not know");
                    if (!reasons!.Any(d => RulesOfCheck[check].Contains(d.Id)))
                    {
                        disagreements.Add($"{level}/{verdict}/{file}: denied, but not by the {check} rules ({string.Join(", ", RulesOfCheck[check])}): {string.Join(" | ", reasons!.Select(d => d.Id + " " + d.Message))}");
                    }
                }
            }

            TestContext.Out.WriteLine($"{level}/{verdict}: {files.Count} fixtures, {files.Count(f => findings.ContainsKey(Path.GetFileName(f)!))} denied");
        }

        Assert.That(disagreements, Is.Empty);
    }

    [TestCase(RulePackLoader.PssBaseline, 12)]
    [TestCase(RulePackLoader.PssRestricted, 6)]
    public void Pack_is_valid_against_the_pack_schema(string name, int rules)
    {
        // Built-in packs skip the pack-schema check at load time (it is slow); the source files must still pass it.
        var path = Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "src", "Vixens.Lint", "RulePacks", name + ".rulepack.yaml");
        var pack = RulePackLoader.Load(path, File.ReadAllText(path));
        Assert.That(pack.Rules, Has.Count.EqualTo(rules));
    }

    [Test]
    public void Restricted_pack_loads_the_baseline_with_it()
    {
        var catalog = RuleCatalogFactory.Create([RulePackLoader.PssRestricted], Environment.CurrentDirectory);
        Assert.That(catalog.Rules.OfType<SchemaRule>().Select(r => r.PackName).Distinct(), Is.EquivalentTo(new[] { "pss-baseline", "pss-restricted" }));
    }

    [Test]
    public void Findings_on_workloads_point_at_the_value_to_edit()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: backup
              namespace: tools
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      hostPID: true
                      containers:
                        - name: backup
                          image: restic/restic:0.17.3
                          securityContext:
                            privileged: true
            """;
        var folder = Path.Combine(Path.GetTempPath(), "vxpss-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "cronjob.yaml"), yaml);
            var catalog = RuleCatalogFactory.Create([RulePackLoader.PssBaseline], folder);
            var found = LintEngine.Run(new LintRequest(folder) { RepositoryRoot = folder, Catalog = catalog }).Diagnostics
                .Where(d => d.Id.StartsWith("VX52", StringComparison.Ordinal))
                .Select(d => $"{d.Location.StartLine}:{d.Location.StartColumn} {d.Id} {d.Message}").Order(StringComparer.Ordinal).ToList();
            Assert.That(found, Is.EqualTo(new[]
            {
                "13:20 VX5201 CronJob/tools/backup shares a host namespace (spec.jobTemplate.spec.template.spec.hostPID is true); the Pod Security Standards baseline forbids hostNetwork, hostPID and hostIPC",
                "18:29 VX5202 CronJob/tools/backup runs a privileged container (spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged is true); the Pod Security Standards baseline forbids privileged containers",
            }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
