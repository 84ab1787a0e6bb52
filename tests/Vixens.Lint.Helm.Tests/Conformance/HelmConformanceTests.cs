namespace Vixens.Lint.Helm.Tests.Conformance;

/// <summary>
/// Every public helm conformance case through the library: output cases must be byte-identical to expected.yaml,
/// error cases must fail (with Helm's exact stderr where it is stable). A case listed in KnownDifferences.txt is
/// ignored with its reason, and fails if it starts to pass (so the list only shrinks).
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class HelmConformanceTests
{
    private static readonly HelmTemplateRunner Runner = new();

    public static IEnumerable<TestCaseData> Cases() =>
        HelmCase.All().Select(c => new TestCaseData(c).SetName(c.Name).SetCategory(c.Family));

    [TestCaseSource(nameof(Cases))]
    public void Renders_like_helm(HelmCase helmCase)
    {
        var (passed, explanation) = Check(helmCase);
        var known = KnownDifferences.ReasonFor(helmCase.Name);
        if (known is not null)
        {
            if (passed)
            {
                Assert.Fail($"{helmCase.Name} now matches helm: remove it from KnownDifferences.txt (listed as: {known})");
            }

            Assert.Ignore($"Known difference: {known}");
        }

        Assert.That(passed, Is.True, explanation);
    }

    [Test]
    public void Known_differences_name_existing_cases()
    {
        var names = HelmCase.All().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.That(KnownDifferences.All.Keys.Where(k => !names.Contains(k)), Is.Empty, "stale entries in KnownDifferences.txt");
    }

    /// <summary>
    /// A ratchet on the known differences: the goal is at most 1% of the public cases (8); the ceiling is where the
    /// suite stands and may only go down.
    /// </summary>
    [Test]
    public void Known_differences_do_not_grow()
    {
        const int Ceiling = 5;
        var total = HelmCase.All().Count;
        Assert.That(KnownDifferences.All, Has.Count.LessThanOrEqualTo(Ceiling), $"{KnownDifferences.All.Count} of {total} cases differ from helm");
    }

    /// <summary>Runs a case; true when it matches helm, else a readable explanation.</summary>
    internal static (bool Passed, string Explanation) Check(HelmCase helmCase)
    {
        HelmTemplateResult result;
        try
        {
            result = Runner.Run(helmCase.ToOptions());
        }
        catch (HelmException e)
        {
            result = new HelmTemplateResult(string.Empty, e, []);
        }

        if (helmCase.ExpectsError)
        {
            if (result.Succeeded)
            {
                return (false, "helm fails here, but the render succeeded:\n" + helmCase.ExpectedError);
            }

            if (helmCase.ErrorTextStable && result.ErrorText != helmCase.ExpectedError)
            {
                return (false, $"error text differs.\nexpected: {helmCase.ExpectedError}\nactual:   {result.ErrorText}");
            }

            return (true, string.Empty);
        }

        if (!result.Succeeded)
        {
            return (false, "render failed: " + result.ErrorText);
        }

        var expected = helmCase.ExpectedOutput;
        return result.Output == expected ? (true, string.Empty) : (false, FirstDifference(expected, result.Output));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"output differs at line {i + 1}:\nexpected: {el}\nactual:   {al}";
            }
        }

        return "output differs";
    }
}
