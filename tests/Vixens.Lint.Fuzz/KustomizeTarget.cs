using Vixens.Lint.Kustomize;

namespace Vixens.Lint.Fuzz;

/// <summary>
/// A small directory tree (see <see cref="TreeInput"/>) → <see cref="KustomizeRenderer.Render"/>, as <c>vixens-lint
/// render</c> runs it, then the output writer. Invariants: nothing throws (bad input only gives diagnostics); every
/// diagnostic position is 1-based; no diagnostic comes from the renderer's or the patch engines' last-resort catch
/// (which turn an unexpected exception into a diagnostic so that a lint run survives a bug, and so would hide it from
/// the fuzzer); a successful render prints.
/// </summary>
internal sealed class KustomizeTarget : IFuzzTarget
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"vixens-fuzz-{Environment.ProcessId}", "tree");

    private const string CatchAllPrefix = "kustomize build failed: ";
    private const string PatchCatchAll = "internal error while applying";

    public string Name => "kustomize";

    public void Run(byte[] input)
    {
        TreeInput.WriteTo(_root, TreeInput.Decode(input));

        // A fresh cache: the files change between executions, and a cached parse would hide the new ones.
        var options = new KustomizeOptions { RepositoryRoot = _root, Cache = new KustomizeCache() };
        var result = new KustomizeRenderer().Render(_root, options);
        foreach (var diagnostic in result.Diagnostics)
        {
            var location = diagnostic.Location;
            if (location.StartLine < 1 || location.StartColumn < 1 || location.EndLine < location.StartLine)
            {
                throw new InvariantViolationException($"diagnostic {diagnostic.Id} has position {location}: {diagnostic.Message}");
            }

            if (diagnostic.Message.StartsWith(CatchAllPrefix, StringComparison.Ordinal) || diagnostic.Message.Contains(PatchCatchAll, StringComparison.Ordinal))
            {
                throw new InvariantViolationException($"an exception was turned into diagnostic {diagnostic.Id}: {diagnostic.Message}");
            }
        }

        if (result.Succeeded)
        {
            _ = KustomizeYamlWriter.Write(result.Resources);
        }
    }
}
