using NUnit.Framework;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Rules;
using Vixens.Lint.Rules.References;
using Vixens.Lint.Rules.Storage;
using Vixens.Lint.Tests.Infrastructure;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Tests.References;

/// <summary>
/// Runs every reference and storage rule over the raw (unrendered) Vixens corpus: it must not crash, and what it reports
/// is written to the test output for review. Raw files are not what ArgoCD applies (no namespaces from kustomizations,
/// patches read as objects), so only crashes and gross false alarms are judged here. Namespaces are removed so that a
/// resource whose namespace comes from its kustomization still meets the objects it refers to.
/// </summary>
public sealed class CorpusTests
{
    [Test]
    public void Reference_and_storage_rules_run_over_the_raw_vixens_corpus()
    {
        var apps = Path.Combine(TestPaths.VixensCorpus, "apps");
        if (!Directory.Exists(apps))
        {
            Assert.Fail("Vixens corpus not present at " + apps);
        }

        var resources = new List<KubeResource>();
        // The Applications (argocd/) are loaded too: their inline Helm values mention the secrets charts consume.
        var files = Directory.EnumerateFiles(apps, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.VixensCorpus, "argocd"), "*.yaml", SearchOption.AllDirectories));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            foreach (var document in YamlLoader.LoadFile(file).Documents)
            {
                if (document.Root is YamlMapping root && root.GetString("kind") is not null)
                {
                    // Raw files get their namespace from kustomizations and ArgoCD; judged raw, everything shares one namespace.
                    FlattenNamespaces(root);
                    resources.Add(new KubeResource(root));
                }
            }
        }

        var catalog = new RuleCatalog([.. ReferenceRules.All, .. StorageRules.All], []);
        var diagnostics = RuleHarness.Run(catalog.Rules, resources, resources);
        diagnostics.Sort(DiagnosticComparer.Instance);

        foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"{group.Key}: {group.Count()}");
        }

        foreach (var diagnostic in diagnostics)
        {
            TestContext.Out.WriteLine($"{Path.GetRelativePath(apps, diagnostic.Location.File)}({diagnostic.Location.StartLine},{diagnostic.Location.StartColumn}): {diagnostic.Id}: {diagnostic.Message}");
        }

        Assert.That(resources, Has.Count.GreaterThan(100));
        Assert.That(diagnostics.All(d => d.Location.StartLine > 0), Is.True);
    }

    /// <summary>Removes every namespace a raw file states (object, kustomization, InfisicalSecret target) so all share one.</summary>
    private static void FlattenNamespaces(YamlMapping root)
    {
        root.GetMapping("metadata")?.Remove("namespace");
        if (root.GetString("kind") == "Kustomization")
        {
            root.Remove("namespace");
        }

        root.GetMapping("spec")?.Remove("namespaceSelector");
        if (root.GetString("kind") == "InfisicalSecret" && root.GetMapping("spec") is { } spec)
        {
            spec.GetMapping("managedSecretReference")?.Remove("secretNamespace");
            foreach (var reference in spec.GetSequence("managedKubeSecretReferences")?.Items.OfType<YamlMapping>() ?? [])
            {
                reference.Remove("secretNamespace");
            }
        }
    }
}
