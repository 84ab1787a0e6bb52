using System.Text.Json;
using System.Text.RegularExpressions;
using Vixens.Lint.Schemas.Bundle;

namespace Vixens.Lint.Schemas.Tests;

/// <summary>
/// The CRD catalog at breadth: every kind loads, compiles and judges a minimal object; the projects' documented
/// examples validate clean; the README states the number of kinds the bundle really holds.
/// </summary>
public class CrdCatalogTests
{
    /// <summary>The groups issue 14 requires, each with at least one kind the catalog must hold.</summary>
    private static readonly string[] RequiredKinds =
    [
        "gateway.networking.k8s.io/v1/HTTPRoute", "gateway.networking.k8s.io/v1/Gateway", "cert-manager.io/v1/Certificate",
        "external-secrets.io/v1/ExternalSecret", "bitnami.com/v1alpha1/SealedSecret", "monitoring.coreos.com/v1/ServiceMonitor",
        "operator.victoriametrics.com/v1beta1/VMServiceScrape", "traefik.io/v1alpha1/IngressRoute", "traefik.containo.us/v1alpha1/Middleware",
        "cilium.io/v2/CiliumNetworkPolicy", "networking.istio.io/v1/VirtualService", "security.istio.io/v1/AuthorizationPolicy",
        "kyverno.io/v1/ClusterPolicy", "argoproj.io/v1alpha1/Application", "argoproj.io/v1alpha1/Rollout", "argoproj.io/v1alpha1/Workflow",
        "postgresql.cnpg.io/v1/Cluster", "operators.coreos.com/v1alpha1/Subscription", "keda.sh/v1alpha1/ScaledJob", "velero.io/v1/Schedule",
        "longhorn.io/v1beta2/RecurringJob", "kustomize.toolkit.fluxcd.io/v1/Kustomization", "helm.toolkit.fluxcd.io/v2/HelmRelease",
        "apiextensions.crossplane.io/v1/Composition", "pkg.crossplane.io/v1/Provider",
    ];

    [Test]
    public void Readme_states_the_number_of_kinds_in_the_bundle()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "schemas", "README.md"));
        var stated = Regex.Match(readme, @"\*\*(\d+) custom resource kinds/versions\*\*");
        Assert.That(stated.Success, Is.True, "schemas/README.md must state the number of catalog kinds");
        Assert.That(BundledSchemas.Catalog!.Kinds, Has.Count.EqualTo(int.Parse(stated.Groups[1].Value)));
        Assert.That(BundledSchemas.Catalog.Kinds.Keys, Is.SupersetOf(RequiredKinds));
    }

    [Test]
    public void Every_catalog_kind_compiles_and_judges_a_minimal_object()
    {
        var catalog = BundledSchemas.Catalog!;
        var failures = new List<string>();
        var closedRoots = 0;
        foreach (var kind in catalog.Kinds.Values.OrderBy(k => k.ApiVersion, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal))
        {
            var minimal = $"apiVersion: {kind.ApiVersion}\nkind: {kind.Kind}\nmetadata:\n  name: example\n";
            // Only missing required top-level fields (usually spec) and a version deprecation may be reported.
            var found = Manifests.Validate(minimal).Where(d => !(d.Id == "VX1002" && d.Location.StartLine == 1) && d.Id != "VX1014").ToList();
            if (found.Count > 0)
            {
                failures.Add($"{kind.ApiVersion}/{kind.Kind}: {string.Join("; ", found.Select(Manifests.Format))}");
            }

            // Strict like the API server: an undeclared top-level field is pruned, so it is reported, unless the CRD keeps
            // unknown fields at its root (Trivy's reports do).
            using var root = JsonDocument.Parse(catalog.KindSchema(kind));
            var closed = root.RootElement.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
            closedRoots += closed ? 1 : 0;
            var unknown = Manifests.Validate(minimal + "colour: blue\n");
            if (closed != unknown.Any(d => d.Id == "VX1001" && d.Message.Contains("colour", StringComparison.Ordinal)))
            {
                failures.Add($"{kind.ApiVersion}/{kind.Kind}: an unknown top-level field is {(closed ? "not " : string.Empty)}reported");
            }
        }

        TestContext.Out.WriteLine($"{catalog.Kinds.Count} catalog kinds checked, {closedRoots} with a closed root");
        Assert.That(closedRoots, Is.GreaterThan(catalog.Kinds.Count * 9 / 10), "nearly every CRD prunes unknown top-level fields");
        Assert.That(failures, Is.Empty);
    }

    private static IEnumerable<TestCaseData> UpstreamExamples() => CatalogExamples.All.Select(e => new TestCaseData(e.Yaml).SetName("Upstream example validates: " + e.Name));

    [TestCaseSource(nameof(UpstreamExamples))]
    public void Upstream_example_validates_clean(string yaml)
    {
        var resources = Manifests.Parse(yaml);
        var store = new SchemaStore(SchemaSettings.Default, resources);
        Assert.Multiple(() =>
        {
            foreach (var resource in resources)
            {
                Assert.That(store.Locate(resource.ApiVersion!, resource.Kind!), Is.EqualTo(SchemaSource.CrdCatalog), resource.ApiVersion + " " + resource.Kind);
            }

            Assert.That(Manifests.Validate(yaml).Select(Manifests.Format), Is.Empty);
        });
    }

    [TestCaseSource(nameof(UpstreamExamples))]
    public void Upstream_example_with_a_misspelt_spec_field_is_reported(string yaml)
    {
        // "spec:" becomes "spec:\n  notAField: 1": every catalog spec is a closed object, as the server prunes.
        var broken = Regex.Replace(yaml, @"^spec:\n", "spec:\n  notAField: 1\n", RegexOptions.Multiline);
        Assert.That(broken, Is.Not.EqualTo(yaml), "the example must have a block spec");
        Assert.That(Manifests.Validate(broken).Select(Manifests.Format), Has.Some.Contains("VX1001 unknown field \"spec.notAField\""));
    }
}
