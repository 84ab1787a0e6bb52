using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;

namespace Vixens.Lint.Rules.Maturity;

/// <summary>VX4001 (Bronze, VX-B01): every container image names a fixed tag or a digest, never <c>latest</c>.</summary>
public sealed class ImageTagPinnedRule : ContainerRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX4001", "ImageTagMustBePinned", "Container image is not pinned to a version",
        "Container \"{0}\" uses image \"{1}\" {2}; pin a version tag or a digest", "reliability", Severity.Error,
        "An image without a tag, or with the moving tag latest, changes under the cluster's feet: two nodes can run different code, a restart can upgrade silently, and ArgoCD cannot show what is deployed. Vixens maturity Bronze (VX-B01) requires a fixed tag or a digest on every container and init container.",
        ["reliability", "maturity", "images"], MaturityTier.Bronze, precision: "very-high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override bool IncludeInitContainers => true;

    protected override void AnalyzeContainer(ContainerView container, RuleContext context)
    {
        if (container.Node.GetScalar("image") is not { IsNull: false } imageNode)
        {
            return;
        }

        var reference = ImageReference.Parse(imageNode.Value);
        if (reference.IsDigestPinned)
        {
            return;
        }

        if (reference.Tag is null)
        {
            context.Report(Descriptor, container.Pod.Owner, imageNode, container.Name, imageNode.Value, "without a tag (implicitly latest)");
        }
        else if (string.Equals(reference.Tag, "latest", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(Descriptor, container.Pod.Owner, imageNode, container.Name, imageNode.Value, "with the moving tag latest");
        }
    }
}
