using System.Runtime.CompilerServices;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2004: every Secret a pod or an Ingress uses is produced somewhere in the environment.</summary>
public sealed class SecretReferenceRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2004", "ConsumedSecretMustBeProduced", "Secret is used but produced nowhere",
        "{0} of {1} uses Secret \"{2}\", which nothing in the environment produces in namespace {3} (no Secret, InfisicalSecret, Certificate, SealedSecret or ExternalSecret){4}. Pods fail with CreateContainerConfigError or stay ContainerCreating; if a Helm chart or an operator creates it, suppress with lint.vixens.io/suppress: \"VX2004\".",
        "references", Severity.Warning,
        "A Secret referenced by env, envFrom, a secret or projected volume, imagePullSecrets or an Ingress TLS section must exist before the pod starts. In Vixens secrets come from InfisicalSecret objects (spec.managedSecretReference), cert-manager Certificates and ingress-shim; a reference that none of these produce is usually a typo, a wrong secretNamespace or a forgotten InfisicalSecret. Secrets made at run time by a Helm chart or an operator cannot be seen offline: suppress those.",
        ["references", "secrets", "infisical"]);

    /// <summary>Secrets that well-known components create at run time (ArgoCD's secret-init job creates argocd-redis).</summary>
    private static readonly HashSet<string> RuntimeCreated = new(StringComparer.Ordinal) { "argocd-redis", "argocd-initial-admin-secret" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        var consumers = Consumers(context.Resources).Where(c => !RuntimeCreated.Contains(c.Reference.Name)).ToList();
        if (consumers.Count == 0)
        {
            return;
        }

        var all = EnvironmentCache.Get(context.EnvironmentIndex, "secret-producers", index => Producers.Secrets(index).ToList());
        var produced = EnvironmentCache.Get(context.EnvironmentIndex, "secrets", _ => Producers.Lookup(all));
        foreach (var (owner, reference) in consumers)
        {
            if (reference.Optional || produced(owner.Namespace, reference.Name))
            {
                continue;
            }

            // The usual Vixens mistake: the InfisicalSecret writes the secret into another namespace (secretNamespace).
            var elsewhere = all.FirstOrDefault(p => p.Name == reference.Name);
            var hint = elsewhere is null ? string.Empty : $"; {elsewhere.Producer.Kind} \"{elsewhere.Producer.Name}\" writes it in namespace {ReferenceSupport.NamespaceText(elsewhere.Namespace)}";
            context.Report(Descriptor, owner, reference.Node, Capitalize(reference.Via), owner.Id.Display, reference.Name, ReferenceSupport.NamespaceText(owner.Namespace), hint);
        }
    }

    /// <summary>Pod secret references, and the TLS secrets of Ingresses (cert-manager's own count as produced) and Traefik IngressRoutes.</summary>
    internal static IEnumerable<(KubeResource Owner, ObjectReference Reference)> Consumers(IEnumerable<KubeResource> resources)
    {
        foreach (var resource in resources)
        {
            if (PodSpecView.Of(resource) is { } pod)
            {
                foreach (var reference in PodReferences.Secrets(pod))
                {
                    yield return (resource, reference);
                }
            }
            else if (resource.Kind is "IngressRoute" or "IngressRouteTCP" && resource.Group is "traefik.io" or "traefik.containo.us"
                && resource.Root.GetMapping("spec")?.GetMapping("tls")?.GetScalar("secretName") is { IsNull: false } routeSecret && routeSecret.Value.Length > 0)
            {
                yield return (resource, new ObjectReference(routeSecret.Value, routeSecret, false, "TLS section"));
            }
            else if (resource.Kind == "Ingress" && resource.Group == "networking.k8s.io")
            {
                foreach (var tls in PodReferences.Mappings(resource.Root.GetMapping("spec")?.GetSequence("tls")))
                {
                    if (tls.GetScalar("secretName") is { IsNull: false } secretName && secretName.Value.Length > 0)
                    {
                        yield return (resource, new ObjectReference(secretName.Value, secretName, false, "TLS section"));
                    }
                }
            }
        }
    }

    internal static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>VX2011: a Secret an InfisicalSecret manages is used by something in the environment.</summary>
public sealed class UnconsumedManagedSecretRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2011", "ManagedSecretShouldBeConsumed", "Managed Secret is never used",
        "InfisicalSecret \"{0}\" writes Secret \"{1}\" in namespace {2}, but nothing in the environment refers to that name. The secret is synced for nothing, or its consumer points at another name or namespace.",
        "references", Severity.Note,
        "Every Secret an InfisicalSecret manages should be read by something: a pod's env, envFrom or volume, an Ingress, a StorageClass, another custom resource, or a Helm values block. Namespaces where an Application installs a Helm chart are not judged (values files are not rendered offline). An unused managed secret usually means the consumer names a different secret (typo, app renamed) or lives in another namespace than spec.managedSecretReference.secretNamespace (Vixens implied check VX-I07).",
        ["references", "secrets", "infisical"]);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        var managed = context.Resources.SelectMany(Producers.InfisicalManaged).ToList();
        if (managed.Count == 0)
        {
            return;
        }

        var (names, blocks) = EnvironmentCache.Get(context.EnvironmentIndex, nameof(Mentions), Mentions).Value;
        var helm = ReferenceSupport.HelmNamespaces(context.EnvironmentIndex);
        foreach (var secret in managed)
        {
            // A Helm chart deployed in the namespace may read it through its values files, which are not rendered offline.
            if (helm.Contains(secret.Namespace) || names.Contains(secret.Name) || blocks.Any(b => b.Contains(secret.Name, StringComparison.Ordinal)))
            {
                continue;
            }

            context.Report(Descriptor, secret.Producer, secret.NameNode!, secret.Producer.Name, secret.Name, ReferenceSupport.NamespaceText(secret.Namespace));
        }
    }

    /// <summary>Every scalar of every resource except InfisicalSecrets, Secrets and objects' own names; multi-line scalars (Helm values) are searched by substring.</summary>
    private static StrongBox<(HashSet<string> Names, List<string> Blocks)> Mentions(ResourceIndex index)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var blocks = new List<string>();
        foreach (var resource in index.Resources)
        {
            if (resource.Kind is "InfisicalSecret" or "Secret")
            {
                continue;
            }

            var ownName = resource.Metadata?.GetScalar("name");
            foreach (var node in resource.Root.DescendantsAndSelf())
            {
                // An object's own name is not a reference to a secret of the same name.
                if (node is not YamlScalar scalar || ReferenceEquals(scalar, ownName))
                {
                    continue;
                }

                if (scalar.Value.Contains('\n', StringComparison.Ordinal))
                {
                    blocks.Add(scalar.Value);
                }
                else
                {
                    names.Add(scalar.Value);
                }
            }
        }

        return new((names, blocks));
    }
}
