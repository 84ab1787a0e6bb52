using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Security;

/// <summary>VX5102: an environment variable named like a credential with a literal value in the manifest.</summary>
public sealed class LiteralSecretEnvRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX5102", "CredentialEnvMustComeFromSecret", "Credential in a literal environment variable",
        "Container \"{0}\" sets {1} to a literal value; read it from a Secret (valueFrom.secretKeyRef) instead", "security", Severity.Warning,
        "An environment variable named like a password, token or key with a literal value puts the credential in Git, in `kubectl describe` output and in every copy of the manifest. Reference a Secret (ideally produced by an InfisicalSecret) with valueFrom.secretKeyRef. The message names the variable, never its value.",
        ["security", "secrets"], precision: "medium", securitySeverity: 6.5);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override bool IncludeInitContainers => true;

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        foreach (var variable in container.Node.GetSequence("env")?.Items.OfType<YamlMapping>() ?? [])
        {
            var name = variable.GetString("name");
            if (name is null || !SecretFieldNames.LooksSecret(name) || variable.GetScalar("value") is not { IsNull: false } value || value.Value.Length == 0)
            {
                continue;
            }

            // A value that is itself a reference ($(OTHER_VAR)) or a file path carries no credential.
            if (value.Value.StartsWith("$(", StringComparison.Ordinal) || value.Value.StartsWith('/') || value.Value.Contains("://", StringComparison.Ordinal))
            {
                continue;
            }

            context.Report(Descriptor, container.Pod.Owner, variable.GetScalar("name")!, container.Name, name);
        }
    }
}
