using Json.Schema;
using Vixens.Lint.Schemas.Conversion;
using Vixens.Lint.Schemas.Validation;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Schemas.Tests;

/// <summary>
/// The fast pre-check may only answer when JsonSchema.Net would answer the same: checked on every resource of the
/// corpus (valid ones and the partial patch files, which are invalid).
/// </summary>
public class FastSchemaAgreementTests
{
    [Test]
    public void Fast_check_agrees_with_JsonSchemaNet_on_the_corpus()
    {
        if (!CorpusFiles.Available)
        {
            Assert.Fail("shared/corpus/vixens is missing: the corpus tests need it");
        }

        var resources = CorpusFiles.Resources.Select(r => r.Resource).ToList();
        var store = new SchemaStore(SchemaSettings.Default, resources);
        var disagreements = new List<string>();
        int decided = 0, undecided = 0;
        foreach (var resource in resources.Where(r => r.ApiVersion is not null && r.Kind is not null))
        {
            var schema = store.Resolve(resource.ApiVersion!, resource.Kind!);
            if (schema?.Schema is null)
            {
                continue;
            }

            Assert.That(schema.Fast, Is.Not.Null, $"{resource.ApiVersion} {resource.Kind} has no fast checker");
            var verdict = schema.Fast!.Check(resource.Root);
            if (verdict == FastVerdict.Unknown)
            {
                undecided++;
                continue;
            }

            decided++;
            using var instance = YamlJsonWriter.ToDocument(resource.Root);
            var valid = schema.Schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
            if (valid != (verdict == FastVerdict.Valid))
            {
                disagreements.Add($"{resource.Span}: fast {verdict}, JsonSchema.Net valid={valid}");
            }
        }

        TestContext.Out.WriteLine($"decided {decided}, undecided {undecided}");
        Assert.That(disagreements, Is.Empty);
        Assert.That(decided, Is.GreaterThan(undecided));
    }
}
