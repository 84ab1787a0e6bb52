using System.Text;

namespace Vixens.Lint.Helm.Tests.Functions;

/// <summary>
/// The <c>sprig</c> family of the Helm conformance corpus (Sprig's own tests and hand-made cases, expected output from
/// helm v3.17.2) through <see cref="SprigCaseHarness"/>. Cases in SprigKnownFailures.txt are ignored with their reason
/// (and fail once they pass); every other case must match byte for byte (output) or by message (error).
/// </summary>
public sealed class SprigConformanceTests
{
    private const int PublicSprigCases = 308;

    private static readonly Lazy<Dictionary<string, string>> KnownFailures = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Functions", "SprigKnownFailures.txt"))
            .Where(static l => l.Length > 0 && !l.StartsWith('#'))
            .Select(static l => l.Split('\t', 2))
            .ToDictionary(static p => p[0], static p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal));

    public static IEnumerable<string> Cases() => SprigCaseHarness.CaseNames("sprig");

    [Test]
    public void The_family_is_all_there() => Assert.That(Cases().Count(), Is.GreaterThanOrEqualTo(PublicSprigCases));

    [TestCaseSource(nameof(Cases))]
    public void Case_matches_helm(string caseName)
    {
        var failure = Check(caseName);
        if (KnownFailures.Value.TryGetValue(caseName, out var reason))
        {
            if (failure is null)
            {
                Assert.Fail($"{caseName} passes now: remove it from SprigKnownFailures.txt");
            }

            Assert.Ignore($"known failure: {reason}");
        }

        Assert.That(failure, Is.Null, failure);
    }

    /// <summary>Null when the case matches; otherwise what differs.</summary>
    internal static string? Check(string caseName)
    {
        var dir = Path.Combine(SprigCaseHarness.CasesRoot, caseName);
        (string? Output, string? Error) actual;
        try
        {
            actual = SprigCaseHarness.Render(caseName);
        }
        catch (Exception ex)
        {
            return $"crashed: {ex.GetType().Name}: {ex.Message}";
        }

        var expectedOutput = Path.Combine(dir, "expected.yaml");
        if (File.Exists(expectedOutput))
        {
            var expected = File.ReadAllText(expectedOutput);
            if (actual.Error is not null)
            {
                return $"expected output, got error: {actual.Error}";
            }

            return expected == actual.Output ? null : $"output differs:\n--- expected\n{expected}\n--- actual\n{actual.Output}";
        }

        var expectedError = File.ReadAllText(Path.Combine(dir, "expected-error.txt"));
        var firstLine = expectedError.Split('\n')[0];
        const string prefix = "Error: ";
        var message = firstLine.StartsWith(prefix, StringComparison.Ordinal) ? firstLine[prefix.Length..] : firstLine;
        if (actual.Error is null)
        {
            return $"expected error {message}, got output:\n{actual.Output}";
        }

        return actual.Error == message ? null : $"error differs:\n--- expected\n{message}\n--- actual\n{actual.Error}";
    }

    [TestCase("sprig")]
    [TestCase("helm")]
    [Explicit("development: writes every failing case of a family with its difference to /tmp/<family>-failures.txt")]
    public void Write_failure_report(string family)
    {
        var sb = new StringBuilder();
        var pass = 0;
        var all = 0;
        foreach (var c in SprigCaseHarness.CaseNames(family))
        {
            all++;
            var f = Check(c);
            if (f is null)
            {
                pass++;
            }
            else
            {
                sb.Append("##### ").Append(c).Append('\n').Append(f.Length > 3000 ? f[..3000] : f).Append("\n\n");
            }
        }

        File.WriteAllText($"/tmp/{family}-failures.txt", $"{pass}/{all} pass\n\n" + sb.Replace('\uDCC3', '?'), new UTF8Encoding(false, false));
        TestContext.Out.WriteLine($"{pass}/{all} pass");
    }
}
