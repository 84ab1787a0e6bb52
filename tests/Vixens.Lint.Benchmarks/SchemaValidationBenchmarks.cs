using BenchmarkDotNet.Attributes;
using Vixens.Lint.Model;
using Vixens.Lint.Schemas;
using Vixens.Lint.Schemas.Bundle;

namespace Vixens.Lint.Benchmarks;

/// <summary>Validating the whole corpus once the schemas are compiled (the steady state of a CI run or an editor).</summary>
[MemoryDiagnoser]
public class CorpusValidationBenchmark
{
    private List<KubeResource> _resources = [];
    private readonly SchemaValidator _validator = new();

    [GlobalSetup]
    public void Setup()
    {
        _resources = CorpusLoader.Load();
        _validator.Validate(_resources, SchemaSettings.Default);
    }

    [Benchmark]
    public int ValidateCorpus() => _validator.Validate(_resources, SchemaSettings.Default).Count;
}

/// <summary>
/// What the first use costs: opening the embedded bundle (decompress + header) and compiling one kind's schema, from
/// empty caches each time.
/// </summary>
[MemoryDiagnoser]
public class FirstSchemaLoadBenchmark
{
    private KubeResource[] _deployment = [];

    [GlobalSetup]
    public void Setup() => _deployment = [.. CorpusLoader.Load().Where(r => r.Kind == "Deployment").Take(1)];

    [IterationSetup]
    public void ForgetCaches() => BundledSchemas.ResetCaches();

    [Benchmark]
    public int OpenKubernetesBundle() => BundledSchemas.Kubernetes("1.34")!.Kinds.Count;

    [Benchmark]
    public bool OpenBundleAndCompileDeployment()
    {
        var bundle = BundledSchemas.Kubernetes("1.34")!;
        return BundledSchemas.Compile(bundle, bundle.Kinds["apps/v1/Deployment"], SchemaSource.Kubernetes, "k8s", bundle).Schema is not null;
    }

    [Benchmark]
    public int FirstValidationOfOneDeployment() => new SchemaValidator().Validate(_deployment, SchemaSettings.Default).Count;
}
