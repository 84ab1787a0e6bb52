using Vixens.Lint.Kustomize.Config;
using Vixens.Lint.Yaml;
using Vixens.Lint.Diagnostics;

namespace Vixens.Lint.Kustomize.Core;

/// <summary>A legacy <c>vars</c> entry: a named field of an object whose value replaces <c>$(NAME)</c>.</summary>
internal sealed record VarDefinition(string Name, Gvk ObjGvk, string ObjName, string ObjNamespace, string FieldPath, SourceSpan Span);

/// <summary>What building one kustomization produces: its objects, the transformer configuration and its vars.</summary>
internal sealed class ResAccumulator
{
    public ResourceList Resources { get; private set; } = new();

    public TransformerConfig Config { get; set; } = TransformerConfig.Default;

    public List<VarDefinition> Vars { get; private set; } = [];

    public void MergeConfig(TransformerConfig other) => Config = Config.Merge(other);

    /// <summary>Takes in a child build: its objects (ids must not clash), its configuration and its vars.</summary>
    public void MergeAccumulator(ResAccumulator other, SourceSpan errorLocation)
    {
        Resources.AppendAll(other.Resources, errorLocation);
        if (!ReferenceEquals(other.Config, TransformerConfig.Default))
        {
            Config = Config.Merge(other.Config);
        }

        foreach (var v in other.Vars)
        {
            AddVar(v);
        }
    }

    public void AddVar(VarDefinition v)
    {
        if (Vars.Any(existing => existing.Name == v.Name))
        {
            throw new KustomizeException(KustomizeDescriptors.ReplacementError, v.Span, $"var '{v.Name}' already encountered");
        }

        Vars.Add(v);
    }

    public ResAccumulator Clone() => new()
    {
        Resources = Resources.Clone(),
        Config = Config,
        Vars = [.. Vars],
    };
}

/// <summary>A base built once and kept in the cache: its result or the error it failed with.</summary>
internal sealed record BuiltBase(ResAccumulator? Result, Diagnostics.Diagnostic? Error);
