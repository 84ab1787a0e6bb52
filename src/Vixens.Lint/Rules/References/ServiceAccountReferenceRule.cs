using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.References;

/// <summary>VX2007: a pod's <c>serviceAccountName</c> names a ServiceAccount of its namespace.</summary>
public sealed class ServiceAccountReferenceRule : Rule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX2007", "ServiceAccountMustExist", "ServiceAccount does not exist",
        "{0} runs as ServiceAccount \"{1}\", which is not defined in namespace {2}. Its pods are refused at creation and the workload never starts.",
        "references", Severity.Error,
        "The ServiceAccount admission plugin refuses pods whose serviceAccountName does not exist (\"error looking up service account\"): the controller retries forever and no pod starts. The account must be deployed in the same namespace, by the same Application or one synced earlier.",
        ["references", "rbac", "serviceaccount"]);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Analyze(RuleContext context)
    {
        foreach (var pod in context.Resources.Select(PodSpecView.Of).OfType<PodSpecView>())
        {
            var name = pod.Spec.GetScalar("serviceAccountName") ?? pod.Spec.GetScalar("serviceAccount");
            if (name is null || name.IsNull || name.Value.Length == 0 || name.Value == "default")
            {
                continue;
            }

            var ns = pod.Owner.Namespace;
            if (context.EnvironmentIndex.Find("ServiceAccount", ns, name.Value) is not null)
            {
                continue;
            }

            if (ReferenceSupport.IsHelmNamed(context.EnvironmentIndex, ns, name.Value))
            {
                continue;
            }

            context.Report(Descriptor, pod.Owner, name, pod.Owner.Id.Display, name.Value, ReferenceSupport.NamespaceText(ns));
        }
    }
}
