using NUnit.Framework;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Configuration;

/// <summary>The schema settings of .vixens-lint.yaml reach the validator: skipped kinds and extra schema folders.</summary>
[NonParallelizable]
public sealed class SchemaSettingsTests
{
    private const string Widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n";

    [Test]
    public void Unknown_kind_is_reported_until_skipped_with_a_reason()
    {
        using var repo = new TempRepository();
        repo.Write("widget.yaml", Widget);
        Assert.That(CliRunner.Run("check", repo.Root, "--format", "json").Stdout, Does.Contain("\"VX1010\""));

        repo.Write(".vixens-lint.yaml", "skipKinds:\n  Widget: installed by the widget operator's Helm chart\n");
        var stdout = CliRunner.Run("check", repo.Root, "--format", "json", "--config", repo.PathOf(".vixens-lint.yaml")).Stdout;
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Does.Not.Contain("\"VX1010\""));
            Assert.That(stdout, Does.Contain("\"VX1013\"").And.Contain("widget operator"));
        });
    }

    [Test]
    public void Extra_schema_folder_validates_a_custom_kind()
    {
        using var repo = new TempRepository();
        repo.Write("widget.yaml", Widget);
        repo.Write("schemas/example.com/widget_v1.json",
            "{\"type\":\"object\",\"properties\":{\"apiVersion\":{\"type\":\"string\"},\"kind\":{\"type\":\"string\"},\"metadata\":{\"type\":\"object\"},\"spec\":{\"type\":\"object\",\"properties\":{\"size\":{\"type\":\"string\"}},\"additionalProperties\":false}},\"additionalProperties\":false}");
        repo.Write(".vixens-lint.yaml", "schemaLocations:\n  - schemas\n");
        var stdout = CliRunner.Run("check", repo.Root, "--config", repo.PathOf(".vixens-lint.yaml")).Stdout;
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Does.Not.Contain("VX1010"), "the schema was found");
            Assert.That(stdout, Does.Contain("widget.yaml(6,9): error VX1003"), "spec.size must be a string in that schema");
        });
    }
}
