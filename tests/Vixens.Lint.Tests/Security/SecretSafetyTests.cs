using NUnit.Framework;
using Vixens.Lint.Analysis;
using Vixens.Lint.Tests.Infrastructure;

namespace Vixens.Lint.Tests.Security;

/// <summary>Secret values never appear in any output, and committing them is itself a finding.</summary>
[NonParallelizable]
public sealed class SecretSafetyTests
{
    private const string SecretValue = "correct-horse-battery";

    [Test]
    public void Plain_text_secret_is_reported_at_its_first_key_without_its_value()
    {
        var result = LintEngine.Run(new LintRequest(Fixture("VX5101/fail.yaml")));
        var finding = result.Diagnostics.Single(d => d.Id == "VX5101");
        Assert.Multiple(() =>
        {
            Assert.That((finding.Location.StartLine, finding.Location.StartColumn), Is.EqualTo((8, 3)));
            Assert.That(finding.Message, Does.Contain("password").And.Not.Contain(SecretValue));
        });
    }

    [Test]
    public void Literal_credential_env_is_reported_by_name_only()
    {
        var result = LintEngine.Run(new LintRequest(Fixture("VX5102/fail.yaml")));
        var finding = result.Diagnostics.Single(d => d.Id == "VX5102");
        Assert.Multiple(() =>
        {
            Assert.That(finding.Location.StartLine, Is.EqualTo(19));
            Assert.That(finding.Message, Does.Contain("POSTGRES_PASSWORD").And.Not.Contain(SecretValue));
        });
    }

    [Test]
    public void No_output_format_ever_contains_a_secret_value()
    {
        using var repo = new TempRepository();
        // A Secret whose value also breaks the schema (an integer where a string is required), so the schema message
        // would quote it; and a secretGenerator literal, so kustomize's output holds it base64-encoded.
        repo.Write("app/secret.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: {SecretValue}\n  other: 12345678\n");
        repo.Write("app/kustomization.yaml", $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - secret.yaml\nsecretGenerator:\n  - name: generated\n    literals:\n      - api-key={SecretValue}\n");
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var (_, stdout, stderr) = CliRunner.Run("check", repo.Root, "--format", format);
            Assert.That(stdout + stderr, Does.Not.Contain(SecretValue).And.Not.Contain("12345678"), format);
        }
    }

    [TestCase("DB_PASSWORD", true)]
    [TestCase("apiKey", true)]
    [TestCase("secretName", false)]
    [TestCase("secret.reloader.stakater.com/reload", false)]
    [TestCase("vault.example.com/token", false)]
    public void Credential_like_names(string name, bool secret) =>
        Assert.That(Vixens.Lint.Rules.Security.SecretFieldNames.LooksSecret(name), Is.EqualTo(secret));

    private static string Fixture(string relative) => Path.Combine(TestPaths.RepositoryRoot, "tests", "Vixens.Lint.Tests", "Fixtures", "rules", relative);
}
