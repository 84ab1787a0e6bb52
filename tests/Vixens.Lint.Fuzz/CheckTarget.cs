using Vixens.Lint.Analysis;

namespace Vixens.Lint.Fuzz;

/// <summary>
/// A small directory tree (see <see cref="TreeInput"/>, e.g. <c>argocd/overlays/dev/kustomization.yaml</c>, Applications,
/// apps) → the whole <see cref="LintEngine"/>. Invariant: nothing throws. Slower and less stable than the other targets
/// (the engine renders and checks in parallel), so it is for short runs after the focused ones.
/// </summary>
internal sealed class CheckTarget : IFuzzTarget
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"vixens-fuzz-{Environment.ProcessId}", "repo");

    public string Name => "check";

    public void Run(byte[] input)
    {
        TreeInput.WriteTo(_root, TreeInput.Decode(input));
        _ = LintEngine.Run(new LintRequest(_root) { RepositoryRoot = _root });
    }
}
