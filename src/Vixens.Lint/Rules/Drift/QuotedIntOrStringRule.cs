using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.Rules.Drift;

/// <summary>VX3103: a quoted number in an int-or-string field (<c>targetPort: "8080"</c>, <c>maxSurge: "1"</c>).</summary>
public sealed class QuotedIntOrStringRule : ResourceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "VX3103", "IntOrStringMustNotBeQuotedNumber", "Quoted number in an int-or-string field",
        "{0} is the string \"{1}\", which the API server reads as a {2}, not the number {1}; write {1} without quotes", "gitops", Severity.Error,
        "Fields such as a Service targetPort, a probe port, maxSurge/maxUnavailable and a PodDisruptionBudget's minAvailable accept either an integer or a string, and the two mean different things: a string port is a port name, a string maxSurge or minAvailable is a percentage. A quoted \"8080\" is therefore a port named 8080 (invalid: a name needs a letter) and a quoted \"1\" is an invalid percentage; the API server rejects the object, the ArgoCD sync fails and the Application stays OutOfSync. Where a mutating admission path accepts it, the stored value still differs from Git.",
        ["gitops", "argocd", "drift", "schema"], precision: "very-high");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    protected override void AnalyzeResource(KubeResource resource, RuleContext context)
    {
        foreach (var (field, meaning) in IntOrStringFields(resource))
        {
            // Plain digits resolve to an integer; a string of digits is quoted ("8080", '8080') or tagged (!!str 8080).
            if (field.Node is YamlScalar { Kind: ScalarKind.String } scalar
                && scalar.Value.Length is > 0 and <= 10 && scalar.Value.All(char.IsAsciiDigit)
                && !context.IsDiffIgnored(resource, field.Path))
            {
                context.Report(Descriptor, resource, scalar, field.Display, scalar.Value, meaning);
            }
        }
    }

    private const string PortName = "port name";
    private const string Percentage = "percentage (a number followed by %)";

    private static IEnumerable<(FieldRef Field, string Meaning)> IntOrStringFields(KubeResource resource)
    {
        var spec = resource.Root.GetMapping("spec");
        if (PodSpecView.Of(resource) is { } pod)
        {
            foreach (var (container, path) in FieldPaths.Containers(pod))
            {
                foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
                {
                    foreach (var field in HandlerPorts(container.Node.GetMapping(probe), FieldPaths.Append(path, probe)))
                    {
                        yield return (field, PortName);
                    }
                }

                var lifecycle = container.Node.GetMapping("lifecycle");
                foreach (var hook in new[] { "postStart", "preStop" })
                {
                    foreach (var field in HandlerPorts(lifecycle?.GetMapping(hook), FieldPaths.Append(path, "lifecycle", hook)))
                    {
                        yield return (field, PortName);
                    }
                }
            }
        }

        switch (resource.Kind)
        {
            case "Service" when resource.Group.Length == 0:
                foreach (var (port, path) in FieldPaths.Items(spec?.GetSequence("ports"), ["spec", "ports"]))
                {
                    if (port["targetPort"] is { } target)
                    {
                        yield return (new FieldRef(target, FieldPaths.Append(path, "targetPort")), PortName);
                    }
                }

                break;
            case "Deployment":
                foreach (var field in RollingUpdate(spec?.GetMapping("strategy"), ["spec", "strategy"], "maxSurge", "maxUnavailable"))
                {
                    yield return (field, Percentage);
                }

                break;
            case "DaemonSet":
                foreach (var field in RollingUpdate(spec?.GetMapping("updateStrategy"), ["spec", "updateStrategy"], "maxSurge", "maxUnavailable"))
                {
                    yield return (field, Percentage);
                }

                break;
            case "StatefulSet":
                foreach (var field in RollingUpdate(spec?.GetMapping("updateStrategy"), ["spec", "updateStrategy"], "maxUnavailable"))
                {
                    yield return (field, Percentage);
                }

                break;
            case "PodDisruptionBudget" when resource.Group == "policy":
                foreach (var key in new[] { "minAvailable", "maxUnavailable" })
                {
                    if (spec?[key] is { } value)
                    {
                        yield return (new FieldRef(value, ["spec", key]), Percentage);
                    }
                }

                break;
            case "NetworkPolicy" when resource.Group == "networking.k8s.io":
                foreach (var direction in new[] { ("ingress", "from"), ("egress", "to") })
                {
                    foreach (var (rule, rulePath) in FieldPaths.Items(spec?.GetSequence(direction.Item1), ["spec", direction.Item1]))
                    {
                        foreach (var (port, portPath) in FieldPaths.Items(rule.GetSequence("ports"), FieldPaths.Append(rulePath, "ports")))
                        {
                            if (port["port"] is { } value)
                            {
                                yield return (new FieldRef(value, FieldPaths.Append(portPath, "port")), PortName);
                            }
                        }
                    }
                }

                break;
        }
    }

    private static IEnumerable<FieldRef> HandlerPorts(YamlMapping? handler, IReadOnlyList<string> path)
    {
        foreach (var action in new[] { "httpGet", "tcpSocket" })
        {
            if (handler?.GetMapping(action)?["port"] is { } port)
            {
                yield return new FieldRef(port, FieldPaths.Append(path, action, "port"));
            }
        }
    }

    private static IEnumerable<FieldRef> RollingUpdate(YamlMapping? strategy, IReadOnlyList<string> path, params string[] keys)
    {
        var rolling = strategy?.GetMapping("rollingUpdate");
        foreach (var key in keys)
        {
            if (rolling?[key] is { } value)
            {
                yield return new FieldRef(value, FieldPaths.Append(path, "rollingUpdate", key));
            }
        }
    }
}
