using System.Diagnostics;
using System.Text.RegularExpressions;
using Vixens.Lint.Helm.Template;

namespace Vixens.Lint.Helm.Tests.Template;

/// <summary>Throughput of parsing every template of the real charts in the corpus, and of executing the gotpl family.</summary>
public sealed partial class TemplatePerformanceTests
{
    [Test]
    [Explicit("measurement: prints parse and execution throughput")]
    public void Measure()
    {
        var files = Directory.GetDirectories(SharedPaths.HelmCases, "chart__*")
            .SelectMany(static d => Directory.GetFiles(Path.Combine(d, "chart"), "*", SearchOption.AllDirectories))
            .Where(static f => f.Contains("/templates/", StringComparison.Ordinal) && (f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".tpl", StringComparison.Ordinal)))
            .Select(static f => (Name: f, Text: File.ReadAllText(f)))
            .ToList();
        var names = files.SelectMany(static f => Identifier().Matches(f.Text).Select(static m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var functions = names.Select(static n => new GoFunction(n, [], GoType.Any, static _ => null)).ToList();
        var chars = files.Sum(static f => (long)f.Text.Length);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < 5; r++)
        {
            foreach (var (_, text) in files)
            {
                Vixens.Lint.Helm.Template.Parsing.Lexer.Lex(text);
            }
        }

        TestContext.Out.WriteLine($"lex only: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 5:F1} ms CPU per pass");
        // Every identifier of every file as a function, so that each file parses; one set per pass (a chart's files share one).
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var parsed = 0;
        const int rounds = 5;
        for (var r = 0; r < rounds; r++)
        {
            var set = new GoTemplateSet().Funcs(functions);
            foreach (var (name, text) in files)
            {
                try
                {
                    set.Parse(name, text);
                    parsed++;
                }
                catch (GoTemplateParseException)
                {
                }
            }
        }

        sw.Stop();
        var cpuParse = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / rounds;
        TestContext.Out.WriteLine($"parse: {files.Count} files, {chars / 1024} KiB, {parsed / rounds} parsed; {sw.Elapsed.TotalMilliseconds / rounds:F1} ms wall, {cpuParse:F1} ms CPU per pass ({chars / 1024.0 / 1024.0 / (cpuParse / 1000):F1} MiB per CPU second)");

        var cases = GotplCaseHarness.CaseNames().Where(static c => !c.Contains("recurs", StringComparison.Ordinal) && !c.Contains("depth", StringComparison.Ordinal)).ToList();
        GotplCaseHarness.Render(cases[0]);
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        foreach (var c in cases)
        {
            GotplCaseHarness.Render(c);
        }

        sw.Stop();
        var cpuCases = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        TestContext.Out.WriteLine($"gotpl: {cases.Count} cases rendered (read, parse, execute) in {sw.Elapsed.TotalMilliseconds:F0} ms wall, {cpuCases:F0} ms CPU, {cpuCases / cases.Count:F2} ms CPU per case");
    }

    [GeneratedRegex(@"(?<![.$\w])([a-zA-Z_]\w*)")]
    private static partial Regex Identifier();
}
