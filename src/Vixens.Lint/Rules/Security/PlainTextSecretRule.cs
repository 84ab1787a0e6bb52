using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Security;

/// <summary>VX5101: a Secret whose values are committed to Git (directly or through a secretGenerator literal/file).</summary>
public sealed class PlainTextSecretRule : ResourceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX5101", "SecretValuesMustNotBeCommitted", "Secret values committed in plain text",
        "Secret \"{0}\" commits {1} value(s) in Git ({2}); base64 is not encryption: deliver it through Infisical, SealedSecrets or External Secrets", "security", Severity.Error,
        "A Secret's data and stringData are only base64-encoded: anyone with read access to the repository, its forks, CI logs and backups has the credential, forever (Git history keeps it after deletion). The Vixens cluster delivers secrets through InfisicalSecret objects; a Secret with values in Git, or a kustomize secretGenerator fed from literals or committed files, leaks them. The message names the keys, never any part of a value.",
        ["security", "secrets"], precision: "high", securitySeverity: 8.0);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeResource(KubeResource resource, RuleContext context)
    {
        if (resource.Kind != "Secret" || resource.Group.Length != 0)
        {
            return;
        }

        // Service-account token Secrets are filled by the control plane; their data in Git is empty by construction.
        if (resource.Root.GetString("type") == "kubernetes.io/service-account-token")
        {
            return;
        }

        var keys = new List<YamlScalar>();
        foreach (var field in new[] { "data", "stringData" })
        {
            if (resource.Root.GetMapping(field) is not { } values)
            {
                continue;
            }

            keys.AddRange(values.Entries.Where(e => e.Value is YamlScalar { IsNull: false, Value.Length: > 0 }).Select(e => e.Key));
        }

        if (keys.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", keys.Select(k => k.Value).Take(5)) + (keys.Count > 5 ? ", …" : string.Empty);
        context.Report(Descriptor, resource, keys[0], resource.Name, keys.Count, names);
    }
}
