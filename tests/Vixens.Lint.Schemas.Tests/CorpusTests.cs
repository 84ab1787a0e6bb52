using System.Diagnostics;
using System.Text;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Schemas.Tests;

public class CorpusTests
{
    /// <summary>Kinds of the corpus that are known not to resolve, with the reason (checked by the test).</summary>
    private static readonly Dictionary<string, string> ExpectedUnresolved = new(StringComparer.Ordinal)
    {
        ["kustomize.config.k8s.io/v1beta1/Kustomization"] = "kustomize build input, not a cluster object (skipped by the validator)",
        ["kustomize.config.k8s.io/v1alpha1/Component"] = "kustomize build input, not a cluster object (skipped by the validator)",
    };

    [SetUp]
    public void RequireCorpus()
    {
        if (!CorpusFiles.Available)
        {
            Assert.Ignore("shared/corpus/vixens is not present");
        }
    }

    [Test]
    public void Every_kind_of_the_corpus_resolves_to_a_schema()
    {
        var resources = CorpusFiles.Resources.Select(r => r.Resource).ToList();
        var store = new SchemaStore(SchemaSettings.Default, resources);
        var kinds = resources
            .Where(r => r.ApiVersion is not null && r.Kind is not null)
            .Select(r => (ApiVersion: r.ApiVersion!, Kind: r.Kind!))
            .Distinct()
            .OrderBy(k => k.ApiVersion, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal)
            .ToList();

        var report = new StringBuilder();
        var unexpected = new List<string>();
        foreach (var (apiVersion, kind) in kinds)
        {
            var key = apiVersion + "/" + kind;
            var source = store.Locate(apiVersion, kind);
            var schema = source is null ? null : store.Resolve(apiVersion, kind);
            var line = $"{key}: {(source is null ? "UNRESOLVED" : source + " " + schema!.Origin)}{(schema?.Problem is { } p ? " UNUSABLE " + p : string.Empty)}";
            report.AppendLine(line);
            if ((source is null || schema?.Schema is null) && !ExpectedUnresolved.ContainsKey(key))
            {
                unexpected.Add(line);
            }
        }

        File.WriteAllText(Path.Combine(TestPaths.Artifacts, "corpus-kinds.txt"), report.ToString());
        TestContext.Out.WriteLine(report.ToString());
        Assert.That(unexpected, Is.Empty, "kinds without a usable schema");
    }

    [Test]
    public void False_alarm_sweep_over_the_corpus()
    {
        var patchFiles = CorpusFiles.PatchFiles();
        var resources = CorpusFiles.Resources.Where(r => !patchFiles.Contains(r.File)).Select(r => r.Resource).ToList();
        var validator = new SchemaValidator();
        validator.Validate(resources, SchemaSettings.Default); // warm-up: compile the schemas
        var watch = Stopwatch.StartNew();
        var diagnostics = validator.Validate(resources, SchemaSettings.Default);
        watch.Stop();

        var text = new StringBuilder();
        text.AppendLine($"{resources.Count} resources ({patchFiles.Count} patch files left out), {diagnostics.Count} findings, {watch.ElapsedMilliseconds} ms warm");
        foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"{group.Key}: {group.Count()}");
        }

        text.AppendLine();
        foreach (var d in diagnostics)
        {
            text.AppendLine($"{Path.GetRelativePath(TestPaths.Corpus, d.Location.File)}:{d.Location.StartLine}:{d.Location.StartColumn} {d.Severity.ToText()} {d.Id} {d.Message}");
        }

        // Patch files are partial objects by design: their findings are listed apart, for the record only.
        var patches = CorpusFiles.Resources.Where(r => patchFiles.Contains(r.File)).Select(r => r.Resource).ToList();
        var patchFindings = validator.Validate(patches, SchemaSettings.Default);
        text.AppendLine();
        text.AppendLine($"Patch files: {patches.Count} partial resources, {patchFindings.Count} findings ({string.Join(", ", patchFindings.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"))})");
        foreach (var d in patchFindings)
        {
            text.AppendLine($"  {Path.GetRelativePath(TestPaths.Corpus, d.Location.File)}:{d.Location.StartLine}:{d.Location.StartColumn} {d.Id} {d.Message}");
        }

        File.WriteAllText(Path.Combine(TestPaths.Artifacts, "corpus-sweep.txt"), text.ToString());
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, text.ToString().Split('\n').Take(10)));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));

        // The findings judged in the schema report (all real defects or dead files, none ours): a change here is
        // either a fixed corpus or a new false alarm, and must be looked at.
        var counts = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int>
        {
            ["VX1001"] = 4, ["VX1002"] = 22, ["VX1012"] = 2, ["VX1014"] = 6, ["VX1021"] = 2,
        }));
    }
}
