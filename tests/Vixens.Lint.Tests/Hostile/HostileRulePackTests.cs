using System.Text;
using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Hostile;

/// <summary>
/// Rule packs whose JSON Schema would make evaluation hang, overflow the stack or exhaust memory. Each must end in
/// bounded time with a configuration error naming the pack file (exit 2), or with findings.
/// </summary>
[NonParallelizable]
public sealed class HostileRulePackTests
{
    private const string PackHead =
        "pack:\n  name: hostile\n  version: 0.1.0\nrules:\n  - id: VX9001\n    name: Hostile\n    title: Hostile rule\n" +
        "    description: A rule pack built to break the linter.\n    message: 'bad {resource}: {error}'\n    severity: error\n    match:\n      target: resource\n      kinds: [ConfigMap]\n    schema:\n";

    [Test]
    public void Catastrophically_backtracking_pattern_is_a_configuration_error()
    {
        var result = Run("      properties:\n        metadata:\n          properties:\n            name:\n              pattern: \"^(a+)+$\"\n", out var pack);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain(pack + "(5,9): error: Rule VX9001").And.Contain("pattern"));
        });
    }

    [Test]
    public void Recursive_ref_that_never_descends_is_refused_at_load()
    {
        var result = Run("      $defs:\n        node:\n          anyOf:\n            - $ref: '#/$defs/node'\n            - type: object\n      $ref: '#/$defs/node'\n", out var pack);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain(pack).And.Contain("never descends into the instance"));
        });
    }

    [Test]
    public void Recursive_ref_through_the_instance_is_evaluated()
    {
        var result = Run("      $defs:\n        tree:\n          properties:\n            items:\n              items: {$ref: '#/$defs/tree'}\n            data: {required: [absent]}\n      $ref: '#/$defs/tree'\n", out _, expectConfigurationError: false);
        Assert.That(result.Stdout, Does.Contain("error VX9001"));
    }

    [Test]
    public void Combinators_that_multiply_to_two_to_the_thirtieth_are_refused_at_load()
    {
        var schema = new StringBuilder("      $defs:\n");
        for (var level = 0; level < 30; level++)
        {
            schema.Append($"        l{level}:\n          anyOf:\n            - $ref: '#/$defs/l{level + 1}'\n            - $ref: '#/$defs/l{level + 1}'\n");
        }

        schema.Append("        l30: {type: integer}\n      $ref: '#/$defs/l0'\n");
        var result = Run(schema.ToString(), out var pack);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain(pack).And.Contain("subschemas"));
        });
    }

    [Test]
    public void Wide_nested_any_of_tree_is_refused_at_load()
    {
        var result = Run("      properties:\n        data:\n          additionalProperties: " + AnyOfTree(12) + "\n", out var pack);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain(pack).And.Contain("subschemas"));
        });
    }

    [Test]
    public void Pack_over_the_size_limit_is_refused_before_being_read()
    {
        var values = string.Join(", ", Enumerable.Range(0, 200_000).Select(i => $"\"v{i}\""));
        var result = Run("      properties:\n        metadata:\n          properties:\n            name:\n              enum: [" + values + "]\n", out var pack);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain(pack + "(1,1): error: Rule pack is").And.Contain("limit"));
        });
    }

    [Test]
    public void Large_enum_under_the_size_limit_is_evaluated()
    {
        var values = string.Join(", ", Enumerable.Range(0, 50_000).Select(i => $"\"v{i}\""));
        var result = Run("      properties:\n        metadata:\n          properties:\n            name:\n              enum: [" + values + "]\n", out _, expectConfigurationError: false);
        Assert.That(result.Stdout, Does.Contain("error VX9001"));
    }

    private static string AnyOfTree(int depth) =>
        depth == 0 ? "{type: integer}" : $"{{anyOf: [{AnyOfTree(depth - 1)}, {AnyOfTree(depth - 1)}]}}";

    /// <summary>Checks a repository holding one ConfigMap (with a name that makes <c>(a+)+$</c> backtrack) with the pack.</summary>
    private static CliProcessResult Run(string schema, out string packPath, bool expectConfigurationError = true, [System.Runtime.CompilerServices.CallerMemberName] string caseName = "")
    {
        using var repo = new TempRepository();
        using var packs = new TempRepository();
        var keys = string.Concat(Enumerable.Range(0, 200).Select(i => $"  k{i}: v\n"));
        repo.Write("cm.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {new string('a', 40)}!\n  namespace: x\ndata:\n{keys}");
        packPath = packs.Write("hostile.rulepack.yaml", PackHead + schema);
        var result = HostileRun.AssertEndsCleanly(caseName, repo.Root, expectConfigurationError ? packPath : "cm.yaml", "--rulepack", packPath);
        return result;
    }
}
