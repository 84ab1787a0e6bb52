using System.Text;

namespace Vixens.Lint.Helm.Tests.Template;

/// <summary>
/// The <c>gotpl</c> family of the Helm conformance corpus (Go's text/template tests and hand-made cases, expected
/// output from helm v3.17.2) run through <see cref="GotplCaseHarness"/>. Cases listed in GotplKnownFailures.txt are
/// reported as ignored with the reason; every other case must match byte for byte (output) or by message (error).
/// </summary>
public sealed class GotplConformanceTests
{
    private static readonly Lazy<Dictionary<string, string>> KnownFailures = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Template", "GotplKnownFailures.txt"))
            .Where(static l => l.Length > 0 && !l.StartsWith('#'))
            .Select(static l => l.Split('\t', 2))
            .ToDictionary(static p => p[0], static p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal));

    public static IEnumerable<string> Cases() => GotplCaseHarness.CaseNames();

    [Test]
    public void The_family_is_all_there() => Assert.That(Cases().Count(), Is.GreaterThanOrEqualTo(317));

    [TestCaseSource(nameof(Cases))]
    public void Case_matches_helm(string caseName)
    {
        var failure = Check(caseName);
        if (KnownFailures.Value.TryGetValue(caseName, out var reason))
        {
            if (failure is null)
            {
                Assert.Fail($"{caseName} passes now: remove it from GotplKnownFailures.txt");
            }

            Assert.Ignore($"known failure: {reason}");
        }

        Assert.That(failure, Is.Null, failure);
    }

    /// <summary>Null when the case matches; otherwise what differs.</summary>
    internal static string? Check(string caseName) => CheckDirectory(Path.Combine(GotplCaseHarness.CasesRoot, caseName));

    internal static string? CheckDirectory(string dir)
    {
        (string? Output, string? Error) actual;
        try
        {
            actual = GotplCaseHarness.RenderDirectory(dir);
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

    [Test]
    [Explicit("development: compares /tmp/gotpl-diff/* (cases made by hand and run through the real helm)")]
    public void Write_differential_report()
    {
        var sb = new StringBuilder();
        var pass = 0;
        var all = 0;
        foreach (var dir in Directory.GetDirectories(Environment.GetEnvironmentVariable("GOTPL_DIFF") ?? "/tmp/gotpl-diff").Order(StringComparer.Ordinal))
        {
            all++;
            var f = CheckDirectory(dir);
            if (f is null)
            {
                pass++;
            }
            else
            {
                sb.Append("##### ").Append(Path.GetFileName(dir)).Append(": ").Append(File.ReadAllText(Path.Combine(dir, "snippet.txt"))).Append('\n').Append(f.Length > 3000 ? f[..3000] : f).Append("\n\n");
            }
        }

        File.WriteAllText("/tmp/gotpl-diff-report.txt", $"{pass}/{all} pass\n\n" + sb);
    }

    [Test]
    [Explicit("development: writes every failing case with its difference to /tmp/gotpl-failures.txt")]
    public void Write_failure_report()
    {
        var sb = new StringBuilder();
        var pass = 0;
        var all = 0;
        foreach (var c in Cases())
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

        File.WriteAllText("/tmp/gotpl-failures.txt", $"{pass}/{all} pass\n\n" + sb);
        TestContext.Out.WriteLine($"{pass}/{all} pass");
    }
}
