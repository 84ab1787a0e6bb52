using System.Text.Json;
using NUnit.Framework;
using Vixens.Lint.Rules.Packs;

namespace Vixens.Lint.Tests.RulePacks;

/// <summary>What the static check of pack schemas refuses (evaluation that cannot end or end soon) and what it lets through.</summary>
public sealed class PackSchemaBudgetTests
{
    [TestCase("""{"$ref": "#"}""")]
    [TestCase("""{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}""")]
    [TestCase("""{"properties": {"x": {"$defs": {"n": {"not": {"$ref": "#/properties/x/$defs/n"}}}, "$ref": "#/properties/x/$defs/n"}}}""")]
    public void In_place_reference_cycle_is_refused(string schema) =>
        Assert.That(Check(schema), Does.Contain("never descends into the instance"));

    [Test]
    public void In_place_cycle_is_found_even_when_a_descending_path_reaches_it_first()
    {
        // DFS order must not hide the in-place cycle a -> b -> a behind the descending edge a -> b.
        const string schema = """{"$defs": {"a": {"properties": {"p": {"$ref": "#/$defs/b"}}, "anyOf": [{"$ref": "#/$defs/b"}]}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}""";
        Assert.That(Check(schema), Does.Contain("never descends"));
    }

    [TestCase("""{"$defs": {"tree": {"properties": {"children": {"items": {"$ref": "#/$defs/tree"}}}}}, "$ref": "#/$defs/tree"}""")]
    [TestCase("""{"properties": {"next": {"$ref": "#"}}, "required": ["a"]}""")]
    [TestCase("""{"type": "object", "properties": {"a": {"type": "string", "pattern": "^x"}}, "anyOf": [{"required": ["a"]}, {"required": ["b"]}]}""")]
    public void Recursion_through_the_instance_and_ordinary_schemas_pass(string schema) =>
        Assert.That(Check(schema), Is.Null);

    [Test]
    public void Doubling_references_thirty_deep_are_refused()
    {
        var defs = string.Join(", ", Enumerable.Range(0, 30).Select(i => $"\"l{i}\": {{\"anyOf\": [{{\"$ref\": \"#/$defs/l{i + 1}\"}}, {{\"$ref\": \"#/$defs/l{i + 1}\"}}]}}"));
        var schema = $"{{\"$defs\": {{{defs}, \"l30\": {{\"type\": \"integer\"}}}}, \"$ref\": \"#/$defs/l0\"}}";
        Assert.That(Check(schema), Does.Contain("subschemas"));
    }

    [Test]
    public void Reference_chain_deeper_than_the_limit_is_refused()
    {
        var defs = string.Join(", ", Enumerable.Range(0, 600).Select(i => $"\"d{i}\": {{\"$ref\": \"#/$defs/d{i + 1}\"}}"));
        var schema = $"{{\"$defs\": {{{defs}, \"d600\": {{}}}}, \"$ref\": \"#/$defs/d0\"}}";
        Assert.That(Check(schema), Does.Contain("deeper than"));
    }

    [Test]
    public void Built_in_pack_is_within_the_budget() =>
        Assert.That(() => RulePackLoader.LoadBuiltIn(RulePackLoader.VixensMaturity), Throws.Nothing);

    private static string? Check(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return PackSchemaBudget.Check(document.RootElement);
    }
}
