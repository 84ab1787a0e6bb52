namespace Vixens.Lint.Kustomize.Tests;

/// <summary>
/// Variants of the behaviours behind the realworld__* conformance cases (issue 18), under Fixtures/fidelity/&lt;class&gt;/&lt;variant&gt;:
/// <c>input/</c> (built at <c>input/</c>, or at the path in <c>build-dir</c>), and kubectl kustomize's (v1.34.5) output
/// in <c>expected.yaml</c>, or its error in <c>expected-error.txt</c>. Output must be byte-identical; an error case must fail.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FidelityFixtureTests
{
    /// <summary>Variants per behaviour class when these fixtures were written; fewer means data went missing.</summary>
    private static readonly Dictionary<string, int> MinimumPerClass = new(StringComparer.Ordinal)
    {
        ["json6902-annotations"] = 9,
        ["empty-annotations"] = 6,
        ["folded-scalars"] = 9,
        ["merged-generators"] = 5,
    };

    private static string Root => Path.Combine(SharedPaths.RepositoryRoot, "tests", "Vixens.Lint.Kustomize.Tests", "Fixtures", "fidelity");

    public static IEnumerable<TestCaseData> Variants()
    {
        if (!Directory.Exists(Root))
        {
            yield return new TestCaseData("(missing)").SetName("fidelity fixtures are missing");
            yield break;
        }

        foreach (var dir in Directory.GetDirectories(Root).SelectMany(Directory.GetDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, dir).Replace(Path.DirectorySeparatorChar, '/');
            yield return new TestCaseData(relative).SetName("fidelity:" + relative);
        }
    }

    [TestCaseSource(nameof(Variants))]
    public void RendersLikeKustomize(string variant)
    {
        var dir = Path.Combine(Root, variant);
        Assert.That(Directory.Exists(Path.Combine(dir, "input")), Is.True, "missing fixture input: " + dir);
        var buildDirFile = Path.Combine(dir, "build-dir");
        var build = Path.Combine(dir, "input", File.Exists(buildDirFile) ? File.ReadAllText(buildDirFile).Trim() : ".");
        var result = new KustomizeRenderer().Render(build, new KustomizeOptions { Cache = new KustomizeCache() });

        var expectedFile = Path.Combine(dir, "expected.yaml");
        if (File.Exists(expectedFile))
        {
            Assert.That(result.Succeeded, Is.True, () => "kustomize succeeds but the render failed: " + string.Join("; ", result.Diagnostics));
            Assert.That(KustomizeYamlWriter.Write(result.Resources), Is.EqualTo(File.ReadAllText(expectedFile)));
            return;
        }

        var errorFile = Path.Combine(dir, "expected-error.txt");
        Assert.That(File.Exists(errorFile), Is.True, "a variant needs expected.yaml or expected-error.txt: " + dir);
        Assert.That(result.Succeeded, Is.False, "kustomize fails (" + File.ReadAllText(errorFile).Trim() + ") but the render succeeded");
        Assert.That(result.Diagnostics, Is.Not.Empty);
    }

    [Test]
    public void EveryClassHasItsVariants()
    {
        foreach (var (behaviour, minimum) in MinimumPerClass)
        {
            var dir = Path.Combine(Root, behaviour);
            var count = Directory.Exists(dir) ? Directory.GetDirectories(dir).Length : 0;
            Assert.That(count, Is.GreaterThanOrEqualTo(minimum), behaviour);
        }
    }
}
