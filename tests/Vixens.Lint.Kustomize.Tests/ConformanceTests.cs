namespace Vixens.Lint.Kustomize.Tests;

/// <summary>
/// One test per case of shared/conformance/kustomize. Output cases must render to the same objects (semantic) and
/// report byte identity separately; error cases must fail with a diagnostic. Cases listed in KnownDifferences.txt, and
/// cases blocked only by the patch engines not being merged yet, are reported inconclusive with the reason.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ConformanceTests
{
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "vixens-kustomize-conformance-" + Environment.ProcessId);

    public static IEnumerable<TestCaseData> Cases() =>
        ConformanceCase.All().Select(c => new TestCaseData(c).SetName(c.Name));

    [TestCaseSource(nameof(Cases))]
    public void RendersLikeKustomize(ConformanceCase testCase)
    {
        if (testCase.OfflineSkipReason is { } skip)
        {
            Assert.Ignore(skip);
        }

        var dir = testCase.Materialize(Scratch);
        var result = new KustomizeRenderer().Render(dir, new KustomizeOptions { Cache = new KustomizeCache() });
        var outcome = Evaluate(testCase, result);
        if (outcome.Passed)
        {
            if (outcome.Note is not null)
            {
                TestContext.Out.WriteLine(outcome.Note);
            }

            return;
        }

        if (Comparison.IsPatchEngineMissing(result))
        {
            Assert.Inconclusive("Blocked by the patch engines (PatchingStub): " + result.Diagnostics[0].Message);
        }

        if (KnownDifferences.Reason(testCase.Name) is { } known)
        {
            Assert.Inconclusive($"Known difference ({known}): {outcome.Note}");
        }

        Assert.Fail(outcome.Note ?? "differs from kustomize");
    }

    internal sealed record Outcome(bool Passed, bool ByteIdentical, string? Note);

    internal static Outcome Evaluate(ConformanceCase testCase, RenderResult result)
    {
        if (testCase.ExpectedOutput is { } expected)
        {
            if (!result.Succeeded)
            {
                return new Outcome(false, false, "kustomize succeeds but the render failed: " + string.Join("; ", result.Diagnostics));
            }

            var actual = KustomizeYamlWriter.Write(result.Resources);
            return Comparison.Compare(actual, expected) switch
            {
                Match.ByteIdentical => new Outcome(true, true, null),
                Match.Semantic => new Outcome(true, false, "semantically equal, not byte-identical (document order or formatting)"),
                _ => new Outcome(false, false, "rendered objects differ from kustomize's:\n" + actual),
            };
        }

        if (result.Succeeded)
        {
            return new Outcome(false, false, "kustomize fails (" + testCase.ExpectedError?.Split('\n')[0] + ") but the render succeeded");
        }

        return result.Diagnostics.Count > 0 ? new Outcome(true, true, null) : new Outcome(false, false, "failed without a diagnostic");
    }
}
