using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Json.Schema;
using Vixens.Lint.Diagnostics;
using Vixens.Lint.Model;
using Vixens.Lint.Yaml;
using Vixens.Lint.Yaml.Json;

namespace Vixens.Lint.Rules.Packs;

/// <summary>
/// A rule defined as data in a <c>*.rulepack.yaml</c>: every target selected by <see cref="Match"/> must satisfy
/// <see cref="Schema"/>. The failing keyword's instance location is mapped back to the YAML node, hence to a line.
/// </summary>
public sealed partial class SchemaRule : Rule
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };
    private static readonly EvaluationOptions Quick = new() { OutputFormat = OutputFormat.Flag };

    public SchemaRule(DiagnosticDescriptor descriptor, PackMatch match, JsonSchema schema, MetadataSelector bypass, MetadataSelector optIn, string packName)
    {
        Descriptor = descriptor;
        Match = match;
        Schema = schema;
        Bypass = bypass;
        OptIn = optIn;
        PackName = packName;
        SupportedDiagnostics = [descriptor];
    }

    public DiagnosticDescriptor Descriptor { get; }

    public PackMatch Match { get; }

    public JsonSchema Schema { get; }

    public MetadataSelector Bypass { get; }

    public MetadataSelector OptIn { get; }

    public string PackName { get; }

    /// <summary>Where the rule's <c>id</c> is written in its pack, for configuration errors.</summary>
    public SourceSpan? IdLocation { get; init; }

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Analyze(RuleContext context)
    {
        foreach (var resource in context.Resources)
        {
            try
            {
                Analyze(resource, context);
            }
            catch (RegexMatchTimeoutException ex)
            {
                // A catastrophically backtracking `pattern` is the pack's fault, not the manifest's: a configuration error.
                throw new Configuration.ConfigurationException(
                    $"Rule {Descriptor.Id} of pack \"{PackName}\": a `pattern` took longer than {ex.MatchTimeout.TotalSeconds:0.#} s to match a value of {resource.Kind}/{resource.Name}; rewrite it without nested quantifiers",
                    IdLocation ?? SourceSpan.StartOf(string.Empty));
            }
        }
    }

    private void Analyze(KubeResource resource, RuleContext context)
    {
        if (!Selects(resource))
        {
            return;
        }

        var pod = PodSpecView.Of(resource);
        var metadata = MetadataSets(resource, pod);
        if (!OptIn.IsEmpty && !OptIn.MatchesAny(metadata))
        {
            return;
        }

        if (!Bypass.IsEmpty && Bypass.MatchesAny(metadata))
        {
            return;
        }

        if (Match.ResourceWhen is { } resourceWhen && !resourceWhen.Evaluate(context.Cache.Json(resource.Root).Root, Quick).IsValid)
        {
            return;
        }

        foreach (var target in Targets(resource, pod))
        {
            Evaluate(resource, target, context);
        }
    }

    private void Evaluate(KubeResource resource, PackTargetInstance target, RuleContext context)
    {
        var json = context.Cache.Json(target.Node);
        if (Match.When is { } when && !when.Evaluate(json.Root, Quick).IsValid)
        {
            return;
        }

        // The flag format stops at the first failure; the detailed list is only needed to locate one.
        if (Schema.Evaluate(json.Root, Quick).IsValid)
        {
            return;
        }

        var results = Schema.Evaluate(json.Root, Options);

        var (pointer, error) = FirstLeafError(results);
        var node = PositionedSchema.LocationNode(json, pointer, target.Node);
        var values = new Dictionary<string, string>(target.Values, StringComparer.Ordinal)
        {
            ["error"] = error,
            ["target.path"] = target.Path + PointerToPath(pointer),
        };
        AddResourceValues(values, resource);
        var message = Render(Descriptor.MessageFormat, values);
        context.Report(new Diagnostic(Descriptor, node.EditLocation, message, properties: RuleContext.PropertiesOf(resource)));
    }

    private bool Selects(KubeResource resource)
    {
        var kind = resource.Kind ?? string.Empty;
        if (Match.Kinds.Count > 0)
        {
            if (!Match.Kinds.Contains(kind, StringComparer.Ordinal))
            {
                return false;
            }
        }
        else if (Match.Target is not (PackTarget.Resource or PackTarget.ServicePort) && !PodSpecView.IsWorkloadKind(kind))
        {
            return false;
        }

        if (Match.Target == PackTarget.ServicePort && kind != "Service")
        {
            return false;
        }

        if (Match.ApiGroups is { Count: > 0 } groups && !groups.Contains(resource.Group, StringComparer.Ordinal))
        {
            return false;
        }

        if (!Match.Namespaces.Matches(resource.Namespace ?? string.Empty) || !Match.Names.Matches(resource.Name ?? string.Empty))
        {
            return false;
        }

        return SelectorMatches(Match.Labels, resource.Labels) && SelectorMatches(Match.Annotations, resource.Annotations);
    }

    private static bool SelectorMatches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> actual) =>
        selector.All(p => actual.TryGetValue(p.Key, out var value) && (p.Value == "*" || p.Value == value));

    /// <summary>Bypass and opt-in annotations are read on the pod template first, then on the workload.</summary>
    internal static List<(IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>)> MetadataSets(KubeResource resource, PodSpecView? pod)
    {
        var sets = new List<(IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>)>(2);
        if (pod is not null && !ReferenceEquals(pod.Template, resource.Root))
        {
            sets.Add((pod.Annotations, pod.Labels));
        }

        sets.Add((resource.Annotations, resource.Labels));
        return sets;
    }

    private IEnumerable<PackTargetInstance> Targets(KubeResource resource, PodSpecView? pod)
    {
        switch (Match.Target)
        {
            case PackTarget.Resource:
                yield return new PackTargetInstance(resource.Root, string.Empty, new Dictionary<string, string>());
                break;
            case PackTarget.PodTemplate when pod is not null:
                yield return new PackTargetInstance(pod.Template, pod.SpecPath.EndsWith(".spec", StringComparison.Ordinal) && pod.SpecPath != "spec" ? pod.SpecPath[..^5] : string.Empty, new Dictionary<string, string>());
                break;
            case PackTarget.PodSpec when pod is not null:
                yield return new PackTargetInstance(pod.Spec, pod.SpecPath, new Dictionary<string, string>());
                break;
            case PackTarget.Container or PackTarget.InitContainer or PackTarget.EphemeralContainer or PackTarget.AnyContainer when pod is not null:
                foreach (var container in pod.Containers(includeInit: true, includeEphemeral: true))
                {
                    var wanted = Match.Target switch
                    {
                        PackTarget.Container => container.Kind == ContainerKind.Container,
                        PackTarget.InitContainer => container.Kind == ContainerKind.Init,
                        PackTarget.EphemeralContainer => container.Kind == ContainerKind.Ephemeral,
                        _ => container.Kind != ContainerKind.Ephemeral,
                    };
                    if (wanted)
                    {
                        yield return new PackTargetInstance(container.Node, container.Path, new Dictionary<string, string>
                        {
                            ["container.name"] = container.Name,
                            ["container.image"] = container.Image ?? string.Empty,
                            ["container.kind"] = container.Kind switch { ContainerKind.Init => "init container", ContainerKind.Ephemeral => "ephemeral container", _ => "container" },
                        });
                    }
                }

                break;
            case PackTarget.Volume when pod?.Spec.GetSequence("volumes") is { } volumes:
                for (var i = 0; i < volumes.Items.Count; i++)
                {
                    if (volumes.Items[i] is YamlMapping volume)
                    {
                        yield return new PackTargetInstance(volume, $"{pod.SpecPath}.volumes[{i}]", new Dictionary<string, string> { ["volume.name"] = volume.GetString("name") ?? $"#{i}" });
                    }
                }

                break;
            case PackTarget.ServicePort when resource.Root.GetPath("spec", "ports") is YamlSequence ports:
                for (var i = 0; i < ports.Items.Count; i++)
                {
                    if (ports.Items[i] is YamlMapping port)
                    {
                        yield return new PackTargetInstance(port, $"spec.ports[{i}]", new Dictionary<string, string>
                        {
                            ["port.name"] = port.GetString("name") ?? $"#{i}",
                            ["port.port"] = port.GetString("port") ?? string.Empty,
                        });
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The most precise failing keyword: the deepest instance location with an error message. Results nested under a
    /// <c>not</c> are skipped (their failure is what made the <c>not</c> fail); a failing <c>not</c> has no message of its
    /// own, so when no message is left the deepest failing location is used.
    /// </summary>
    internal static (string Pointer, string Error) FirstLeafError(EvaluationResults results)
    {
        (string Pointer, string? Error, int Depth, bool HasError) best = (string.Empty, null, -1, false);
        foreach (var result in PositionedSchema.Flatten(results))
        {
            if (result.IsValid || result.EvaluationPath.ToString().Contains("/not/", StringComparison.Ordinal))
            {
                continue;
            }

            var pointer = result.InstanceLocation.ToString();
            var depth = pointer.Count(c => c == '/');
            var error = result.Errors is { Count: > 0 } errors ? errors.First().Value : null;
            var hasError = error is not null;
            if ((hasError && !best.HasError) || (hasError == best.HasError && depth > best.Depth))
            {
                best = (pointer, error, depth, hasError);
            }
        }

        return (best.Pointer, best.Error ?? "the value does not satisfy the rule's schema");
    }

    private static string PointerToPath(string pointer)
    {
        var builder = new StringBuilder();
        foreach (var token in YamlJson.Tokens(pointer))
        {
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                builder.Append('[').Append(index).Append(']');
            }
            else
            {
                builder.Append('.').Append(token);
            }
        }

        return builder.ToString();
    }

    private static void AddResourceValues(Dictionary<string, string> values, KubeResource resource)
    {
        values["resource"] = resource.Id.Display;
        values["resource.kind"] = resource.Kind ?? string.Empty;
        values["resource.name"] = resource.Name ?? string.Empty;
        values["resource.namespace"] = resource.Namespace ?? string.Empty;
    }

    /// <summary>Replaces <c>{name}</c> placeholders; unknown ones are left as written.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9.]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private sealed record PackTargetInstance(YamlMapping Node, string Path, Dictionary<string, string> Values);
}
