namespace Vixens.Lint.Fuzz;

/// <summary>
/// One fuzzed entry point. <see cref="Run"/> must throw only when the product misbehaves (an exception escaping the
/// product, or a broken invariant), never because the input is bad: bad input must end as diagnostics.
/// </summary>
internal interface IFuzzTarget
{
    string Name { get; }

    void Run(byte[] input);
}

internal static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } = [new YamlTarget(), new KustomizeTarget(), new PatchTarget(), new CheckTarget()];
}
