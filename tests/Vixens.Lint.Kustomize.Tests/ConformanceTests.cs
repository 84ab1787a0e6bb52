namespace Vixens.Lint.Kustomize.Tests;

/// <summary>
/// One test per expected result of shared/conformance/kustomize (the default build, and the <c>--reorder none</c> and
/// with-flags variants where a case has them). Output variants must be byte-identical to kustomize's; error variants must
/// fail with a diagnostic whose text carries kustomize's stable wording (ErrorTexts.txt). Exceptions are listed with their
/// reason in KnownDifferences.txt and reported inconclusive; a listed variant that now matches fails, so the list stays true.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ConformanceTests
{
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "vixens-kustomize-conformance-" + Environment.ProcessId);

    public static IEnumerable<TestCaseData> Cases() =>
        ConformanceCase.All().SelectMany(c => c.Variants()).Select(v => new TestCaseData(v).SetName(v.Name));

    [TestCaseSource(nameof(Cases))]
    public void RendersLikeKustomize(ConformanceVariant variant)
    {
        if (variant.Case.OfflineSkipReason is { } skip)
        {
            Assert.Ignore(skip);
        }

        var outcome = Run(variant, Path.Combine(Scratch, variant.Kind));
        var known = KnownDifferences.Reason(variant.Name);
        if (outcome.Passed)
        {
            Assert.That(known, Is.Null, "KnownDifferences.txt lists this variant, but it now matches kustomize: remove the line");
            return;
        }

        if (known is not null)
        {
            Assert.Inconclusive($"Known difference ({known}): {outcome.Note}");
        }

        Assert.Fail(outcome.Note ?? "differs from kustomize");
    }

    internal sealed record Outcome(bool Passed, string? Note);

    /// <summary>Materialises the case under <paramref name="scratchRoot"/>, renders it with the variant's options and judges the result.</summary>
    internal static Outcome Run(ConformanceVariant variant, string scratchRoot)
    {
        var dir = variant.Case.Materialize(scratchRoot);
        var result = new KustomizeRenderer().Render(dir, variant.Options with { Cache = new KustomizeCache() });
        return Evaluate(variant, result, variant.Case.InputRoot(scratchRoot));
    }

    private static Outcome Evaluate(ConformanceVariant variant, RenderResult result, string inputRoot)
    {
        if (variant.ExpectedOutput is { } expected)
        {
            if (!result.Succeeded)
            {
                return new Outcome(false, "kustomize succeeds but the render failed: " + string.Join("; ", result.Diagnostics));
            }

            var actual = KustomizeYamlWriter.Write(result.Resources);
            return Comparison.Compare(actual, expected) switch
            {
                Match.ByteIdentical => new Outcome(true, null),
                Match.Semantic => new Outcome(false, "the same objects as kustomize's, but not byte-identical (document order or formatting):\n" + actual),
                _ => new Outcome(false, "rendered objects differ from kustomize's:\n" + actual),
            };
        }

        var expectedError = variant.ExpectedError ?? throw new InvalidOperationException(variant.Name + " has neither expected.yaml nor expected-error.txt");
        if (result.Succeeded)
        {
            return new Outcome(false, "kustomize fails (" + expectedError.Split('\n')[0] + ") but the render succeeded");
        }

        if (result.Diagnostics.Count == 0)
        {
            return new Outcome(false, "failed without a diagnostic");
        }

        return ErrorTexts.Check(variant, expectedError, result.Diagnostics.Select(d => d.Message.Replace(inputRoot, "${INPUT}", StringComparison.Ordinal)));
    }
}
