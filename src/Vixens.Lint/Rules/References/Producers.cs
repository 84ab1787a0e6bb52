using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>A Secret or ConfigMap name that something in the environment creates, and what creates it.</summary>
internal sealed record ProducedObject(string? Namespace, string Name, KubeResource Producer, YamlScalar? NameNode);

/// <summary>
/// Which Secrets and ConfigMaps an environment produces: the objects themselves, and everything known to create them
/// (operators, cert-manager, kustomize generators, StatefulSet-like conventions of operators).
/// </summary>
internal static class Producers
{
    private static readonly string[] CertManagerAnnotations = ["cert-manager.io/cluster-issuer", "cert-manager.io/issuer", "kubernetes.io/tls-acme"];

    public static IEnumerable<ProducedObject> Secrets(ResourceIndex index)
    {
        foreach (var resource in index.Resources)
        {
            var ns = resource.Namespace;
            var spec = resource.Root.GetMapping("spec");
            switch (resource.Kind)
            {
                case "Secret" when resource.Group.Length == 0 && resource.Name is { } name:
                    yield return new(ns, name, resource, resource.Metadata?.GetScalar("name"));
                    break;
                case "InfisicalSecret":
                    foreach (var managed in InfisicalManaged(resource))
                    {
                        yield return managed;
                    }

                    break;
                case "Certificate" when resource.Group == "cert-manager.io" && spec?.GetScalar("secretName") is { IsNull: false } certSecret:
                    yield return new(ns, certSecret.Value, resource, certSecret);
                    break;
                case "Ingress" when CertManagerAnnotations.Any(a => resource.GetAnnotation(a) is { Length: > 0 }):
                    foreach (var tls in PodReferences.Mappings(spec?.GetSequence("tls")))
                    {
                        if (tls.GetScalar("secretName") is { IsNull: false } tlsSecret)
                        {
                            yield return new(ns, tlsSecret.Value, resource, tlsSecret);
                        }
                    }

                    break;
                case "SealedSecret" when resource.Name is { } sealedName:
                    yield return new(ns, spec?.GetMapping("template")?.GetMapping("metadata")?.GetString("name") ?? sealedName, resource, null);
                    break;
                case "ExternalSecret" when resource.Name is { } externalName:
                    yield return new(ns, spec?.GetMapping("target")?.GetString("name") ?? externalName, resource, null);
                    break;
                case "ServiceAccount":
                    foreach (var token in PodReferences.Mappings(resource.Root.GetSequence("secrets")))
                    {
                        if (token.GetScalar("name") is { IsNull: false } tokenName)
                        {
                            yield return new(ns, tokenName.Value, resource, tokenName);
                        }
                    }

                    break;
                case "Cluster" when resource.Group == "postgresql.cnpg.io" && resource.Name is { } cluster:
                    // CloudNativePG creates these for every cluster.
                    foreach (var suffix in new[] { "app", "superuser", "ca", "server", "replication" })
                    {
                        yield return new(ns, $"{cluster}-{suffix}", resource, null);
                    }

                    break;
                case "Kustomization":
                    foreach (var generated in Generated(resource, "secretGenerator"))
                    {
                        yield return generated;
                    }

                    break;
            }
        }
    }

    public static IEnumerable<ProducedObject> ConfigMaps(ResourceIndex index)
    {
        foreach (var resource in index.Resources)
        {
            if (resource.Kind == "ConfigMap" && resource.Group.Length == 0 && resource.Name is { } name)
            {
                yield return new(resource.Namespace, name, resource, resource.Metadata?.GetScalar("name"));
            }
            else if (resource.Kind == "Kustomization")
            {
                foreach (var generated in Generated(resource, "configMapGenerator"))
                {
                    yield return generated;
                }
            }
        }
    }

    /// <summary>The Secrets an InfisicalSecret manages: <c>managedSecretReference</c> and <c>managedKubeSecretReferences[]</c>.</summary>
    public static IEnumerable<ProducedObject> InfisicalManaged(KubeResource resource)
    {
        if (resource.Kind != "InfisicalSecret" || !resource.Group.StartsWith("secrets.infisical.com", StringComparison.Ordinal))
        {
            yield break;
        }

        var spec = resource.Root.GetMapping("spec");
        var references = new List<YamlMapping>();
        if (spec?.GetMapping("managedSecretReference") is { } single)
        {
            references.Add(single);
        }

        references.AddRange(PodReferences.Mappings(spec?.GetSequence("managedKubeSecretReferences")));
        foreach (var reference in references)
        {
            if (reference.GetScalar("secretName") is { IsNull: false } secretName && secretName.Value.Length > 0)
            {
                yield return new(reference.GetString("secretNamespace") ?? resource.Namespace, secretName.Value, resource, secretName);
            }
        }
    }

    /// <summary>Kustomize generators seen as objects (raw, unrendered input); a rendered build contains the generated objects themselves.</summary>
    private static IEnumerable<ProducedObject> Generated(KubeResource kustomization, string field)
    {
        var ns = kustomization.Root.GetString("namespace");
        foreach (var generator in PodReferences.Mappings(kustomization.Root.GetSequence(field)))
        {
            if (generator.GetScalar("name") is { IsNull: false } name)
            {
                yield return new(generator.GetString("namespace") ?? ns, name.Value, kustomization, name);
            }
        }
    }

    /// <summary>Lookup by (namespace, name). A producer in no namespace (raw files) also counts for every namespace.</summary>
    public static Func<string?, string, bool> Lookup(IEnumerable<ProducedObject> produced)
    {
        var set = produced.Select(p => (p.Namespace, p.Name)).ToHashSet();
        var unscoped = set.Where(p => p.Namespace is null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return (ns, name) => set.Contains((ns, name)) || unscoped.Contains(name);
    }
}
