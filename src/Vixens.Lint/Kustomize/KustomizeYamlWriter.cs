using System.Text;
using Vixens.Lint.Kustomize.Output;
using Vixens.Lint.Model;

namespace Vixens.Lint.Kustomize;

/// <summary>Prints resources exactly as <c>kustomize build</c> does: each document as go-yaml v2 writes it, separated by <c>---</c>.</summary>
public static class KustomizeYamlWriter
{
    public static string Write(IEnumerable<KubeResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var builder = new StringBuilder();
        var first = true;
        foreach (var resource in resources)
        {
            if (!first)
            {
                builder.Append("---\n");
            }

            first = false;
            new GoYamlEmitter(builder).WriteDocument(resource.Root);
        }

        return builder.ToString();
    }
}
