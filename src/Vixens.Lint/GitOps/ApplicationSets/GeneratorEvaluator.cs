using Vixens.Lint.Diagnostics;
using Vixens.Lint.Yaml;

namespace Vixens.Lint.GitOps.ApplicationSets;

/// <summary>
/// ArgoCD's <c>Transform</c>: one generator entry (top-level or a matrix/merge child) to parameter sets. It picks the
/// generator fields that are set, interpolates a matrix's second child with the first child's parameters, runs the
/// generator and keeps the parameter sets the entry's <c>selector</c> matches.
/// </summary>
internal sealed class GeneratorEvaluator
{
    private readonly ExpansionScope _scope;

    public GeneratorEvaluator(ExpansionScope scope) => _scope = scope;

    /// <summary>The generator fields set on an entry, in ArgoCD's order.</summary>
    public static IReadOnlyList<string> KindsOf(YamlMapping entry) =>
        GeneratorKinds.All.Where(kind => entry[kind] is { } node && !(node is YamlScalar { IsNull: true })).ToList();

    /// <summary>
    /// Evaluates a nested entry (a matrix or merge child), which must hold exactly one generator.
    /// <paramref name="interpolation"/> are the first matrix child's parameters, or null.
    /// </summary>
    public List<ParamSet> EvaluateChild(YamlMapping entry, IReadOnlyDictionary<string, object?>? interpolation)
    {
        var kinds = KindsOf(entry);
        if (kinds.Count == 0)
        {
            throw new GeneratorException("child generator returned an error on parameter generation: child generator generated no parameters (no generator ArgoCD knows: " + string.Join(", ", entry.Keys) + ")", entry.Span);
        }

        if (kinds.Count > 1)
        {
            throw new GeneratorException("found more than one generator in matrix.Generators", entry.Span);
        }

        return Evaluate(entry, kinds[0], interpolation);
    }

    /// <summary>Evaluates the generator <paramref name="kind"/> of <paramref name="entry"/>, then its selector.</summary>
    public List<ParamSet> Evaluate(YamlMapping entry, string kind, IReadOnlyDictionary<string, object?>? interpolation)
    {
        var selector = entry.GetMapping("selector") is { } selectorNode ? ParamSelector.Parse(selectorNode) : null;
        if (interpolation is { Count: > 0 })
        {
            entry = GeneratorInterpolation.Interpolate(entry, interpolation, _scope.Strings);
        }

        var node = entry[kind]!;
        if (GeneratorKinds.OutsideDataReason(kind) is { } reason)
        {
            throw new UnrenderedException(kind, reason, node.Span);
        }

        if (node is not YamlMapping generator)
        {
            throw new GeneratorException($"{kind} must be a mapping", node.Span);
        }

        var sets = kind switch
        {
            GeneratorKinds.List => ListGenerator.Generate(generator, _scope),
            GeneratorKinds.Git => GitGenerator.Generate(generator, _scope),
            GeneratorKinds.Clusters => ClusterGenerator.Generate(generator, _scope),
            GeneratorKinds.Matrix => MatrixGenerator.Generate(generator, _scope, this),
            _ => MergeGenerator.Generate(generator, _scope, this),
        };

        _scope.CheckCount(sets.Count, node.Span);
        return selector is null ? sets : sets.Where(set => selector.Matches(ParamMaps.Flatten(set.Values))).ToList();
    }
}

/// <summary>Everything generators share while one ApplicationSet expands.</summary>
internal sealed class ExpansionScope
{
    public ExpansionScope(string applicationSetName, TemplateStrings strings, ExpansionOptions options)
    {
        ApplicationSetName = applicationSetName;
        Strings = strings;
        Options = options;
    }

    public string ApplicationSetName { get; }

    public TemplateStrings Strings { get; }

    public ExpansionOptions Options { get; }

    public bool GoTemplate => Strings.GoTemplate;

    public void CheckCount(int count, SourceSpan location)
    {
        if (count > Options.MaxParameterSets)
        {
            throw new GeneratorException($"the generator produces {count} parameter sets, more than the {Options.MaxParameterSets} an offline check expands", location);
        }
    }

    /// <summary>ArgoCD's <c>appendTemplatedValues</c>: a generator's <c>values</c>, each rendered with the parameters so far.</summary>
    public void AppendValues(YamlMapping generator, Dictionary<string, object?> parameters)
    {
        if (generator.GetMapping("values") is not { Count: > 0 } values)
        {
            return;
        }

        var rendered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in values.Entries)
        {
            rendered[entry.Key.Value] = entry.Value is YamlScalar { IsNull: false } scalar ? ApplicationTemplate.RenderScalar(scalar, parameters, Strings) : string.Empty;
        }

        if (GoTemplate)
        {
            parameters["values"] = rendered;
        }
        else
        {
            foreach (var (key, value) in rendered)
            {
                parameters["values." + key] = value;
            }
        }
    }
}
